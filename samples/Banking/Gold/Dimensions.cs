using Warehouse.Model;

namespace Banking.Gold;

[Dimension(typeof(Silver.StgAccounts), Scd = ScdType.Type2)]
[Description("Bank accounts. A change of balance or credit score opens a new version (type 2).")]
public sealed record DimAccounts
{
    [SurrogateKey] public long AccountKey { get; init; }
    [BusinessKey] public long AccountId { get; init; }
    public long CustomerId { get; init; }
    [MaxLength(20), Unique, Description("The account number printed on statements; unique among current accounts.")]
    public required string AccountNumber { get; init; }
    [MaxLength(20), AcceptedValues("Checking", "Savings", "Investment", "Credit", "Loan")]
    public required string AccountType { get; init; }
    [Precision(18, 2), History] public decimal AccountBalance { get; init; }
    [History, Range(300, 850)] public int CreditScore { get; init; }
}

[Dimension(typeof(Silver.StgCustomers), Scd = ScdType.Type2)]
[Description("Customers. A move (address, city, state, postal code) opens a new version; name and contact details are overwritten.")]
public sealed record DimCustomers
{
    [SurrogateKey] public long CustomerKey { get; init; }
    [BusinessKey] public long CustomerId { get; init; }
    [MaxLength(100)] public required string FirstName { get; init; }
    [MaxLength(100)] public required string LastName { get; init; }
    [MaxLength(201)] public required string FullName { get; init; }
    [MaxLength(200)] public string? Email { get; init; }
    [MaxLength(300), History] public string? Address { get; init; }
    [MaxLength(100), History] public string? City { get; init; }
    [MaxLength(100), History] public string? State { get; init; }
    [MaxLength(20), History] public string? PostalCode { get; init; }
    [MaxLength(40)] public string? PhoneNumber { get; init; }
}

[Dimension(typeof(Silver.StgChannels))]
[Description("Channels through which customers reach the bank.")]
public sealed record DimChannels
{
    [SurrogateKey] public long ChannelKey { get; init; }
    [BusinessKey] public long ChannelId { get; init; }
    [MaxLength(50), Unique] public required string ChannelName { get; init; }
}

[Dimension(typeof(Silver.StgCurrencies))]
[Description("Currencies (type 1: corrections overwrite).")]
public sealed record DimCurrencies
{
    [SurrogateKey] public long CurrencyKey { get; init; }
    [BusinessKey] public long CurrencyId { get; init; }
    [MaxLength(3)] public required string CurrencyCode { get; init; }
    [MaxLength(50)] public required string CurrencyName { get; init; }
}

[Dimension(typeof(Silver.StgDates), DateColumn = nameof(Date))]
[Hierarchy("calendar", nameof(Year), nameof(Quarter), nameof(Month), nameof(Date))]
[Description("The calendar. Facts use its date to find the dimension versions valid on the day.")]
public sealed record DimDates
{
    [SurrogateKey] public long DateKey { get; init; }
    [BusinessKey] public long DateId { get; init; }
    public DateOnly Date { get; init; }
    [Range(1, 31)] public int Day { get; init; }
    [Range(1, 12)] public int Month { get; init; }
    [Range(1, 4)] public int Quarter { get; init; }
    public int Year { get; init; }
    [Range(1, 7), Description("ISO day of the week: 1 = Monday, 7 = Sunday.")] public int Weekday { get; init; }
}

[Dimension(typeof(Silver.StgInvestmentTypes))]
[Description("Investment products.")]
public sealed record DimInvestmentTypes
{
    [SurrogateKey] public long InvestmentTypeKey { get; init; }
    [BusinessKey] public long InvestmentTypeId { get; init; }
    [MaxLength(100)] public required string InvestmentTypeName { get; init; }
}

[Dimension(typeof(Silver.StgLoans))]
[Description("Loan contracts.")]
public sealed record DimLoans
{
    [SurrogateKey] public long LoanKey { get; init; }
    [BusinessKey] public long LoanId { get; init; }
    [MaxLength(50), AcceptedValues("Personal", "Auto", "Mortgage", "Student")] public required string LoanType { get; init; }
    [Precision(18, 2)] public decimal LoanAmount { get; init; }
    [Precision(5, 2), Range(0, 100)] public decimal InterestRate { get; init; }
}

[Dimension(typeof(Silver.StgLocations))]
[Description("Branch and ATM locations.")]
public sealed record DimLocations
{
    [SurrogateKey] public long LocationKey { get; init; }
    [BusinessKey] public long LocationId { get; init; }
    [MaxLength(100)] public required string City { get; init; }
    [MaxLength(100)] public required string State { get; init; }
    [MaxLength(100)] public required string Country { get; init; }
    [MaxLength(20)] public string? PostalCode { get; init; }
}

[Dimension(typeof(Silver.StgTransactionTypes))]
[Description("Kinds of transaction.")]
public sealed record DimTransactionTypes
{
    [SurrogateKey] public long TransactionTypeKey { get; init; }
    [BusinessKey] public long TransactionTypeId { get; init; }
    [MaxLength(50), Unique] public required string TransactionTypeName { get; init; }
}
