-- bronze.dim_accounts: source from Banking.Bronze.DimAccounts
-- Bank accounts: one row per account, with its balance and the holder's credit score.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."dim_accounts" AS
SELECT
    "account_id",
    "customer_id",
    "account_number",
    "account_type",
    "account_balance",
    "credit_score",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/dim_accounts/dim_accounts*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'account_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'account_number': 'VARCHAR', 'account_type': 'VARCHAR', 'account_balance': 'VARCHAR', 'credit_score': 'VARCHAR'}) WITH ORDINALITY;
