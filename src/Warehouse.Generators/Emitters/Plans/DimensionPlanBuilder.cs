using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Plans;

/// <summary>Builds a dimension's <see cref="DimensionPlan"/> from its resolved spec.</summary>
internal static class DimensionPlanBuilder
{
    public static DimensionPlan Build(NodeSpec node)
    {
        var business = node.Columns.FirstOrDefault(c => c.Role == ColumnRole.BusinessKey);
        var surrogate = node.Columns.FirstOrDefault(c => c.Role == ColumnRole.SurrogateKey);
        if (node.Kind != NodeKind.Dimension || node.Upstream is null || business is null || surrogate is null)
        {
            // WH0006/WH0017 stop the build on a dimension without keys; the emitters never see one.
            throw new InvalidOperationException($"{node.Id} is not a resolved dimension with a business and a surrogate key");
        }

        var type2 = node.Scd == 2;
        var columns = node.Columns
            .Select(c => new DimensionColumn(c.Name, c.Type, c.Nullable, c.Role, c.Role == ColumnRole.SurrogateKey ? null : ValuePlan.Of(c)))
            .ToList();
        // The keys never version: a business key identifies the member and the surrogate key is derived.
        var versioned = node.Columns.Where(c => type2 && c.Role is not (ColumnRole.SurrogateKey or ColumnRole.BusinessKey)).ToList();
        return new DimensionPlan(
            new TableRef(node.Schema, node.Name),
            node.Upstream,
            columns.ToEquatableArray(),
            type2
                ? new SurrogateKeyPlan(surrogate.Name, business.Name, WithValidFrom: true)
                : new SurrogateKeyPlan(surrogate.Name, business.UpstreamColumn ?? business.Name, WithValidFrom: false),
            business.Name,
            type2,
            versioned.Where(c => c.History).Select(c => c.Name).ToEquatableArray(),
            versioned.Where(c => !c.History).Select(c => c.Name).ToEquatableArray(),
            node.UnknownMember ? UnknownMember(node.Columns, type2).ToEquatableArray() : EquatableArray<ColumnConstant>.Empty,
            TableLayout.Of(node));
    }

    /// <summary>
    /// The row facts point at when their member is missing or late: key -1, placeholders that fit each column,
    /// valid for all time.
    /// </summary>
    private static IEnumerable<ColumnConstant> UnknownMember(IEnumerable<ColumnSpec> columns, bool type2)
    {
        foreach (var column in columns)
        {
            yield return new ColumnConstant(column.Name, UnknownValue(column));
        }

        if (type2)
        {
            yield return new ColumnConstant("valid_from", Constant.ValidFromStart);
            yield return new ColumnConstant("valid_to", Constant.ValidToEnd);
            yield return new ColumnConstant("is_current", Constant.True);
        }

        yield return new ColumnConstant("_batch_at", Constant.ValidFromStart);
    }

    private static Constant UnknownValue(ColumnSpec column) => column.Role switch
    {
        ColumnRole.SurrogateKey => new Constant(SqlTypeKind.BigInt, "-1"),
        _ when column.Nullable && column.Role != ColumnRole.BusinessKey => Constant.Null,
        _ => column.Type.Kind switch
        {
            SqlTypeKind.Varchar => new Constant(SqlTypeKind.Varchar, column.Role == ColumnRole.BusinessKey ? "-1" : UnknownText(column.Type)),
            SqlTypeKind.Boolean => new Constant(SqlTypeKind.Boolean, "FALSE"),
            SqlTypeKind.Date => new Constant(SqlTypeKind.Date, "1900-01-01"),
            SqlTypeKind.Timestamp => Constant.ValidFromStart,
            _ => new Constant(column.Type.Kind, column.Role == ColumnRole.BusinessKey ? "-1" : "0"),
        },
    };

    /// <summary>'Unknown', or '?' where the column is too short for it (PostgreSQL enforces VARCHAR lengths; DuckDB does not).</summary>
    private static string UnknownText(SqlType type) => type.Length is > 0 and < 7 ? "?" : "Unknown";
}
