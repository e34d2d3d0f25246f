-- silver.stg_daily_balances: staging from Banking.Silver.StgDailyBalances
CREATE TABLE IF NOT EXISTS "silver"."stg_daily_balances" (
    "balance_id" BIGINT NOT NULL,
    "date_id" BIGINT NOT NULL,
    "account_id" BIGINT NOT NULL,
    "currency_id" BIGINT NOT NULL,
    "opening_balance" DECIMAL(18,2) NOT NULL,
    "closing_balance" DECIMAL(18,2) NOT NULL,
    "average_balance" DECIMAL(18,2) NOT NULL,
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_daily_balances__quarantine" (
    "balance_id" VARCHAR(65535),
    "date_id" VARCHAR(65535),
    "account_id" VARCHAR(65535),
    "currency_id" VARCHAR(65535),
    "opening_balance" VARCHAR(65535),
    "closing_balance" VARCHAR(65535),
    "average_balance" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_daily_balances";
CREATE TEMPORARY TABLE "__batch_stg_daily_balances" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM "balance_id"), '') AS "raw__balance_id",
        NULLIF(TRIM(BOTH ' ' FROM "date_id"), '') AS "raw__date_id",
        NULLIF(TRIM(BOTH ' ' FROM "account_id"), '') AS "raw__account_id",
        NULLIF(TRIM(BOTH ' ' FROM "currency_id"), '') AS "raw__currency_id",
        NULLIF(TRIM(BOTH ' ' FROM "opening_balance"), '') AS "raw__opening_balance",
        NULLIF(TRIM(BOTH ' ' FROM "closing_balance"), '') AS "raw__closing_balance",
        NULLIF(TRIM(BOTH ' ' FROM "average_balance"), '') AS "raw__average_balance",
        "_source_row" AS "_source_row",
        "_source_file" AS "_source_file"
    FROM "bronze"."fact_daily_balances"
    WHERE "_source_file" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_daily_balances')
        -- The same files, listed by the runner: DuckDB drops them before numbering rows.
        AND NOT LIST_CONTAINS(STRING_SPLIT('{{processed_files}}', CHR(10)), "_source_file")
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN REGEXP_MATCHES("raw__balance_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__balance_id" AS BIGINT) END AS "src__balance_id",
        CASE WHEN REGEXP_MATCHES("raw__date_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__date_id" AS BIGINT) END AS "src__date_id",
        CASE WHEN REGEXP_MATCHES("raw__account_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__account_id" AS BIGINT) END AS "src__account_id",
        CASE WHEN REGEXP_MATCHES("raw__currency_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__currency_id" AS BIGINT) END AS "src__currency_id",
        CASE WHEN REGEXP_MATCHES("raw__opening_balance", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$') THEN TRY_CAST("raw__opening_balance" AS DECIMAL(18,2)) END AS "src__opening_balance",
        CASE WHEN REGEXP_MATCHES("raw__closing_balance", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$') THEN TRY_CAST("raw__closing_balance" AS DECIMAL(18,2)) END AS "src__closing_balance",
        CASE WHEN REGEXP_MATCHES("raw__average_balance", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$') THEN TRY_CAST("raw__average_balance" AS DECIMAL(18,2)) END AS "src__average_balance"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__balance_id" AS "out__balance_id",
        "src__date_id" AS "out__date_id",
        "src__account_id" AS "out__account_id",
        "src__currency_id" AS "out__currency_id",
        "src__opening_balance" AS "out__opening_balance",
        "src__closing_balance" AS "out__closing_balance",
        "src__average_balance" AS "out__average_balance"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__balance_id" IS NOT NULL AND "src__balance_id" IS NULL THEN 'invalid_balance_id'
            WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'invalid_date_id'
            WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'invalid_account_id'
            WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'invalid_currency_id'
            WHEN "raw__opening_balance" IS NOT NULL AND "src__opening_balance" IS NULL THEN 'invalid_opening_balance'
            WHEN "raw__closing_balance" IS NOT NULL AND "src__closing_balance" IS NULL THEN 'invalid_closing_balance'
            WHEN "raw__average_balance" IS NOT NULL AND "src__average_balance" IS NULL THEN 'invalid_average_balance'
            WHEN "out__balance_id" IS NULL THEN 'missing_balance_id'
            WHEN "out__date_id" IS NULL THEN 'missing_date_id'
            WHEN "out__account_id" IS NULL THEN 'missing_account_id'
            WHEN "out__currency_id" IS NULL THEN 'missing_currency_id'
            WHEN "out__opening_balance" IS NULL THEN 'missing_opening_balance'
            WHEN "out__closing_balance" IS NULL THEN 'missing_closing_balance'
            WHEN "out__average_balance" IS NULL THEN 'missing_average_balance'
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__balance_id",
    "raw__date_id",
    "raw__account_id",
    "raw__currency_id",
    "raw__opening_balance",
    "raw__closing_balance",
    "raw__average_balance",
    "out__balance_id",
    "out__date_id",
    "out__account_id",
    "out__currency_id",
    "out__opening_balance",
    "out__closing_balance",
    "out__average_balance",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
        WHEN "raw__balance_id" IS NOT NULL AND "src__balance_id" IS NULL THEN 'balance_id: ''' || "raw__balance_id" || ''' is not a valid BIGINT'
        WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'date_id: ''' || "raw__date_id" || ''' is not a valid BIGINT'
        WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'account_id: ''' || "raw__account_id" || ''' is not a valid BIGINT'
        WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'currency_id: ''' || "raw__currency_id" || ''' is not a valid BIGINT'
        WHEN "raw__opening_balance" IS NOT NULL AND "src__opening_balance" IS NULL THEN 'opening_balance: ''' || "raw__opening_balance" || ''' is not a valid DECIMAL(18,2)'
        WHEN "raw__closing_balance" IS NOT NULL AND "src__closing_balance" IS NULL THEN 'closing_balance: ''' || "raw__closing_balance" || ''' is not a valid DECIMAL(18,2)'
        WHEN "raw__average_balance" IS NOT NULL AND "src__average_balance" IS NULL THEN 'average_balance: ''' || "raw__average_balance" || ''' is not a valid DECIMAL(18,2)'
        WHEN "out__balance_id" IS NULL THEN 'balance_id is required but missing'
        WHEN "out__date_id" IS NULL THEN 'date_id is required but missing'
        WHEN "out__account_id" IS NULL THEN 'account_id is required but missing'
        WHEN "out__currency_id" IS NULL THEN 'currency_id is required but missing'
        WHEN "out__opening_balance" IS NULL THEN 'opening_balance is required but missing'
        WHEN "out__closing_balance" IS NULL THEN 'closing_balance is required but missing'
        WHEN "out__average_balance" IS NULL THEN 'average_balance is required but missing'
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__balance_id" ORDER BY "_source_file" DESC, "_source_row" DESC NULLS LAST) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_daily_balances__quarantine" ("balance_id", "date_id", "account_id", "currency_id", "opening_balance", "closing_balance", "average_balance", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__balance_id", "raw__date_id", "raw__account_id", "raw__currency_id", "raw__opening_balance", "raw__closing_balance", "raw__average_balance", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same balance_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_daily_balances"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_daily_balances"
WHERE "balance_id" IN (SELECT "out__balance_id" FROM "__batch_stg_daily_balances" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_daily_balances" ("balance_id", "date_id", "account_id", "currency_id", "opening_balance", "closing_balance", "average_balance", "_source_file", "_batch_at")
SELECT "out__balance_id", "out__date_id", "out__account_id", "out__currency_id", "out__opening_balance", "out__closing_balance", "out__average_balance", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_daily_balances"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_daily_balances', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_daily_balances"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_daily_balances";
