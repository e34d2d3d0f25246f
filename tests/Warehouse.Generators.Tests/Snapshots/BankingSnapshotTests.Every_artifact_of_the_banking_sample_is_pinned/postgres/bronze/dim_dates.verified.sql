-- bronze.dim_dates: source from Banking.Bronze.DimDates
-- The calendar, one row per day from 2020-01-01 to 2024-12-31.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."dim_dates" (
    "date_id" TEXT,
    "date" TEXT,
    "day" TEXT,
    "month" TEXT,
    "year" TEXT,
    "weekday" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."dim_dates" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
