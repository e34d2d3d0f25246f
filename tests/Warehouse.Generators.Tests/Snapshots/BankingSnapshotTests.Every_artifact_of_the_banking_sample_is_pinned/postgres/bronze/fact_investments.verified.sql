-- bronze.fact_investments: source from Banking.Bronze.FactInvestments
-- Investments made from accounts.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."fact_investments" (
    "investment_id" TEXT,
    "date_id" TEXT,
    "investment_type_id" TEXT,
    "account_id" TEXT,
    "location_id" TEXT,
    "currency_id" TEXT,
    "investment_amount" TEXT,
    "investment_return" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."fact_investments" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
