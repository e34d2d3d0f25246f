using Bogus;

namespace Banking.Lake;

/// <summary>Rows of the fact files: ids are unique across batches and every foreign key is in range.</summary>
internal static class FactRows
{
    public static readonly string[] InteractionTypes = ["Call", "Chat", "Email", "In-Person"];
    public static readonly string[] LoanStatuses = ["Approved", "Pending", "Rejected"];
    public static readonly string[] TransactionStatuses = ["Completed", "Failed", "Pending"];

    public static IEnumerable<string[]> CustomerInteractions(Faker f, LakeSizes sizes, int batch) =>
        Ids(sizes, batch).Select(id => new[]
        {
            Formats.Integer(id), DateId(f), Key(f, sizes.Customers), Key(f, LakeSizes.Channels), Key(f, LakeSizes.Locations),
            f.PickRandom(InteractionTypes), Key(f, 5),
        });

    /// <summary>Closing moves up to 25% from opening and the average lies between them, as a day's balances would.</summary>
    public static IEnumerable<string[]> DailyBalances(Faker f, LakeSizes sizes, int batch) =>
        Ids(sizes, batch).Select(id =>
        {
            decimal opening = f.Random.Decimal(0m, 1_000_000m);
            decimal closing = opening * (1m + f.Random.Decimal(-0.25m, 0.25m));
            decimal average = opening + ((closing - opening) * f.Random.Decimal());
            return new[]
            {
                Formats.Integer(id), DateId(f), Key(f, sizes.Accounts), Key(f, LakeSizes.Currencies),
                Formats.Amount(opening), Formats.Amount(closing), Formats.Amount(average),
            };
        });

    public static IEnumerable<string[]> Investments(Faker f, LakeSizes sizes, int batch) =>
        Ids(sizes, batch).Select(id => new[]
        {
            Formats.Integer(id), DateId(f), Key(f, LakeSizes.InvestmentTypes), Key(f, sizes.Accounts), Key(f, LakeSizes.Locations),
            Key(f, LakeSizes.Currencies), Formats.Amount(f.Random.Decimal(1_000m, 1_000_000m)),
            Formats.Amount(f.Random.Decimal(-5_000m, 15_000m)),
        });

    public static IEnumerable<string[]> Loans(Faker f, LakeSizes sizes, int batch) =>
        Ids(sizes, batch).Select(id => new[]
        {
            Formats.Integer(id), DateId(f), Key(f, LakeSizes.Loans), Key(f, sizes.Accounts), Key(f, LakeSizes.Locations),
            Key(f, LakeSizes.Currencies), Formats.Amount(f.Random.Decimal(5_000m, 500_000m)), f.PickRandom(LoanStatuses),
        });

    public static IEnumerable<string[]> Transactions(Faker f, LakeSizes sizes, int batch) =>
        Ids(sizes, batch).Select(id => new[]
        {
            Formats.Integer(id), DateId(f), Key(f, LakeSizes.TransactionTypes), Key(f, sizes.Accounts), Key(f, LakeSizes.Channels),
            Key(f, LakeSizes.Locations), Key(f, LakeSizes.Currencies), Formats.Amount(f.Random.Decimal(1m, 10_000m)),
            f.PickRandom(TransactionStatuses),
        });

    private static IEnumerable<long> Ids(LakeSizes sizes, int batch)
    {
        long first = sizes.FirstFactId(batch);
        for (long id = first; id < first + sizes.FactRowsOf(batch); id++)
            yield return id;
    }

    private static string DateId(Faker f) => Key(f, LakeSizes.Dates);

    private static string Key(Faker f, int count) => Formats.Integer(f.Random.Int(1, count));
}
