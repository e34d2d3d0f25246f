namespace Banking.Lake;

/// <summary>
/// Row counts for a scale: scale 1 is the seed (100 customers and accounts, 10,000 rows per fact); customers, accounts
/// and facts grow linearly, the calendar (2020-01-01..2024-12-31) and the small lookups stay fixed.
/// </summary>
internal sealed record LakeSizes(int Customers, int Accounts, int FactRows)
{
    public const int Loans = 50;
    public const int Locations = 50;
    public const int Channels = 5;
    public const int Currencies = 3;
    public const int InvestmentTypes = 5;
    public const int TransactionTypes = 4;
    public static readonly DateOnly FirstDate = new(2020, 1, 1);
    public static readonly DateOnly LastDate = new(2024, 12, 31);
    public static int Dates => LastDate.DayNumber - FirstDate.DayNumber + 1;

    /// <summary>Each later batch changes this share of customers and accounts and adds this share of new fact rows.</summary>
    public const double BatchShare = 0.1;

    /// <param name="scale">Positive and finite: the runner checks --scale before it asks for data.</param>
    public static LakeSizes For(double scale) => new(Scaled(100, scale), Scaled(100, scale), Scaled(10_000, scale));

    public int BatchFactRows => Math.Max(1, (int)Math.Round(FactRows * BatchShare));

    /// <summary>The first fact id of a batch: later batches continue after the ids of the earlier ones.</summary>
    public long FirstFactId(int batch) => batch == 1 ? 1 : FactRows + ((long)(batch - 2) * BatchFactRows) + 1;

    public int FactRowsOf(int batch) => batch == 1 ? FactRows : BatchFactRows;

    private static int Scaled(int seedSize, double scale) =>
        (int)Math.Clamp(Math.Round(seedSize * scale), 1, int.MaxValue);
}
