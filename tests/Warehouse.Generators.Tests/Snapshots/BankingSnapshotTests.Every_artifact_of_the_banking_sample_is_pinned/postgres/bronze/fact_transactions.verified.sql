-- bronze.fact_transactions: source from Banking.Bronze.FactTransactions
-- Account transactions.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."fact_transactions" (
    "transaction_id" TEXT,
    "date_id" TEXT,
    "transaction_type_id" TEXT,
    "account_id" TEXT,
    "channel_id" TEXT,
    "location_id" TEXT,
    "currency_id" TEXT,
    "transaction_amount" TEXT,
    "transaction_status" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."fact_transactions" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
