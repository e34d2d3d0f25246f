using Warehouse.Model;

namespace Banking.Gold;

[Fact(typeof(Silver.StgTransactions))]
[Grain("One row per bank transaction.", nameof(TransactionId))]
[Description("Account transactions, with the account version valid on the transaction's day.")]
public sealed record FactTransactions
{
    [DegenerateKey] public long TransactionId { get; init; }
    [References(typeof(DimDates))] public long DateKey { get; init; }
    [References(typeof(DimTransactionTypes))] public long TransactionTypeKey { get; init; }
    [References(typeof(DimAccounts))] public long AccountKey { get; init; }
    [References(typeof(DimChannels))] public long ChannelKey { get; init; }
    [References(typeof(DimLocations))] public long LocationKey { get; init; }
    [References(typeof(DimCurrencies))] public long CurrencyKey { get; init; }
    [Measure(Additivity.Additive), Precision(18, 2)] public decimal TransactionAmount { get; init; }
    [MaxLength(20), AcceptedValues("Completed", "Failed", "Pending")] public required string TransactionStatus { get; init; }
}

[Fact(typeof(Silver.StgInvestments))]
[Grain("One row per investment made from an account.", nameof(InvestmentId))]
public sealed record FactInvestments
{
    [DegenerateKey] public long InvestmentId { get; init; }
    [References(typeof(DimDates))] public long DateKey { get; init; }
    [References(typeof(DimInvestmentTypes))] public long InvestmentTypeKey { get; init; }
    [References(typeof(DimAccounts))] public long AccountKey { get; init; }
    [References(typeof(DimLocations))] public long LocationKey { get; init; }
    [References(typeof(DimCurrencies))] public long CurrencyKey { get; init; }
    [Measure(Additivity.Additive), Precision(18, 2)] public decimal InvestmentAmount { get; init; }
    [Measure(Additivity.Additive), Precision(18, 2)] public decimal InvestmentReturn { get; init; }
}

[Fact(typeof(Silver.StgLoanFacts))]
[Grain("One row per loan application event.", nameof(LoanFactId))]
public sealed record FactLoans
{
    [DegenerateKey] public long LoanFactId { get; init; }
    [References(typeof(DimDates))] public long DateKey { get; init; }
    [References(typeof(DimLoans))] public long LoanKey { get; init; }
    [References(typeof(DimAccounts))] public long AccountKey { get; init; }
    [References(typeof(DimLocations))] public long LocationKey { get; init; }
    [References(typeof(DimCurrencies))] public long CurrencyKey { get; init; }
    [Measure(Additivity.Additive), Precision(18, 2)] public decimal LoanAmount { get; init; }
    [MaxLength(20), AcceptedValues("Approved", "Pending", "Rejected")] public required string LoanStatus { get; init; }
}

[Fact(typeof(Silver.StgCustomerInteractions))]
[Grain("One row per contact between a customer and the bank.", nameof(InteractionId))]
public sealed record FactCustomerInteractions
{
    [DegenerateKey] public long InteractionId { get; init; }
    [References(typeof(DimDates))] public long DateKey { get; init; }
    [References(typeof(DimCustomers))] public long CustomerKey { get; init; }
    [References(typeof(DimChannels))] public long ChannelKey { get; init; }
    [References(typeof(DimLocations))] public long LocationKey { get; init; }
    [MaxLength(50), AcceptedValues("Call", "Chat", "Email", "In-Person")] public required string InteractionType { get; init; }
    [Measure(Additivity.NonAdditive), Range(1, 5)] public int InteractionRating { get; init; }
}

[Fact(typeof(Silver.StgDailyBalances))]
[Grain("One row per balance snapshot of an account.", nameof(BalanceId))]
[Description("Daily balance snapshots: balances add up across accounts, never across days (semi-additive).")]
public sealed record FactDailyBalances
{
    [DegenerateKey] public long BalanceId { get; init; }
    [References(typeof(DimDates))] public long DateKey { get; init; }
    [References(typeof(DimAccounts))] public long AccountKey { get; init; }
    [References(typeof(DimCurrencies))] public long CurrencyKey { get; init; }
    [Measure(Additivity.SemiAdditive), Precision(18, 2)] public decimal OpeningBalance { get; init; }
    [Measure(Additivity.SemiAdditive), Precision(18, 2)] public decimal ClosingBalance { get; init; }
    [Measure(Additivity.SemiAdditive), Precision(18, 2)] public decimal AverageBalance { get; init; }
}
