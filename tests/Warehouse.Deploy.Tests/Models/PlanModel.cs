namespace Warehouse.Deploy.Tests.Models;

/// <summary>
/// The small model the plan/apply matrix edits (<see cref="PlanMatrixTests"/>): customers with a type-2 dimension
/// (history on the city), stores with a type-1 dimension, and a sales fact that references the store. Its lake is
/// a few hand-written rows, so each edit's data after the deploy can be asserted exactly.
/// </summary>
public static class PlanModel
{
    private const string Usings = "using System;\nusing Warehouse.Model;\n\n";

    public const string Bronze = Usings + """
        namespace Shop.Bronze;

        [Source("raw/customers/", FilePattern = "raw_customers*.csv", Delimiter = ',')]
        public sealed record RawCustomers
        {
            public long CustomerId { get; init; }
            [MaxLength(100)] public required string Name { get; init; }
            [MaxLength(50)] public string? City { get; init; }
            [MaxLength(20)] public string? Segment { get; init; }
        }

        [Source("raw/stores/", FilePattern = "raw_stores*.csv", Delimiter = ',')]
        public sealed record RawStores
        {
            public long StoreId { get; init; }
            [MaxLength(50)] public required string StoreName { get; init; }
            [MaxLength(20)] public required string Region { get; init; }
        }

        [Source("raw/orders/", FilePattern = "raw_orders*.csv", Delimiter = ',')]
        public sealed record RawOrders
        {
            public long OrderId { get; init; }
            public long StoreId { get; init; }
            public DateTime OrderedAt { get; init; }
            [Precision(12, 2)] public decimal Amount { get; init; }
        }
        """;

    public const string Silver = Usings + """
        namespace Shop.Silver;

        [Staging(typeof(Bronze.RawCustomers), Key = nameof(CustomerId))]
        public sealed record Customers
        {
            public long CustomerId { get; init; }
            [MaxLength(100), Derived("trim(name)")] public required string Name { get; init; }
            [MaxLength(50)] public string? City { get; init; }
            [MaxLength(20)] public string? Segment { get; init; }
        }

        [Staging(typeof(Bronze.RawStores), Key = nameof(StoreId))]
        public sealed record Stores
        {
            public long StoreId { get; init; }
            [MaxLength(50)] public required string StoreName { get; init; }
            [MaxLength(20)] public required string Region { get; init; }
        }

        [Staging(typeof(Bronze.RawOrders), Key = nameof(OrderId))]
        [Rule("positive_amount", "amount >= 0", "an order amount cannot be negative")]
        public sealed record Orders
        {
            public long OrderId { get; init; }
            public long StoreId { get; init; }
            public DateTime OrderedAt { get; init; }
            [Precision(12, 2)] public decimal Amount { get; init; }
        }
        """;

    public const string Gold = Usings + """
        namespace Shop.Gold;

        [Dimension(typeof(Silver.Customers), Scd = ScdType.Type2)]
        public sealed record Customer
        {
            [SurrogateKey] public long CustomerKey { get; init; }
            [BusinessKey] public long CustomerId { get; init; }
            [MaxLength(100)] public required string Name { get; init; }
            [MaxLength(50), History] public string? City { get; init; }
        }

        [Dimension(typeof(Silver.Stores))]
        public sealed record Store
        {
            [SurrogateKey] public long StoreKey { get; init; }
            [BusinessKey] public long StoreId { get; init; }
            [MaxLength(50)] public required string StoreName { get; init; }
            [MaxLength(20)] public required string Region { get; init; }
        }

        [Fact(typeof(Silver.Orders))]
        [Grain("One row per order.", nameof(OrderId))]
        public sealed record Sales
        {
            [DegenerateKey] public long OrderId { get; init; }
            [References(typeof(Store))] public long StoreKey { get; init; }
            public DateTime OrderedAt { get; init; }
            [Measure(Additivity.Additive), Precision(12, 2)] public decimal Amount { get; init; }
        }
        """;

    /// <summary>The model's three files, with one text replaced (an edit); the replaced text must be there.</summary>
    public static IReadOnlyList<(string FileName, string Text)> Sources(params (string From, string To)[] edits)
    {
        var files = new List<(string FileName, string Text)> { ("Bronze.cs", Bronze), ("Silver.cs", Silver), ("Gold.cs", Gold) };
        foreach (var (from, to) in edits)
        {
            int file = files.FindIndex(f => f.Text.Contains(from, StringComparison.Ordinal));
            if (file < 0)
                throw new ArgumentException($"no model file holds '{from}'", nameof(edits));
            files[file] = (files[file].FileName, files[file].Text.Replace(from, to, StringComparison.Ordinal));
        }

        return files;
    }

    /// <summary>The lake: three customers, two stores, four orders (one of them for nothing: amount 0).</summary>
    public static IReadOnlyDictionary<string, string> Lake(char storesDelimiter = ',') => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["raw/customers/raw_customers_1.csv"] = "customer_id,name,city,segment\n1,  ada ,Paris,retail\n2,bob,Lyon,wholesale\n3,cy,Nice,\n",
        ["raw/stores/raw_stores_1.csv"] = string.Join('\n', "store_id,store_name,region", "10,North,N", "20,South,S", "").Replace(',', storesDelimiter),
        ["raw/orders/raw_orders_1.csv"] = "order_id,store_id,ordered_at,amount\n100,10,2025-01-01 10:00:00,12.50\n101,20,2025-01-01 11:00:00,0\n102,10,2025-01-02 09:30:00,7.25\n103,20,2025-01-02 12:00:00,30.00\n",
    };
}
