namespace Banking.Lake;

/// <summary>The 14 files of the reference seed data set, with their exact header columns.</summary>
public static class SeedSchema
{
    public const char Delimiter = '|';

    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["dim_accounts"] = ["account_id", "customer_id", "account_number", "account_type", "account_balance", "credit_score"],
        ["dim_channels"] = ["channel_id", "channel_name"],
        ["dim_currencies"] = ["currency_id", "currency_code", "currency_name"],
        ["dim_customers"] = ["customer_id", "first_name", "last_name", "email", "address", "city", "state", "postal_code", "phone_number"],
        ["dim_dates"] = ["date_id", "date", "day", "month", "year", "weekday"],
        ["dim_investment_types"] = ["investment_type_id", "investment_type_name"],
        ["dim_loans"] = ["loan_id", "loan_type", "loan_amount", "interest_rate"],
        ["dim_locations"] = ["location_id", "city", "state", "country", "postal_code"],
        ["dim_transaction_types"] = ["transaction_type_id", "transaction_type_name"],
        ["fact_customer_interactions"] = ["interaction_id", "date_id", "customer_id", "channel_id", "location_id", "interaction_type", "interaction_rating"],
        ["fact_daily_balances"] = ["balance_id", "date_id", "account_id", "currency_id", "opening_balance", "closing_balance", "average_balance"],
        ["fact_investments"] = ["investment_id", "date_id", "investment_type_id", "account_id", "location_id", "currency_id", "investment_amount", "investment_return"],
        ["fact_loans"] = ["loan_fact_id", "date_id", "loan_id", "account_id", "location_id", "currency_id", "loan_amount", "loan_status"],
        ["fact_transactions"] = ["transaction_id", "date_id", "transaction_type_id", "account_id", "channel_id", "location_id", "currency_id", "transaction_amount", "transaction_status"],
    };
}
