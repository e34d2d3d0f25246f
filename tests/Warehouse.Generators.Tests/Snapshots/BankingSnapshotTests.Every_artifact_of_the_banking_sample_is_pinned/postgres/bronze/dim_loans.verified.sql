-- bronze.dim_loans: source from Banking.Bronze.DimLoans
-- Loan contracts with their principal and rate.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."dim_loans" (
    "loan_id" TEXT,
    "loan_type" TEXT,
    "loan_amount" TEXT,
    "interest_rate" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."dim_loans" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
