using Warehouse.Model;

namespace Banking.Silver;

// Silver: one cleansed, typed, de-duplicated table per source. Text is trimmed and empty text becomes NULL;
// rows that fail a cast, a required column or a rule go to <table>__quarantine with the reason.

[Staging(typeof(Bronze.DimAccounts), Key = nameof(AccountId))]
[Rule("known_account_type", "account_type IN ('Checking', 'Savings', 'Investment', 'Credit', 'Loan')", "account type is not one the bank offers")]
[Description("Accounts, latest version per account.")]
public sealed record StgAccounts
{
    public long AccountId { get; init; }
    public long CustomerId { get; init; }
    [MaxLength(20)] public required string AccountNumber { get; init; }
    [MaxLength(20), Derived("initcap(account_type)")] public required string AccountType { get; init; }
    [Precision(18, 2)] public decimal AccountBalance { get; init; }
    public int CreditScore { get; init; }
}

[Staging(typeof(Bronze.DimChannels), Key = nameof(ChannelId))]
public sealed record StgChannels
{
    public long ChannelId { get; init; }
    [MaxLength(50)] public required string ChannelName { get; init; }
}

[Staging(typeof(Bronze.DimCurrencies), Key = nameof(CurrencyId))]
[Rule("iso_currency_code", "length(currency_code) = 3", "currency code must have three letters (ISO 4217)")]
public sealed record StgCurrencies
{
    public long CurrencyId { get; init; }
    [MaxLength(3), Derived("upper(currency_code)")] public required string CurrencyCode { get; init; }
    [MaxLength(50)] public required string CurrencyName { get; init; }
}

[Staging(typeof(Bronze.DimCustomers), Key = nameof(CustomerId))]
[Description("Customers with normalised names and e-mail addresses.")]
public sealed record StgCustomers
{
    public long CustomerId { get; init; }
    [MaxLength(100), Derived("initcap(first_name)")] public required string FirstName { get; init; }
    [MaxLength(100), Derived("initcap(last_name)")] public required string LastName { get; init; }
    [MaxLength(201), Derived("initcap(first_name) || ' ' || initcap(last_name)")] public required string FullName { get; init; }
    [MaxLength(200), Derived("lower(email)")] public string? Email { get; init; }
    [MaxLength(300)] public string? Address { get; init; }
    [MaxLength(100)] public string? City { get; init; }
    [MaxLength(100)] public string? State { get; init; }
    [MaxLength(20)] public string? PostalCode { get; init; }
    [MaxLength(40)] public string? PhoneNumber { get; init; }
}

[Staging(typeof(Bronze.DimDates), Key = nameof(DateId))]
[Rule("valid_weekday", "weekday BETWEEN 1 AND 7", "weekday must be 1 (Monday) to 7 (Sunday)")]
public sealed record StgDates
{
    public long DateId { get; init; }
    public DateOnly Date { get; init; }
    public int Day { get; init; }
    public int Month { get; init; }
    [Derived("quarter(date)")] public int Quarter { get; init; }
    public int Year { get; init; }
    public int Weekday { get; init; }
}

[Staging(typeof(Bronze.DimInvestmentTypes), Key = nameof(InvestmentTypeId))]
public sealed record StgInvestmentTypes
{
    public long InvestmentTypeId { get; init; }
    [MaxLength(100)] public required string InvestmentTypeName { get; init; }
}

[Staging(typeof(Bronze.DimLoans), Key = nameof(LoanId))]
[Rule("positive_principal", "loan_amount > 0", "a loan's principal must be positive")]
public sealed record StgLoans
{
    public long LoanId { get; init; }
    [MaxLength(50)] public required string LoanType { get; init; }
    [Precision(18, 2)] public decimal LoanAmount { get; init; }
    [Precision(5, 2)] public decimal InterestRate { get; init; }
}

[Staging(typeof(Bronze.DimLocations), Key = nameof(LocationId))]
public sealed record StgLocations
{
    public long LocationId { get; init; }
    [MaxLength(100)] public required string City { get; init; }
    [MaxLength(100)] public required string State { get; init; }
    [MaxLength(100)] public required string Country { get; init; }
    [MaxLength(20)] public string? PostalCode { get; init; }
}

[Staging(typeof(Bronze.DimTransactionTypes), Key = nameof(TransactionTypeId))]
public sealed record StgTransactionTypes
{
    public long TransactionTypeId { get; init; }
    [MaxLength(50)] public required string TransactionTypeName { get; init; }
}

[Staging(typeof(Bronze.FactCustomerInteractions), Key = nameof(InteractionId))]
[Rule("rating_one_to_five", "interaction_rating BETWEEN 1 AND 5", "interaction rating must be 1 to 5")]
public sealed record StgCustomerInteractions
{
    public long InteractionId { get; init; }
    public long DateId { get; init; }
    public long CustomerId { get; init; }
    public long ChannelId { get; init; }
    public long LocationId { get; init; }
    [MaxLength(50)] public required string InteractionType { get; init; }
    public int InteractionRating { get; init; }
}

[Staging(typeof(Bronze.FactDailyBalances), Key = nameof(BalanceId))]
public sealed record StgDailyBalances
{
    public long BalanceId { get; init; }
    public long DateId { get; init; }
    public long AccountId { get; init; }
    public long CurrencyId { get; init; }
    [Precision(18, 2)] public decimal OpeningBalance { get; init; }
    [Precision(18, 2)] public decimal ClosingBalance { get; init; }
    [Precision(18, 2)] public decimal AverageBalance { get; init; }
}

[Staging(typeof(Bronze.FactInvestments), Key = nameof(InvestmentId))]
[Rule("positive_investment", "investment_amount > 0", "an investment amount must be positive")]
public sealed record StgInvestments
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

[Staging(typeof(Bronze.FactLoans), Key = nameof(LoanFactId))]
public sealed record StgLoanFacts
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

[Staging(typeof(Bronze.FactTransactions), Key = nameof(TransactionId))]
[Rule("positive_amount", "transaction_amount > 0", "a transaction amount must be positive")]
public sealed record StgTransactions
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
