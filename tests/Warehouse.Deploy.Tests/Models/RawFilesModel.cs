namespace Warehouse.Deploy.Tests.Models;

/// <summary>
/// A warehouse fed by comma-delimited files whose names follow no dim/fact convention (<c>raw_customers*.csv</c>,
/// <c>raw_orders*.csv</c>), with staging, one dimension and one fact whose names carry no Dim/Fact prefix either.
/// </summary>
public static class RawFilesModel
{
    private const string Usings = "using System;\nusing Warehouse.Model;\n\n";

    public static IReadOnlyList<(string FileName, string Text)> Sources { get; } =
    [
        ("Bronze/Raw.cs", Usings + """
            namespace Shop.Bronze;

            [Source("raw/customers/", FilePattern = "raw_customers*.csv", Delimiter = ',')]
            public sealed record RawCustomers
            {
                public long CustomerId { get; init; }
                [MaxLength(100)] public required string Name { get; init; }
                [MaxLength(50)] public string? City { get; init; }
            }

            [Source("raw/orders/", FilePattern = "raw_orders*.csv", Delimiter = ',')]
            public sealed record RawOrders
            {
                public long OrderId { get; init; }
                public long CustomerId { get; init; }
                public DateTime OrderedAt { get; init; }
                [Precision(12, 2)] public decimal Amount { get; init; }
            }
            """),
        ("Silver/Clean.cs", Usings + """
            namespace Shop.Silver;

            [Staging(typeof(Bronze.RawCustomers), Key = nameof(CustomerId))]
            public sealed record Customers
            {
                public long CustomerId { get; init; }
                [MaxLength(100), Derived("trim(name)")] public required string Name { get; init; }
                [MaxLength(50)] public string? City { get; init; }
            }

            [Staging(typeof(Bronze.RawOrders), Key = nameof(OrderId))]
            [Rule("positive_amount", "amount >= 0", "an order amount cannot be negative")]
            public sealed record Orders
            {
                public long OrderId { get; init; }
                public long CustomerId { get; init; }
                public DateTime OrderedAt { get; init; }
                [Precision(12, 2)] public decimal Amount { get; init; }
            }
            """),
        ("Gold/Published.cs", Usings + """
            namespace Shop.Gold;

            [Dimension(typeof(Silver.Customers))]
            public sealed record Customer
            {
                [SurrogateKey] public long CustomerKey { get; init; }
                [BusinessKey] public long CustomerId { get; init; }
                [MaxLength(100)] public required string Name { get; init; }
                [MaxLength(50)] public string? City { get; init; }
            }

            [Fact(typeof(Silver.Orders))]
            [Grain("One row per order.", nameof(OrderId))]
            public sealed record Sales
            {
                [DegenerateKey] public long OrderId { get; init; }
                [References(typeof(Customer))] public long CustomerKey { get; init; }
                public DateTime OrderedAt { get; init; }
                [Measure(Additivity.Additive), Precision(12, 2)] public decimal Amount { get; init; }
            }
            """),
    ];
}
