-- bronze.fact_investments: source from Banking.Bronze.FactInvestments
-- Investments made from accounts.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."fact_investments" AS
SELECT
    "investment_id",
    "date_id",
    "investment_type_id",
    "account_id",
    "location_id",
    "currency_id",
    "investment_amount",
    "investment_return",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/fact_investments/fact_investments*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'investment_id': 'VARCHAR', 'date_id': 'VARCHAR', 'investment_type_id': 'VARCHAR', 'account_id': 'VARCHAR', 'location_id': 'VARCHAR', 'currency_id': 'VARCHAR', 'investment_amount': 'VARCHAR', 'investment_return': 'VARCHAR'}) WITH ORDINALITY;
