using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Execution;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// plan compares the manifest's structured column types with the catalog's parts (as PostgreSQL reports them:
/// character_maximum_length, numeric_precision, numeric_scale), so a narrowed VARCHAR or a new DECIMAL precision is
/// a breaking change, which a comparison of type names alone could not see.
/// </summary>
public sealed class PlanComparerTests
{
    private static WarehouseManifest Manifest(params ManifestColumn[] columns) => new(
        WarehouseManifest.SupportedFormat, "P", ["postgres"], new Dictionary<string, string> { ["postgres"] = "postgres/_setup.sql" },
        new Dictionary<string, IReadOnlyList<string>>(), TestManifests.Bookkeeping, TestManifests.Aws,
        [new ManifestNode("gold.dim_accounts", "dimension", "gold", "gold", "dim_accounts", null, null, "table", columns, null, null, null, null,
            [], new Dictionary<string, string> { ["postgres"] = "postgres/gold/dim_accounts.sql" }, null, null, null, null, "gold")]);

    private static CatalogColumn Catalog(string column, string type, int? length = null, int? precision = null, int? scale = null) =>
        new("gold", "dim_accounts", column, type, false, length, precision, scale);

    public static TheoryData<string, ManifestColumnType, CatalogColumn, PlanChange?> Changes => new()
    {
        { "a narrowed VARCHAR", TestManifests.Varchar(20), Catalog("c", "character varying", length: 40),
            new PlanChange("narrowed column", "gold.dim_accounts", "c", "character varying(40) -> VARCHAR(20)", true) },
        { "a widened VARCHAR", TestManifests.Varchar(80), Catalog("c", "character varying", length: 40),
            new PlanChange("widened column", "gold.dim_accounts", "c", "character varying(40) -> VARCHAR(80)", false) },
        { "a DECIMAL of another precision", TestManifests.Decimal(18, 2), Catalog("c", "numeric", precision: 12, scale: 2),
            new PlanChange("changed column", "gold.dim_accounts", "c", "numeric(12,2) -> DECIMAL(18,2)", true) },
        { "a DECIMAL of another scale", TestManifests.Decimal(18, 4), Catalog("c", "numeric", precision: 18, scale: 2),
            new PlanChange("changed column", "gold.dim_accounts", "c", "numeric(18,2) -> DECIMAL(18,4)", true) },
        { "another type family", TestManifests.BigInt, Catalog("c", "character varying", length: 40),
            new PlanChange("changed column", "gold.dim_accounts", "c", "character varying(40) -> BIGINT", true) },
        { "the same VARCHAR", TestManifests.Varchar(40), Catalog("c", "character varying", length: 40), null },
        { "the same DECIMAL", TestManifests.Decimal(18, 2), Catalog("c", "numeric", precision: 18, scale: 2), null },
        // DuckDB keeps no VARCHAR length, and spells the precision in the type name: nothing to compare, nothing changed.
        { "a VARCHAR whose length the engine does not keep", TestManifests.Varchar(20), Catalog("c", "VARCHAR"), null },
        { "DuckDB's DECIMAL", TestManifests.Decimal(18, 2), Catalog("c", "DECIMAL(18,2)", precision: 18, scale: 2), null },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Compares_the_parts_of_a_column_type(string change, ManifestColumnType declared, CatalogColumn actual, PlanChange? expected)
    {
        var changes = PlanComparer.Compare(Manifest(new ManifestColumn("c", declared)), [actual]);

        Assert.True(expected is null ? changes.Count == 0 : changes.SequenceEqual([expected]), $"{change}: {string.Join("; ", changes)}");
    }

    [Fact]
    public void The_manifests_bookkeeping_columns_are_not_changes()
    {
        var manifest = Manifest(new ManifestColumn("c", TestManifests.BigInt));

        var changes = PlanComparer.Compare(manifest, [Catalog("c", "bigint"), Catalog("_batch_at", "timestamp"), Catalog("_legacy", "text")]);

        // _batch_at is the scripts' (the manifest says so); _legacy is no one's, so dropping it is a change.
        Assert.Equal([new PlanChange("dropped column", "gold.dim_accounts", "_legacy", "text", true)], changes);
    }
}
