-- bronze.dim_locations: source from Banking.Bronze.DimLocations
-- Branch and ATM locations.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."dim_locations" (
    "location_id" TEXT,
    "city" TEXT,
    "state" TEXT,
    "country" TEXT,
    "postal_code" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."dim_locations" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
