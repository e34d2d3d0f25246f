-- bronze.dim_investment_types: source from Banking.Bronze.DimInvestmentTypes
-- Investment products.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."dim_investment_types" (
    "investment_type_id" TEXT,
    "investment_type_name" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."dim_investment_types" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
