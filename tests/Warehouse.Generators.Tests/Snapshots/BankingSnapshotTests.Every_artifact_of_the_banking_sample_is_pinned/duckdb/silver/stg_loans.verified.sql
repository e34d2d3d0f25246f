-- silver.stg_loans: staging from Banking.Silver.StgLoans
CREATE TABLE IF NOT EXISTS "silver"."stg_loans" (
    "loan_id" BIGINT NOT NULL,
    "loan_type" VARCHAR(50) NOT NULL,
    "loan_amount" DECIMAL(18,2) NOT NULL,
    "interest_rate" DECIMAL(5,2) NOT NULL,
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_loans__quarantine" (
    "loan_id" VARCHAR(65535),
    "loan_type" VARCHAR(65535),
    "loan_amount" VARCHAR(65535),
    "interest_rate" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_loans";
CREATE TEMPORARY TABLE "__batch_stg_loans" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM "loan_id"), '') AS "raw__loan_id",
        NULLIF(TRIM(BOTH ' ' FROM "loan_type"), '') AS "raw__loan_type",
        NULLIF(TRIM(BOTH ' ' FROM "loan_amount"), '') AS "raw__loan_amount",
        NULLIF(TRIM(BOTH ' ' FROM "interest_rate"), '') AS "raw__interest_rate",
        "_source_row" AS "_source_row",
        "_source_file" AS "_source_file"
    FROM "bronze"."dim_loans"
    WHERE "_source_file" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_loans')
        -- The same files, listed by the runner: DuckDB drops them before numbering rows.
        AND NOT LIST_CONTAINS(STRING_SPLIT('{{processed_files}}', CHR(10)), "_source_file")
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN REGEXP_MATCHES("raw__loan_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__loan_id" AS BIGINT) END AS "src__loan_id",
        TRY_CAST("raw__loan_type" AS VARCHAR(50)) AS "src__loan_type",
        CASE WHEN REGEXP_MATCHES("raw__loan_amount", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$') THEN TRY_CAST("raw__loan_amount" AS DECIMAL(18,2)) END AS "src__loan_amount",
        CASE WHEN REGEXP_MATCHES("raw__interest_rate", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$') THEN TRY_CAST("raw__interest_rate" AS DECIMAL(5,2)) END AS "src__interest_rate"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__loan_id" AS "out__loan_id",
        "src__loan_type" AS "out__loan_type",
        "src__loan_amount" AS "out__loan_amount",
        "src__interest_rate" AS "out__interest_rate"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__loan_id" IS NOT NULL AND "src__loan_id" IS NULL THEN 'invalid_loan_id'
            WHEN LENGTH("raw__loan_type") > 50 THEN 'too_long_loan_type'
            WHEN "raw__loan_amount" IS NOT NULL AND "src__loan_amount" IS NULL THEN 'invalid_loan_amount'
            WHEN "raw__interest_rate" IS NOT NULL AND "src__interest_rate" IS NULL THEN 'invalid_interest_rate'
            WHEN "out__loan_id" IS NULL THEN 'missing_loan_id'
            WHEN "out__loan_type" IS NULL THEN 'missing_loan_type'
            WHEN "out__loan_amount" IS NULL THEN 'missing_loan_amount'
            WHEN "out__interest_rate" IS NULL THEN 'missing_interest_rate'
            WHEN NOT (("out__loan_amount" > 0)) THEN 'positive_principal'
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__loan_id",
    "raw__loan_type",
    "raw__loan_amount",
    "raw__interest_rate",
    "out__loan_id",
    "out__loan_type",
    "out__loan_amount",
    "out__interest_rate",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
        WHEN "raw__loan_id" IS NOT NULL AND "src__loan_id" IS NULL THEN 'loan_id: ''' || "raw__loan_id" || ''' is not a valid BIGINT'
        WHEN LENGTH("raw__loan_type") > 50 THEN 'loan_type is longer than 50 characters'
        WHEN "raw__loan_amount" IS NOT NULL AND "src__loan_amount" IS NULL THEN 'loan_amount: ''' || "raw__loan_amount" || ''' is not a valid DECIMAL(18,2)'
        WHEN "raw__interest_rate" IS NOT NULL AND "src__interest_rate" IS NULL THEN 'interest_rate: ''' || "raw__interest_rate" || ''' is not a valid DECIMAL(5,2)'
        WHEN "out__loan_id" IS NULL THEN 'loan_id is required but missing'
        WHEN "out__loan_type" IS NULL THEN 'loan_type is required but missing'
        WHEN "out__loan_amount" IS NULL THEN 'loan_amount is required but missing'
        WHEN "out__interest_rate" IS NULL THEN 'interest_rate is required but missing'
        WHEN NOT (("out__loan_amount" > 0)) THEN 'a loan''s principal must be positive'
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__loan_id" ORDER BY "_source_file" DESC, "_source_row" DESC NULLS LAST) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_loans__quarantine" ("loan_id", "loan_type", "loan_amount", "interest_rate", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__loan_id", "raw__loan_type", "raw__loan_amount", "raw__interest_rate", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same loan_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_loans"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_loans"
WHERE "loan_id" IN (SELECT "out__loan_id" FROM "__batch_stg_loans" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_loans" ("loan_id", "loan_type", "loan_amount", "interest_rate", "_source_file", "_batch_at")
SELECT "out__loan_id", "out__loan_type", "out__loan_amount", "out__interest_rate", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_loans"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_loans', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_loans"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_loans";
