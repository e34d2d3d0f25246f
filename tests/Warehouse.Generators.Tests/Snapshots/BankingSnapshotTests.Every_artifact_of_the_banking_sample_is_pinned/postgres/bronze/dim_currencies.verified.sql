-- bronze.dim_currencies: source from Banking.Bronze.DimCurrencies
-- Currencies the bank trades in.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."dim_currencies" (
    "currency_id" TEXT,
    "currency_code" TEXT,
    "currency_name" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."dim_currencies" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
