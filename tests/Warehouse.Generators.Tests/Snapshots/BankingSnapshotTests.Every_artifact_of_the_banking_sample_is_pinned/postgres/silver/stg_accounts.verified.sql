-- silver.stg_accounts: staging from Banking.Silver.StgAccounts
-- Accounts, latest version per account.
CREATE TABLE IF NOT EXISTS "silver"."stg_accounts" (
    "account_id" BIGINT NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "account_number" VARCHAR(20) NOT NULL,
    "account_type" VARCHAR(20) NOT NULL,
    "account_balance" DECIMAL(18,2) NOT NULL,
    "credit_score" INTEGER NOT NULL,
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_accounts__quarantine" (
    "account_id" VARCHAR(65535),
    "customer_id" VARCHAR(65535),
    "account_number" VARCHAR(65535),
    "account_balance" VARCHAR(65535),
    "credit_score" VARCHAR(65535),
    "account_type" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_accounts";
CREATE TEMPORARY TABLE "__batch_stg_accounts" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM "account_id"), '') AS "raw__account_id",
        NULLIF(TRIM(BOTH ' ' FROM "customer_id"), '') AS "raw__customer_id",
        NULLIF(TRIM(BOTH ' ' FROM "account_number"), '') AS "raw__account_number",
        NULLIF(TRIM(BOTH ' ' FROM "account_balance"), '') AS "raw__account_balance",
        NULLIF(TRIM(BOTH ' ' FROM "credit_score"), '') AS "raw__credit_score",
        NULLIF(TRIM(BOTH ' ' FROM "account_type"), '') AS "raw__account_type",
        "_source_row" AS "_source_row",
        "_source_file" AS "_source_file"
    FROM "bronze"."dim_accounts"
    WHERE "_source_file" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_accounts')
), "typed" AS MATERIALIZED (
    SELECT
        "raw".*,
        CASE WHEN "raw__account_id" ~ '^[+-]?[0-9]+$' THEN CAST("_warehouse"."try_bigint"("raw__account_id") AS BIGINT) END AS "src__account_id",
        CASE WHEN "raw__customer_id" ~ '^[+-]?[0-9]+$' THEN CAST("_warehouse"."try_bigint"("raw__customer_id") AS BIGINT) END AS "src__customer_id",
        CAST("raw__account_number" AS VARCHAR(20)) AS "src__account_number",
        CASE WHEN "raw__account_balance" ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN CAST("_warehouse"."try_decimal"("raw__account_balance", 18, 2) AS DECIMAL(18,2)) END AS "src__account_balance",
        CASE WHEN "raw__credit_score" ~ '^[+-]?[0-9]+$' THEN CAST("_warehouse"."try_integer"("raw__credit_score") AS INTEGER) END AS "src__credit_score",
        CAST("raw__account_type" AS VARCHAR(20)) AS "src__account_type"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__account_id" AS "out__account_id",
        "src__customer_id" AS "out__customer_id",
        "src__account_number" AS "out__account_number",
        CAST("_warehouse"."initcap"("src__account_type") AS VARCHAR(20)) AS "out__account_type",
        "src__account_balance" AS "out__account_balance",
        "src__credit_score" AS "out__credit_score"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'invalid_account_id'
            WHEN "raw__customer_id" IS NOT NULL AND "src__customer_id" IS NULL THEN 'invalid_customer_id'
            WHEN LENGTH("raw__account_number") > 20 THEN 'too_long_account_number'
            WHEN "raw__account_balance" IS NOT NULL AND "src__account_balance" IS NULL THEN 'invalid_account_balance'
            WHEN "raw__credit_score" IS NOT NULL AND "src__credit_score" IS NULL THEN 'invalid_credit_score'
            WHEN LENGTH("raw__account_type") > 20 THEN 'too_long_account_type'
            WHEN "out__account_id" IS NULL THEN 'missing_account_id'
            WHEN "out__customer_id" IS NULL THEN 'missing_customer_id'
            WHEN "out__account_number" IS NULL THEN 'missing_account_number'
            WHEN "out__account_type" IS NULL THEN 'missing_account_type'
            WHEN "out__account_balance" IS NULL THEN 'missing_account_balance'
            WHEN "out__credit_score" IS NULL THEN 'missing_credit_score'
            WHEN NOT (("out__account_type" IN ('Checking', 'Savings', 'Investment', 'Credit', 'Loan'))) THEN 'known_account_type'
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__account_id",
    "raw__customer_id",
    "raw__account_number",
    "raw__account_balance",
    "raw__credit_score",
    "raw__account_type",
    "out__account_id",
    "out__customer_id",
    "out__account_number",
    "out__account_type",
    "out__account_balance",
    "out__credit_score",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
        WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'account_id: ''' || "raw__account_id" || ''' is not a valid BIGINT'
        WHEN "raw__customer_id" IS NOT NULL AND "src__customer_id" IS NULL THEN 'customer_id: ''' || "raw__customer_id" || ''' is not a valid BIGINT'
        WHEN LENGTH("raw__account_number") > 20 THEN 'account_number is longer than 20 characters'
        WHEN "raw__account_balance" IS NOT NULL AND "src__account_balance" IS NULL THEN 'account_balance: ''' || "raw__account_balance" || ''' is not a valid DECIMAL(18,2)'
        WHEN "raw__credit_score" IS NOT NULL AND "src__credit_score" IS NULL THEN 'credit_score: ''' || "raw__credit_score" || ''' is not a valid INTEGER'
        WHEN LENGTH("raw__account_type") > 20 THEN 'account_type is longer than 20 characters'
        WHEN "out__account_id" IS NULL THEN 'account_id is required but missing'
        WHEN "out__customer_id" IS NULL THEN 'customer_id is required but missing'
        WHEN "out__account_number" IS NULL THEN 'account_number is required but missing'
        WHEN "out__account_type" IS NULL THEN 'account_type is required but missing'
        WHEN "out__account_balance" IS NULL THEN 'account_balance is required but missing'
        WHEN "out__credit_score" IS NULL THEN 'credit_score is required but missing'
        WHEN NOT (("out__account_type" IN ('Checking', 'Savings', 'Investment', 'Credit', 'Loan'))) THEN 'account type is not one the bank offers'
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__account_id" ORDER BY "_source_file" COLLATE "C" DESC, "_source_row" DESC NULLS LAST) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_accounts__quarantine" ("account_id", "customer_id", "account_number", "account_balance", "credit_score", "account_type", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__account_id", "raw__customer_id", "raw__account_number", "raw__account_balance", "raw__credit_score", "raw__account_type", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same account_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_accounts"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_accounts"
WHERE "account_id" IN (SELECT "out__account_id" FROM "__batch_stg_accounts" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_accounts" ("account_id", "customer_id", "account_number", "account_type", "account_balance", "credit_score", "_source_file", "_batch_at")
SELECT "out__account_id", "out__customer_id", "out__account_number", "out__account_type", "out__account_balance", "out__credit_score", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_accounts"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_accounts', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_accounts"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_accounts";
