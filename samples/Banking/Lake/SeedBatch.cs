using Bogus;

namespace Banking.Lake;

/// <summary>The seed's files of one batch, each from its own random stream (<see cref="GeneratorSeeds"/>).</summary>
internal sealed class SeedBatch(int seed, LakeSizes sizes, int batch)
{
    private readonly LakeSizes _sizes = sizes;

    /// <summary>The seed's name for batch 1, with a _batchN suffix after it.</summary>
    public string FileName(string table) => batch == 1 ? $"{table}.csv" : $"{table}_batch{batch}.csv";

    /// <summary>Each file's table, row count and rows; the rows are made as they are written.</summary>
    public IEnumerable<(string Table, long Total, IEnumerable<string[]> Rows)> Files()
    {
        Faker F(string table) => GeneratorSeeds.FakerFor(seed, table, batch);
        long facts = _sizes.FactRowsOf(batch);

        if (batch == 1)
        {
            yield return ("dim_accounts", _sizes.Accounts, DimensionRows.Accounts(F("dim_accounts"), _sizes.Accounts, _sizes.Customers));
            yield return ("dim_channels", LakeSizes.Channels, DimensionRows.Channels());
            yield return ("dim_currencies", LakeSizes.Currencies, DimensionRows.Currencies());
            yield return ("dim_customers", _sizes.Customers, DimensionRows.Customers(F("dim_customers"), _sizes.Customers));
            yield return ("dim_dates", LakeSizes.Dates, DimensionRows.Dates());
            yield return ("dim_investment_types", LakeSizes.InvestmentTypes, DimensionRows.InvestmentTypes());
            yield return ("dim_loans", LakeSizes.Loans, DimensionRows.Loans(F("dim_loans")));
            yield return ("dim_locations", LakeSizes.Locations, DimensionRows.Locations(F("dim_locations")));
            yield return ("dim_transaction_types", LakeSizes.TransactionTypes, DimensionRows.TransactionTypes());
        }
        else
        {
            yield return ("dim_accounts", _sizes.Accounts, ChangedAccounts(F("dim_accounts")));
            yield return ("dim_customers", _sizes.Customers, MovedCustomers(F("dim_customers")));
        }

        yield return ("fact_customer_interactions", facts, FactRows.CustomerInteractions(F("fact_customer_interactions"), _sizes, batch));
        yield return ("fact_daily_balances", facts, FactRows.DailyBalances(F("fact_daily_balances"), _sizes, batch));
        yield return ("fact_investments", facts, FactRows.Investments(F("fact_investments"), _sizes, batch));
        yield return ("fact_loans", facts, FactRows.Loans(F("fact_loans"), _sizes, batch));
        yield return ("fact_transactions", facts, FactRows.Transactions(F("fact_transactions"), _sizes, batch));
    }

    /// <summary>Replays batch 1's accounts (same seed, so same rows) and changes balance and credit score of some.</summary>
    private IEnumerable<string[]> ChangedAccounts(Faker change)
    {
        var original = GeneratorSeeds.FakerFor(seed, "dim_accounts", 1);
        foreach (var row in DimensionRows.Accounts(original, _sizes.Accounts, _sizes.Customers))
        {
            if (change.Random.Double() >= LakeSizes.BatchShare)
                continue;
            row[4] = DimensionRows.Balance(change);
            row[5] = DimensionRows.CreditScore(change);
            yield return row;
        }
    }

    /// <summary>Replays batch 1's customers and gives some of them a new address.</summary>
    private IEnumerable<string[]> MovedCustomers(Faker change)
    {
        var original = GeneratorSeeds.FakerFor(seed, "dim_customers", 1);
        foreach (var row in DimensionRows.Customers(original, _sizes.Customers))
        {
            if (change.Random.Double() >= LakeSizes.BatchShare)
                continue;
            DimensionRows.Address(change).CopyTo(row, 4);
            yield return row;
        }
    }
}
