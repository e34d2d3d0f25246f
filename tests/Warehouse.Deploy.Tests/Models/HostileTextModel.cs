using System.Globalization;
using System.Text;

namespace Warehouse.Deploy.Tests.Models;

/// <summary>
/// A small model (customers, orders, a dimension, a fact, a SQL model) whose free text is written to escape: SQL
/// statements after a bare CR, U+2028 or NEL in a description or grain sentence, a backslash-quote in a rule's reason
/// (a second statement on Redshift and in dbt), runner variables and Jinja tags in every kind of text, quotes in
/// accepted values. <see cref="Sources"/> with <c>hostile: false</c> is the same model with harmless text: what the
/// compiler's templates emit for it, statement for statement.
/// </summary>
public static class HostileTextModel
{
    public const string Description = "Orders.\rDROP TABLE gold.sales; --\n{{lake_root}} {{unknown_variable}} {{{ 7*7 }}} {% if true %}jinja{% endif %} {# c #}\u2028DROP TABLE gold.sales; --\u0085x\\'; DROP TABLE gold.sales; -- ends {";

    public const string Grain = "One row per order.\rDROP TABLE gold.sales; --\u2028{{batch_at}} {% endraw %}";

    public const string RuleName = "positive_{{x}}";

    public const string RuleReason = "x\\'; DROP TABLE gold.sales; -- {{lake_root}} {{{ 7*7 }}} it's \\ {% endraw %} {";

    public static readonly string[] Cities = ["O'Brien {{x}}", "back\\slash' {% raw %}", "Plain"];

    public const string DefaultCity = "unknown {{lake_root}} \\ it's";

    public const string Note = "{{batch_at}} {% raw %} {{{x";

    public static IReadOnlyList<(string FileName, string Text)> Sources(bool hostile)
    {
        string Text(string text) => Cs(hostile ? text : "benign");
        var cities = string.Join(", ", (hostile ? Cities.Append(DefaultCity) : ["benign one", "benign two", "Plain", "benign"]).Select(Cs));
        var defaultCity = (hostile ? DefaultCity : "benign").Replace("'", "''", StringComparison.Ordinal);
        var note = hostile ? Note : "benign";
        const string usings = "using System;\nusing Warehouse.Model;\n\n";
        return
        [
            ("Bronze/Raw.cs", usings + $$"""
                namespace Shop.Bronze;

                [Source("raw/customers/", FilePattern = "raw_customers*.csv", Delimiter = ',')]
                [Description({{Text(Description)}})]
                public sealed record RawCustomers
                {
                    [Description({{Text(Description)}})] public long CustomerId { get; init; }
                    [MaxLength(100)] public required string Name { get; init; }
                    [MaxLength(50)] public string? City { get; init; }
                }

                [Source("raw/orders/", FilePattern = "raw_orders*.csv", Delimiter = ',')]
                public sealed record RawOrders
                {
                    public long OrderId { get; init; }
                    public long CustomerId { get; init; }
                    [Precision(12, 2)] public decimal Amount { get; init; }
                }
                """),
            ("Silver/Clean.cs", usings + $$"""
                namespace Shop.Silver;

                [Staging(typeof(Bronze.RawCustomers), Key = nameof(CustomerId))]
                [Description({{Text(Description)}})]
                public sealed record Customers
                {
                    public long CustomerId { get; init; }
                    [MaxLength(100)] public required string Name { get; init; }
                    [MaxLength(50), Default({{Cs("'" + defaultCity + "'")}})] public string? City { get; init; }
                }

                [Staging(typeof(Bronze.RawOrders), Key = nameof(OrderId))]
                [Rule({{Text(RuleName)}}, "amount >= 0", {{Text(RuleReason)}})]
                public sealed record Orders
                {
                    public long OrderId { get; init; }
                    public long CustomerId { get; init; }
                    [Precision(12, 2)] public decimal Amount { get; init; }
                }
                """),
            ("Gold/Published.cs", usings + $$"""
                namespace Shop.Gold;

                [Dimension(typeof(Silver.Customers))]
                [Description({{Text(Description)}})]
                public sealed record Customer
                {
                    [SurrogateKey] public long CustomerKey { get; init; }
                    [BusinessKey] public long CustomerId { get; init; }
                    [MaxLength(100)] public required string Name { get; init; }
                    [MaxLength(50), AcceptedValues({{cities}}), Description({{Text(Description)}})] public string? City { get; init; }
                }

                [Fact(typeof(Silver.Orders))]
                [Grain({{Text(Grain)}}, nameof(OrderId))]
                [Description({{Text(Description)}})]
                public sealed record Sales
                {
                    [DegenerateKey] public long OrderId { get; init; }
                    [References(typeof(Customer))] public long CustomerKey { get; init; }
                    [Measure(Additivity.Additive), Precision(12, 2)] public decimal Amount { get; init; }
                }

                [SqlModel($"SELECT s.order_id AS order_id, {{{Cs(SqlString(note))}}} AS note FROM {nameof(Sales)} AS s")]
                [Description({{Text(Description)}})]
                public sealed record SalesNotes
                {
                    public long OrderId { get; init; }
                    [MaxLength(100)] public string? Note { get; init; }
                }
                """),
        ];
    }

    /// <summary>A SQL string literal in the SQL model's body (the user's SQL, in a PostgreSQL-and-DuckDB spelling).</summary>
    private static string SqlString(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A C# string literal whose value is <paramref name="text"/>, every character outside printable ASCII escaped.</summary>
    private static string Cs(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\') literal.Append('\\').Append(c);
            else if (c is < ' ' or > '~') literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else literal.Append(c);
        }

        return literal.Append('"').ToString();
    }
}
