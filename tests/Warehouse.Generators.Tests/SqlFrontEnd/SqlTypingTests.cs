using Warehouse.Generators.Dialects;
using Warehouse.Generators.Model;
using Warehouse.Generators.SqlFrontEnd;

namespace Warehouse.Generators.Tests.SqlFrontEnd;

/// <summary>The output types the binder infers, and which of them a cast to a declared type would truncate.</summary>
public sealed class SqlTypingTests
{
    private static readonly SqlBoundTable Orders = new("orders", "gold.orders", "gold.orders", new[]
    {
        ("id", new SqlType(SqlTypeKind.BigInt)),
        ("qty", new SqlType(SqlTypeKind.Integer)),
        ("amount", new SqlType(SqlTypeKind.Decimal, Precision: 18, Scale: 2)),
        ("name", new SqlType(SqlTypeKind.Varchar, Length: 40)),
        ("booked_at", new SqlType(SqlTypeKind.Timestamp)),
    });

    [Theory]
    [InlineData("COUNT(*)", "BIGINT")]
    [InlineData("SUM(qty)", "BIGINT")]
    [InlineData("SUM(amount)", "DECIMAL(18,2)")]
    [InlineData("AVG(amount)", "DECIMAL(22,6)")]
    [InlineData("ROUND(AVG(amount), 2)", "DECIMAL(22,2)")]
    [InlineData("AVG(qty)", "DOUBLE")]
    [InlineData("amount * 2", "DECIMAL(18,2)")]
    [InlineData("qty + id", "BIGINT")]
    [InlineData("qty / 2", null)]
    [InlineData("COALESCE(amount, 0)", "DECIMAL(18,2)")]
    [InlineData("CASE WHEN qty > 1 THEN 'many' ELSE 'one' END", "VARCHAR(4)")]
    [InlineData("upper(name)", "VARCHAR(40)")]
    [InlineData("name || '!'", "VARCHAR(41)")]
    [InlineData("year(booked_at)", "INTEGER")]
    [InlineData("CAST(booked_at AS DATE)", "DATE")]
    [InlineData("qty::double precision", "DOUBLE")]
    [InlineData("ROW_NUMBER() OVER (ORDER BY id)", "BIGINT")]
    [InlineData("(SELECT upper(name))", "VARCHAR(40)")]
    [InlineData("NULL", null)]
    public void Infers_the_output_type(string expression, string? expected)
    {
        var outcome = SqlParser.Parse(new[] { new SqlPart($"SELECT {expression} AS x FROM ", null), new SqlPart("Orders", "Shop.Orders") }.ToEquatableArray());
        var binding = SqlBinder.Bind(outcome.Query!, "Shop.Report", _ => Orders, SqlDialect.All);
        Assert.Empty(binding.Problems);
        Assert.Equal(expected, Assert.Single(binding.Outputs).Type?.ToString());
    }

    [Theory]
    [InlineData("Decimal", 18, 4, "Decimal", 18, 2, "4 decimal places would be rounded to 2")]
    [InlineData("Decimal", 38, 2, "Decimal", 18, 2, "36 integer digits do not fit in 16")]
    [InlineData("BigInt", 0, 0, "Integer", 0, 0, "the value may not fit")]
    [InlineData("Double", 0, 0, "BigInt", 0, 0, "the fraction would be cut off")]
    [InlineData("Timestamp", 0, 0, "Date", 0, 0, "the time of day would be cut off")]
    [InlineData("Varchar", 50, 0, "BigInt", 0, 0, "the types do not convert")]
    [InlineData("Integer", 0, 0, "BigInt", 0, 0, null)]
    [InlineData("Decimal", 10, 2, "Decimal", 18, 2, null)]
    [InlineData("Integer", 0, 0, "Decimal", 18, 2, null)]
    [InlineData("Date", 0, 0, "Timestamp", 0, 0, null)]
    [InlineData("BigInt", 0, 0, "Varchar", 256, 0, null)]
    public void Reports_what_a_cast_to_the_declared_type_would_lose(string value, int p1, int s1, string column, int p2, int s2, string? reason)
    {
        // The kinds arrive by name: SqlTypeKind is internal, and a public test method cannot take it.
        static SqlType Make(string name, int p, int s)
        {
            var kind = Enum.Parse<SqlTypeKind>(name);
            return kind == SqlTypeKind.Varchar ? new SqlType(kind, Length: p) : new SqlType(kind, Precision: p, Scale: s);
        }

        Assert.Equal(reason, SqlTyping.Truncation(Make(value, p1, s1), Make(column, p2, s2)));
    }
}
