-- bronze.dim_loans: source from Banking.Bronze.DimLoans
-- Loan contracts with their principal and rate.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."dim_loans" AS
SELECT
    "loan_id",
    "loan_type",
    "loan_amount",
    "interest_rate",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/dim_loans/dim_loans*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'loan_id': 'VARCHAR', 'loan_type': 'VARCHAR', 'loan_amount': 'VARCHAR', 'interest_rate': 'VARCHAR'}) WITH ORDINALITY;
