-- bronze.dim_accounts: source from Banking.Bronze.DimAccounts
-- Bank accounts: one row per account, with its balance and the holder's credit score.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."dim_accounts" (
    "account_id" TEXT,
    "customer_id" TEXT,
    "account_number" TEXT,
    "account_type" TEXT,
    "account_balance" TEXT,
    "credit_score" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."dim_accounts" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
