-- bronze.dim_transaction_types: source from Banking.Bronze.DimTransactionTypes
-- Kinds of transaction.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."dim_transaction_types" (
    "transaction_type_id" TEXT,
    "transaction_type_name" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."dim_transaction_types" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
