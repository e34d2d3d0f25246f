-- bronze.dim_customers: source from Banking.Bronze.DimCustomers
-- Customers with their contact details and postal address.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."dim_customers" (
    "customer_id" TEXT,
    "first_name" TEXT,
    "last_name" TEXT,
    "email" TEXT,
    "address" TEXT,
    "city" TEXT,
    "state" TEXT,
    "postal_code" TEXT,
    "phone_number" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."dim_customers" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
