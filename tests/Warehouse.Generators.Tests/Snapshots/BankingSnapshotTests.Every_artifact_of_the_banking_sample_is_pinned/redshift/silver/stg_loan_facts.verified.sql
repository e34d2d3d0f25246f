-- silver.stg_loan_facts: staging from Banking.Silver.StgLoanFacts
CREATE TABLE IF NOT EXISTS "silver"."stg_loan_facts" (
    "loan_fact_id" BIGINT NOT NULL,
    "date_id" BIGINT NOT NULL,
    "loan_id" BIGINT NOT NULL,
    "account_id" BIGINT NOT NULL,
    "location_id" BIGINT NOT NULL,
    "currency_id" BIGINT NOT NULL,
    "loan_amount" DECIMAL(18,2) NOT NULL,
    "loan_status" VARCHAR(20) NOT NULL,
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("loan_fact_id");
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_loan_facts__quarantine" (
    "loan_fact_id" VARCHAR(65535),
    "date_id" VARCHAR(65535),
    "loan_id" VARCHAR(65535),
    "account_id" VARCHAR(65535),
    "location_id" VARCHAR(65535),
    "currency_id" VARCHAR(65535),
    "loan_amount" VARCHAR(65535),
    "loan_status" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_loan_facts";
CREATE TEMPORARY TABLE "__batch_stg_loan_facts" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("loan_fact_id" AS VARCHAR(65535))), '') AS "raw__loan_fact_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("date_id" AS VARCHAR(65535))), '') AS "raw__date_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("loan_id" AS VARCHAR(65535))), '') AS "raw__loan_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("account_id" AS VARCHAR(65535))), '') AS "raw__account_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("location_id" AS VARCHAR(65535))), '') AS "raw__location_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("currency_id" AS VARCHAR(65535))), '') AS "raw__currency_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("loan_amount" AS VARCHAR(65535))), '') AS "raw__loan_amount",
        NULLIF(TRIM(BOTH ' ' FROM CAST("loan_status" AS VARCHAR(65535))), '') AS "raw__loan_status",
        "$path" AS "_source_file"
    FROM "bronze"."fact_loans"
    WHERE "$path" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_loan_facts')
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__loan_fact_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__loan_fact_id" AS BIGINT) END AS "src__loan_fact_id",
        CASE WHEN "raw__date_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__date_id" AS BIGINT) END AS "src__date_id",
        CASE WHEN "raw__loan_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__loan_id" AS BIGINT) END AS "src__loan_id",
        CASE WHEN "raw__account_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__account_id" AS BIGINT) END AS "src__account_id",
        CASE WHEN "raw__location_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__location_id" AS BIGINT) END AS "src__location_id",
        CASE WHEN "raw__currency_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__currency_id" AS BIGINT) END AS "src__currency_id",
        CASE WHEN "raw__loan_amount" ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN CAST("raw__loan_amount" AS DECIMAL(18,2)) END AS "src__loan_amount",
        CAST("raw__loan_status" AS VARCHAR(20)) AS "src__loan_status"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__loan_fact_id" AS "out__loan_fact_id",
        "src__date_id" AS "out__date_id",
        "src__loan_id" AS "out__loan_id",
        "src__account_id" AS "out__account_id",
        "src__location_id" AS "out__location_id",
        "src__currency_id" AS "out__currency_id",
        "src__loan_amount" AS "out__loan_amount",
        "src__loan_status" AS "out__loan_status"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__loan_fact_id" IS NOT NULL AND "src__loan_fact_id" IS NULL THEN 'invalid_loan_fact_id'
            WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'invalid_date_id'
            WHEN "raw__loan_id" IS NOT NULL AND "src__loan_id" IS NULL THEN 'invalid_loan_id'
            WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'invalid_account_id'
            WHEN "raw__location_id" IS NOT NULL AND "src__location_id" IS NULL THEN 'invalid_location_id'
            WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'invalid_currency_id'
            WHEN "raw__loan_amount" IS NOT NULL AND "src__loan_amount" IS NULL THEN 'invalid_loan_amount'
            WHEN LENGTH("raw__loan_status") > 20 THEN 'too_long_loan_status'
            WHEN "out__loan_fact_id" IS NULL THEN 'missing_loan_fact_id'
            WHEN "out__date_id" IS NULL THEN 'missing_date_id'
            WHEN "out__loan_id" IS NULL THEN 'missing_loan_id'
            WHEN "out__account_id" IS NULL THEN 'missing_account_id'
            WHEN "out__location_id" IS NULL THEN 'missing_location_id'
            WHEN "out__currency_id" IS NULL THEN 'missing_currency_id'
            WHEN "out__loan_amount" IS NULL THEN 'missing_loan_amount'
            WHEN "out__loan_status" IS NULL THEN 'missing_loan_status'
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__loan_fact_id",
    "raw__date_id",
    "raw__loan_id",
    "raw__account_id",
    "raw__location_id",
    "raw__currency_id",
    "raw__loan_amount",
    "raw__loan_status",
    "out__loan_fact_id",
    "out__date_id",
    "out__loan_id",
    "out__account_id",
    "out__location_id",
    "out__currency_id",
    "out__loan_amount",
    "out__loan_status",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
        WHEN "raw__loan_fact_id" IS NOT NULL AND "src__loan_fact_id" IS NULL THEN 'loan_fact_id: ''' || "raw__loan_fact_id" || ''' is not a valid BIGINT'
        WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'date_id: ''' || "raw__date_id" || ''' is not a valid BIGINT'
        WHEN "raw__loan_id" IS NOT NULL AND "src__loan_id" IS NULL THEN 'loan_id: ''' || "raw__loan_id" || ''' is not a valid BIGINT'
        WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'account_id: ''' || "raw__account_id" || ''' is not a valid BIGINT'
        WHEN "raw__location_id" IS NOT NULL AND "src__location_id" IS NULL THEN 'location_id: ''' || "raw__location_id" || ''' is not a valid BIGINT'
        WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'currency_id: ''' || "raw__currency_id" || ''' is not a valid BIGINT'
        WHEN "raw__loan_amount" IS NOT NULL AND "src__loan_amount" IS NULL THEN 'loan_amount: ''' || "raw__loan_amount" || ''' is not a valid DECIMAL(18,2)'
        WHEN LENGTH("raw__loan_status") > 20 THEN 'loan_status is longer than 20 characters'
        WHEN "out__loan_fact_id" IS NULL THEN 'loan_fact_id is required but missing'
        WHEN "out__date_id" IS NULL THEN 'date_id is required but missing'
        WHEN "out__loan_id" IS NULL THEN 'loan_id is required but missing'
        WHEN "out__account_id" IS NULL THEN 'account_id is required but missing'
        WHEN "out__location_id" IS NULL THEN 'location_id is required but missing'
        WHEN "out__currency_id" IS NULL THEN 'currency_id is required but missing'
        WHEN "out__loan_amount" IS NULL THEN 'loan_amount is required but missing'
        WHEN "out__loan_status" IS NULL THEN 'loan_status is required but missing'
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__loan_fact_id" ORDER BY "_source_file" DESC, "raw__loan_fact_id" DESC, "raw__date_id" DESC, "raw__loan_id" DESC, "raw__account_id" DESC, "raw__location_id" DESC, "raw__currency_id" DESC, "raw__loan_amount" DESC, "raw__loan_status" DESC) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_loan_facts__quarantine" ("loan_fact_id", "date_id", "loan_id", "account_id", "location_id", "currency_id", "loan_amount", "loan_status", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__loan_fact_id", "raw__date_id", "raw__loan_id", "raw__account_id", "raw__location_id", "raw__currency_id", "raw__loan_amount", "raw__loan_status", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same loan_fact_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_loan_facts"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_loan_facts"
WHERE "loan_fact_id" IN (SELECT "out__loan_fact_id" FROM "__batch_stg_loan_facts" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_loan_facts" ("loan_fact_id", "date_id", "loan_id", "account_id", "location_id", "currency_id", "loan_amount", "loan_status", "_source_file", "_batch_at")
SELECT "out__loan_fact_id", "out__date_id", "out__loan_id", "out__account_id", "out__location_id", "out__currency_id", "out__loan_amount", "out__loan_status", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_loan_facts"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_loan_facts', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_loan_facts"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_loan_facts";
