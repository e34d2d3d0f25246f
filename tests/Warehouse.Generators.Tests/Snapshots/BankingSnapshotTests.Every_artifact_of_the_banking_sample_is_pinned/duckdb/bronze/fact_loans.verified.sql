-- bronze.fact_loans: source from Banking.Bronze.FactLoans
-- Loan applications and their status.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."fact_loans" AS
SELECT
    "loan_fact_id",
    "date_id",
    "loan_id",
    "account_id",
    "location_id",
    "currency_id",
    "loan_amount",
    "loan_status",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/fact_loans/fact_loans*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'loan_fact_id': 'VARCHAR', 'date_id': 'VARCHAR', 'loan_id': 'VARCHAR', 'account_id': 'VARCHAR', 'location_id': 'VARCHAR', 'currency_id': 'VARCHAR', 'loan_amount': 'VARCHAR', 'loan_status': 'VARCHAR'}) WITH ORDINALITY;
