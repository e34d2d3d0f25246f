-- bronze.fact_daily_balances: source from Banking.Bronze.FactDailyBalances
-- End-of-day balances per account.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."fact_daily_balances" (
    "balance_id" TEXT,
    "date_id" TEXT,
    "account_id" TEXT,
    "currency_id" TEXT,
    "opening_balance" TEXT,
    "closing_balance" TEXT,
    "average_balance" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."fact_daily_balances" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
