-- bronze.fact_customer_interactions: source from Banking.Bronze.FactCustomerInteractions
-- Contacts between a customer and the bank.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."fact_customer_interactions" (
    "interaction_id" TEXT,
    "date_id" TEXT,
    "customer_id" TEXT,
    "channel_id" TEXT,
    "location_id" TEXT,
    "interaction_type" TEXT,
    "interaction_rating" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."fact_customer_interactions" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
