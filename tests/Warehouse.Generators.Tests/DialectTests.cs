using System.Text.Json;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Parsing;
using Warehouse.Testing;

namespace Warehouse.Generators.Tests;

/// <summary>The dialects come from one registry, and everything that lists dialects lists that registry's.</summary>
public sealed class DialectTests
{
    [Fact]
    public void The_manifest_and_the_artifact_folders_list_the_registry_s_dialects()
    {
        var names = SqlDialect.All.Select(d => d.Name).ToList();

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.BankingWarehouse, "manifest.json")));
        Assert.Equal(names, manifest.RootElement.GetProperty("dialects").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(names.Order(StringComparer.Ordinal), manifest.RootElement.GetProperty("setup").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            Assert.True(File.Exists(Path.Combine(Repository.BankingWarehouse, name, "_setup.sql")), $"{name}/_setup.sql");
        }
    }

    [Fact]
    public void Every_dialect_has_a_distinct_name_and_declares_its_limits()
    {
        Assert.Equal(SqlDialect.All.Count, SqlDialect.All.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(SqlDialect.All, d =>
        {
            Assert.Matches("^[a-z]+$", d.Name);
            Assert.InRange(d.MaxIdentifierLength, 1, 1024);
            Assert.Contains("select", d.ReservedWords);
        });
    }

    [Theory]
    [InlineData("select", "DuckDB, PostgreSQL and Redshift")]
    [InlineData("timestamp", "Redshift")]
    [InlineData("account_id", null)]
    public void A_reserved_word_names_the_dialects_that_reserve_it(string word, string? dialects)
    {
        Assert.Equal(dialects, Naming.ReservedIn(word));
    }

    [Fact]
    public void The_identifier_limit_is_the_shortest_dialect_s()
    {
        Assert.Null(Naming.InvalidReason(new string('a', 63)));
        Assert.Equal("it is 64 characters long and PostgreSQL allows 63", Naming.InvalidReason(new string('a', 64)));
    }
}
