-- bronze.dim_transaction_types: source from Banking.Bronze.DimTransactionTypes
-- Kinds of transaction.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."dim_transaction_types" AS
SELECT
    "transaction_type_id",
    "transaction_type_name",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/dim_transaction_types/dim_transaction_types*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'transaction_type_id': 'VARCHAR', 'transaction_type_name': 'VARCHAR'}) WITH ORDINALITY;
