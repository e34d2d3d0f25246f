-- bronze.dim_channels: source from Banking.Bronze.DimChannels
-- Channels through which customers reach the bank.
-- The runner fills this table from the lake files with binary COPY, one file at a time.
CREATE TABLE IF NOT EXISTS "bronze"."dim_channels" (
    "channel_id" TEXT,
    "channel_name" TEXT,
    "_source_row" BIGINT,
    "_source_file" TEXT NOT NULL
);
ALTER TABLE "bronze"."dim_channels" ADD COLUMN IF NOT EXISTS "_source_row" BIGINT;
