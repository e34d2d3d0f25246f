-- bronze.fact_daily_balances: source from Banking.Bronze.FactDailyBalances
-- End-of-day balances per account.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."fact_daily_balances" AS
SELECT
    "balance_id",
    "date_id",
    "account_id",
    "currency_id",
    "opening_balance",
    "closing_balance",
    "average_balance",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/fact_daily_balances/fact_daily_balances*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'balance_id': 'VARCHAR', 'date_id': 'VARCHAR', 'account_id': 'VARCHAR', 'currency_id': 'VARCHAR', 'opening_balance': 'VARCHAR', 'closing_balance': 'VARCHAR', 'average_balance': 'VARCHAR'}) WITH ORDINALITY;
