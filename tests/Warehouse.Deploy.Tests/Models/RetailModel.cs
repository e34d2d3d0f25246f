namespace Warehouse.Deploy.Tests.Models;

/// <summary>
/// A small retail warehouse as C# model sources: customers (type 2), products, a calendar and an order-lines fact
/// whose order date and ship date both reference the one calendar (a role-playing dimension, told apart by
/// <c>[References(On = ...)]</c>).
/// </summary>
public static class RetailModel
{
    private const string Usings = "using System;\nusing Warehouse.Model;\n\n";

    public static IReadOnlyList<(string FileName, string Text)> Sources { get; } =
    [
        ("Bronze/Sources.cs", Usings + """
            namespace Retail.Bronze;

            [Source("landing/customers/", FilePattern = "customers*.csv", Delimiter = '|')]
            public sealed record Customers
            {
                public long CustomerId { get; init; }
                [MaxLength(100)] public required string CustomerName { get; init; }
                [MaxLength(20)] public required string Segment { get; init; }
            }

            [Source("landing/products/", FilePattern = "products*.csv", Delimiter = '|')]
            public sealed record Products
            {
                public long ProductId { get; init; }
                [MaxLength(100)] public required string ProductName { get; init; }
                [MaxLength(30)] public required string Category { get; init; }
                [Precision(18, 2)] public decimal ListPrice { get; init; }
            }

            [Source("landing/calendar/", FilePattern = "calendar*.csv", Delimiter = '|')]
            public sealed record Calendar
            {
                public long DateId { get; init; }
                public DateOnly Date { get; init; }
                public int Day { get; init; }
                public int Month { get; init; }
                public int Year { get; init; }
            }

            [Source("landing/order_lines/", FilePattern = "order_lines*.csv", Delimiter = '|')]
            public sealed record OrderLines
            {
                public long OrderLineId { get; init; }
                public long OrderDateId { get; init; }
                public long ShipDateId { get; init; }
                public long CustomerId { get; init; }
                public long ProductId { get; init; }
                public int Quantity { get; init; }
                [Precision(18, 2)] public decimal LineAmount { get; init; }
            }
            """),
        ("Silver/Staging.cs", Usings + """
            namespace Retail.Silver;

            [Staging(typeof(Bronze.Customers), Key = nameof(CustomerId))]
            public sealed record StgCustomers
            {
                public long CustomerId { get; init; }
                [MaxLength(100), Derived("initcap(customer_name)")] public required string CustomerName { get; init; }
                [MaxLength(20)] public required string Segment { get; init; }
            }

            [Staging(typeof(Bronze.Products), Key = nameof(ProductId))]
            [Rule("non_negative_price", "list_price >= 0", "a list price cannot be negative")]
            public sealed record StgProducts
            {
                public long ProductId { get; init; }
                [MaxLength(100)] public required string ProductName { get; init; }
                [MaxLength(30), Derived("upper(category)")] public required string Category { get; init; }
                [Precision(18, 2)] public decimal ListPrice { get; init; }
            }

            [Staging(typeof(Bronze.Calendar), Key = nameof(DateId))]
            public sealed record StgCalendar
            {
                public long DateId { get; init; }
                public DateOnly Date { get; init; }
                public int Day { get; init; }
                public int Month { get; init; }
                public int Year { get; init; }
            }

            [Staging(typeof(Bronze.OrderLines), Key = nameof(OrderLineId))]
            public sealed record StgOrderLines
            {
                public long OrderLineId { get; init; }
                public long OrderDateId { get; init; }
                public long ShipDateId { get; init; }
                public long CustomerId { get; init; }
                public long ProductId { get; init; }
                public int Quantity { get; init; }
                [Precision(18, 2)] public decimal LineAmount { get; init; }
            }
            """),
        ("Gold/Model.cs", Usings + """
            namespace Retail.Gold;

            [Dimension(typeof(Silver.StgCustomers), Scd = ScdType.Type2)]
            public sealed record DimCustomers
            {
                [SurrogateKey] public long CustomerKey { get; init; }
                [BusinessKey] public long CustomerId { get; init; }
                [MaxLength(100)] public required string CustomerName { get; init; }
                [MaxLength(20), History] public required string Segment { get; init; }
            }

            [Dimension(typeof(Silver.StgProducts))]
            public sealed record DimProducts
            {
                [SurrogateKey] public long ProductKey { get; init; }
                [BusinessKey] public long ProductId { get; init; }
                [MaxLength(100)] public required string ProductName { get; init; }
                [MaxLength(30)] public required string Category { get; init; }
                [Precision(18, 2)] public decimal ListPrice { get; init; }
            }

            [Dimension(typeof(Silver.StgCalendar), DateColumn = nameof(Date))]
            public sealed record DimCalendar
            {
                [SurrogateKey] public long DateKey { get; init; }
                [BusinessKey] public long DateId { get; init; }
                public DateOnly Date { get; init; }
                [Range(1, 31)] public int Day { get; init; }
                [Range(1, 12)] public int Month { get; init; }
                public int Year { get; init; }
            }

            [Fact(typeof(Silver.StgOrderLines))]
            [Grain("One row per order line.", nameof(OrderLineId))]
            public sealed record FactOrderLines
            {
                [DegenerateKey] public long OrderLineId { get; init; }
                [References(typeof(DimCalendar), On = nameof(Silver.StgOrderLines.OrderDateId))] public long OrderDateKey { get; init; }
                [References(typeof(DimCalendar), On = nameof(Silver.StgOrderLines.ShipDateId))] public long ShipDateKey { get; init; }
                [References(typeof(DimCustomers))] public long CustomerKey { get; init; }
                [References(typeof(DimProducts))] public long ProductKey { get; init; }
                [Measure(Additivity.Additive), Range(0, 1000)] public int Quantity { get; init; }
                [Measure(Additivity.Additive), Precision(18, 2)] public decimal LineAmount { get; init; }
            }
            """),
    ];
}
