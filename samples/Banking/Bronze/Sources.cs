using Warehouse.Model;

namespace Banking.Bronze;

// The bank's lake files, exactly as the core system delivers them: pipe-delimited with a header row, one folder
// per file set under landing/. Types are what silver casts the raw text to.

[Source("landing/dim_accounts/", FilePattern = "dim_accounts*.csv", Delimiter = '|')]
[Description("Bank accounts: one row per account, with its balance and the holder's credit score.")]
public sealed record DimAccounts
{
    public long AccountId { get; init; }
    public long CustomerId { get; init; }
    [MaxLength(20)] public required string AccountNumber { get; init; }
    [MaxLength(20)] public required string AccountType { get; init; }
    [Precision(18, 2)] public decimal AccountBalance { get; init; }
    public int CreditScore { get; init; }
}

[Source("landing/dim_channels/", FilePattern = "dim_channels*.csv", Delimiter = '|')]
[Description("Channels through which customers reach the bank.")]
public sealed record DimChannels
{
    public long ChannelId { get; init; }
    [MaxLength(50)] public required string ChannelName { get; init; }
}

[Source("landing/dim_currencies/", FilePattern = "dim_currencies*.csv", Delimiter = '|')]
[Description("Currencies the bank trades in.")]
public sealed record DimCurrencies
{
    public long CurrencyId { get; init; }
    [MaxLength(3)] public required string CurrencyCode { get; init; }
    [MaxLength(50)] public required string CurrencyName { get; init; }
}

[Source("landing/dim_customers/", FilePattern = "dim_customers*.csv", Delimiter = '|')]
[Description("Customers with their contact details and postal address.")]
public sealed record DimCustomers
{
    public long CustomerId { get; init; }
    [MaxLength(100)] public required string FirstName { get; init; }
    [MaxLength(100)] public required string LastName { get; init; }
    [MaxLength(200)] public string? Email { get; init; }
    [MaxLength(300)] public string? Address { get; init; }
    [MaxLength(100)] public string? City { get; init; }
    [MaxLength(100)] public string? State { get; init; }
    [MaxLength(20)] public string? PostalCode { get; init; }
    [MaxLength(40)] public string? PhoneNumber { get; init; }
}

[Source("landing/dim_dates/", FilePattern = "dim_dates*.csv", Delimiter = '|')]
[Description("The calendar, one row per day from 2020-01-01 to 2024-12-31.")]
public sealed record DimDates
{
    public long DateId { get; init; }
    public DateOnly Date { get; init; }
    public int Day { get; init; }
    public int Month { get; init; }
    public int Year { get; init; }
    public int Weekday { get; init; }
}

[Source("landing/dim_investment_types/", FilePattern = "dim_investment_types*.csv", Delimiter = '|')]
[Description("Investment products.")]
public sealed record DimInvestmentTypes
{
    public long InvestmentTypeId { get; init; }
    [MaxLength(100)] public required string InvestmentTypeName { get; init; }
}

[Source("landing/dim_loans/", FilePattern = "dim_loans*.csv", Delimiter = '|')]
[Description("Loan contracts with their principal and rate.")]
public sealed record DimLoans
{
    public long LoanId { get; init; }
    [MaxLength(50)] public required string LoanType { get; init; }
    [Precision(18, 2)] public decimal LoanAmount { get; init; }
    [Precision(5, 2)] public decimal InterestRate { get; init; }
}

[Source("landing/dim_locations/", FilePattern = "dim_locations*.csv", Delimiter = '|')]
[Description("Branch and ATM locations.")]
public sealed record DimLocations
{
    public long LocationId { get; init; }
    [MaxLength(100)] public required string City { get; init; }
    [MaxLength(100)] public required string State { get; init; }
    [MaxLength(100)] public required string Country { get; init; }
    [MaxLength(20)] public string? PostalCode { get; init; }
}

[Source("landing/dim_transaction_types/", FilePattern = "dim_transaction_types*.csv", Delimiter = '|')]
[Description("Kinds of transaction.")]
public sealed record DimTransactionTypes
{
    public long TransactionTypeId { get; init; }
    [MaxLength(50)] public required string TransactionTypeName { get; init; }
}

[Source("landing/fact_customer_interactions/", FilePattern = "fact_customer_interactions*.csv", Delimiter = '|')]
[Description("Contacts between a customer and the bank.")]
public sealed record FactCustomerInteractions
{
    public long InteractionId { get; init; }
    public long DateId { get; init; }
    public long CustomerId { get; init; }
    public long ChannelId { get; init; }
    public long LocationId { get; init; }
    [MaxLength(50)] public required string InteractionType { get; init; }
    public int InteractionRating { get; init; }
}

[Source("landing/fact_daily_balances/", FilePattern = "fact_daily_balances*.csv", Delimiter = '|')]
[Description("End-of-day balances per account.")]
public sealed record FactDailyBalances
{
    public long BalanceId { get; init; }
    public long DateId { get; init; }
    public long AccountId { get; init; }
    public long CurrencyId { get; init; }
    [Precision(18, 2)] public decimal OpeningBalance { get; init; }
    [Precision(18, 2)] public decimal ClosingBalance { get; init; }
    [Precision(18, 2)] public decimal AverageBalance { get; init; }
}

[Source("landing/fact_investments/", FilePattern = "fact_investments*.csv", Delimiter = '|')]
[Description("Investments made from accounts.")]
public sealed record FactInvestments
{
    public long InvestmentId { get; init; }
    public long DateId { get; init; }
    public long InvestmentTypeId { get; init; }
    public long AccountId { get; init; }
    public long LocationId { get; init; }
    public long CurrencyId { get; init; }
    [Precision(18, 2)] public decimal InvestmentAmount { get; init; }
    [Precision(18, 2)] public decimal InvestmentReturn { get; init; }
}

[Source("landing/fact_loans/", FilePattern = "fact_loans*.csv", Delimiter = '|')]
[Description("Loan applications and their status.")]
public sealed record FactLoans
{
    public long LoanFactId { get; init; }
    public long DateId { get; init; }
    public long LoanId { get; init; }
    public long AccountId { get; init; }
    public long LocationId { get; init; }
    public long CurrencyId { get; init; }
    [Precision(18, 2)] public decimal LoanAmount { get; init; }
    [MaxLength(20)] public required string LoanStatus { get; init; }
}

[Source("landing/fact_transactions/", FilePattern = "fact_transactions*.csv", Delimiter = '|')]
[Description("Account transactions.")]
public sealed record FactTransactions
{
    public long TransactionId { get; init; }
    public long DateId { get; init; }
    public long TransactionTypeId { get; init; }
    public long AccountId { get; init; }
    public long ChannelId { get; init; }
    public long LocationId { get; init; }
    public long CurrencyId { get; init; }
    [Precision(18, 2)] public decimal TransactionAmount { get; init; }
    [MaxLength(20)] public required string TransactionStatus { get; init; }
}
