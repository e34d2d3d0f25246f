-- bronze.fact_transactions: source from Banking.Bronze.FactTransactions
-- Account transactions.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."fact_transactions" AS
SELECT
    "transaction_id",
    "date_id",
    "transaction_type_id",
    "account_id",
    "channel_id",
    "location_id",
    "currency_id",
    "transaction_amount",
    "transaction_status",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/fact_transactions/fact_transactions*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'transaction_id': 'VARCHAR', 'date_id': 'VARCHAR', 'transaction_type_id': 'VARCHAR', 'account_id': 'VARCHAR', 'channel_id': 'VARCHAR', 'location_id': 'VARCHAR', 'currency_id': 'VARCHAR', 'transaction_amount': 'VARCHAR', 'transaction_status': 'VARCHAR'}) WITH ORDINALITY;
