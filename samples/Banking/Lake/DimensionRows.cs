using Bogus;

namespace Banking.Lake;

/// <summary>Rows of the dimension files. Lookups are fixed lists with the seed's values; the rest is Bogus data.</summary>
internal static class DimensionRows
{
    public static readonly string[] AccountTypes = ["Checking", "Savings", "Investment"];
    public static readonly string[] LoanTypes = ["Personal", "Auto", "Student", "Mortgage"];

    public static IEnumerable<string[]> Channels() =>
        Lookup(["Online", "Mobile App", "In-Store", "ATM", "Telephone"]);

    public static IEnumerable<string[]> TransactionTypes() =>
        Lookup(["Deposit", "Withdrawal", "Transfer", "Payment"]);

    public static IEnumerable<string[]> InvestmentTypes() =>
        Lookup(["MindInvestment", "WhomInvestment", "RegionInvestment", "HeadInvestment", "CupInvestment"]);

    public static IEnumerable<string[]> Currencies() =>
    [
        ["1", "USD", "US Dollar"],
        ["2", "EUR", "Euro"],
        ["3", "JPY", "Japanese Yen"],
    ];

    /// <summary>Weekday is ISO (Monday 1 .. Sunday 7), as in the seed.</summary>
    public static IEnumerable<string[]> Dates()
    {
        for (int id = 1; id <= LakeSizes.Dates; id++)
        {
            var date = LakeSizes.FirstDate.AddDays(id - 1);
            int weekday = date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
            yield return [Formats.Integer(id), Formats.Date(date), Formats.Integer(date.Day), Formats.Integer(date.Month),
                Formats.Integer(date.Year), Formats.Integer(weekday)];
        }
    }

    public static IEnumerable<string[]> Customers(Faker f, int count)
    {
        for (int id = 1; id <= count; id++)
        {
            string first = f.Name.FirstName();
            string last = f.Name.LastName();
            string email = $"{f.Internet.UserName(first, last).ToLowerInvariant()}@example.{f.PickRandom("com", "org", "net")}";
            yield return [Formats.Integer(id), first, last, email, .. Address(f), f.Phone.PhoneNumber()];
        }
    }

    /// <summary>address, city, state, postal_code: the columns a later batch changes when a customer moves.</summary>
    public static string[] Address(Faker f)
    {
        string street = f.Address.StreetAddress(useFullAddress: f.Random.Bool(0.3f));
        string address = $"{street},{f.Address.City()}, {f.Address.StateAbbr()} {f.Address.ZipCode("#####")}";
        return [address, f.Address.City(), f.Address.State(), f.Address.ZipCode("#####")];
    }

    public static IEnumerable<string[]> Accounts(Faker f, int count, int customers)
    {
        for (int id = 1; id <= count; id++)
        {
            yield return [Formats.Integer(id), Formats.Integer(f.Random.Int(1, customers)), f.Random.Replace("##########"),
                f.PickRandom(AccountTypes), Balance(f), CreditScore(f)];
        }
    }

    public static string Balance(Faker f) => Formats.Amount(f.Random.Decimal(1_000m, 1_000_000m));

    public static string CreditScore(Faker f) => Formats.Integer(f.Random.Int(300, 850));

    public static IEnumerable<string[]> Loans(Faker f)
    {
        for (int id = 1; id <= LakeSizes.Loans; id++)
        {
            yield return [Formats.Integer(id), f.PickRandom(LoanTypes), Formats.Amount(f.Random.Decimal(10_000m, 500_000m)),
                Formats.Amount(f.Random.Decimal(1.5m, 10m))];
        }
    }

    public static IEnumerable<string[]> Locations(Faker f)
    {
        for (int id = 1; id <= LakeSizes.Locations; id++)
            yield return [Formats.Integer(id), f.Address.City(), f.Address.State(), f.Address.Country(), f.Address.ZipCode("#####")];
    }

    private static IEnumerable<string[]> Lookup(string[] names) =>
        names.Select((name, i) => new[] { Formats.Integer(i + 1), name });
}
