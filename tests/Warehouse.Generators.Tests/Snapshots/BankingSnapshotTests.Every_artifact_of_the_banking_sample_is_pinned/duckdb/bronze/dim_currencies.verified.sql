-- bronze.dim_currencies: source from Banking.Bronze.DimCurrencies
-- Currencies the bank trades in.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."dim_currencies" AS
SELECT
    "currency_id",
    "currency_code",
    "currency_name",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/dim_currencies/dim_currencies*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'currency_id': 'VARCHAR', 'currency_code': 'VARCHAR', 'currency_name': 'VARCHAR'}) WITH ORDINALITY;
