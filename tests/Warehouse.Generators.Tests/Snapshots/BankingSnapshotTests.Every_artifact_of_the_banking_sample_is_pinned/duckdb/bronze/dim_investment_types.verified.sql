-- bronze.dim_investment_types: source from Banking.Bronze.DimInvestmentTypes
-- Investment products.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."dim_investment_types" AS
SELECT
    "investment_type_id",
    "investment_type_name",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/dim_investment_types/dim_investment_types*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'investment_type_id': 'VARCHAR', 'investment_type_name': 'VARCHAR'}) WITH ORDINALITY;
