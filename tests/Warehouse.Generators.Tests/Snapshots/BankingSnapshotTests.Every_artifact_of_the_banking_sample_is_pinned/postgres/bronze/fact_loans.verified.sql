-- bronze.fact_loans: source from Banking.Bronze.FactLoans
-- Loan applications and their status.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."fact_loans" (
    "loan_fact_id" TEXT,
    "date_id" TEXT,
    "loan_id" TEXT,
    "account_id" TEXT,
    "location_id" TEXT,
    "currency_id" TEXT,
    "loan_amount" TEXT,
    "loan_status" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."fact_loans" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
