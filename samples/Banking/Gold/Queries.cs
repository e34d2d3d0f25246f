using Warehouse.Model;

namespace Banking.Gold;

// Typed SQL: models and analyses name other models with nameof, so a rename refactors them and a typo does not
// compile. The compiler replaces each {nameof(...)} with the model's table in every dialect.

[SqlModel($"""
    SELECT d.year AS year, d.month AS month, COUNT(*) AS transactions, SUM(t.transaction_amount) AS total_amount
    FROM {nameof(FactTransactions)} AS t
    JOIN {nameof(DimDates)} AS d ON d.date_key = t.date_key
    GROUP BY d.year, d.month
    """)]
[Description("Transactions and amounts per calendar month.")]
public sealed record MonthlyTransactionSummary
{
    public int Year { get; init; }
    public int Month { get; init; }
    public long Transactions { get; init; }
    [Precision(18, 2)] public decimal TotalAmount { get; init; }
}

[Analysis($"""
    SELECT a.account_id,
           COUNT(t.transaction_id) AS transactions,
           ROUND(AVG(t.transaction_amount), 2) AS average_amount,
           CASE WHEN COUNT(t.transaction_id) >= 120 AND AVG(t.transaction_amount) >= 500 THEN 'High'
                WHEN COUNT(t.transaction_id) >= 90 THEN 'Medium'
                ELSE 'Low' END AS segment
    FROM {nameof(DimAccounts)} AS a
    LEFT JOIN {nameof(FactTransactions)} AS t ON t.account_key = a.account_key
    WHERE a.is_current AND a.account_key <> -1
    GROUP BY a.account_id
    ORDER BY a.account_id
    """)]
[Description("Customer segmentation: transactions per account and average amount, as High, Medium or Low.")]
public sealed record CustomerSegmentation;

[Analysis($"""
    SELECT d.year, d.month, COUNT(DISTINCT c.customer_id) AS active_customers
    FROM {nameof(FactCustomerInteractions)} AS i
    JOIN {nameof(DimDates)} AS d ON d.date_key = i.date_key
    JOIN {nameof(DimCustomers)} AS c ON c.customer_key = i.customer_key
    WHERE c.customer_key <> -1
    GROUP BY d.year, d.month
    ORDER BY d.year, d.month
    """)]
[Description("Monthly active users: distinct customers with at least one interaction per month.")]
public sealed record MonthlyActiveUsers;

[SingularTest($"""
    SELECT account_id, account_type, account_balance
    FROM {nameof(DimAccounts)}
    WHERE is_current AND account_type IN ('Savings', 'Checking') AND account_balance < 0
    """, Description = "No savings or checking account has a negative balance.")]
public sealed record NoNegativeSavingsOrCheckingBalance;

[SingularTest($"""
    SELECT currency_code, COUNT(*) AS occurrences
    FROM {nameof(DimCurrencies)}
    WHERE currency_key <> -1
    GROUP BY currency_code
    HAVING COUNT(*) > 1
    """, Description = "No currency code appears twice among the current currencies.")]
public sealed record NoDuplicateCurrentCurrency;
