-- Schemas and bookkeeping for every deploy. Idempotent.
CREATE SCHEMA IF NOT EXISTS "_warehouse";
CREATE SCHEMA IF NOT EXISTS "bronze";
CREATE SCHEMA IF NOT EXISTS "gold";
CREATE SCHEMA IF NOT EXISTS "silver";
CREATE TABLE IF NOT EXISTS "_warehouse"."processed_files" (
    "node" VARCHAR(256) NOT NULL,
    "source_file" VARCHAR(1024) NOT NULL,
    "batch_at" TIMESTAMP NOT NULL,
    "rows_read" BIGINT NOT NULL,
    "rows_loaded" BIGINT NOT NULL,
    "rows_quarantined" BIGINT NOT NULL
);
CREATE OR REPLACE MACRO "_warehouse"."divide_rounded"(a, b) AS
    CASE WHEN b <> 0 THEN a // b + CASE WHEN 2 * ABS(a % b) >= ABS(b) THEN SIGN(a) * SIGN(b) ELSE 0 END END;
