-- gold.dim_accounts: dimension from Banking.Gold.DimAccounts
-- Bank accounts. A change of balance or credit score opens a new version (type 2).
CREATE TABLE IF NOT EXISTS "gold"."dim_accounts" (
    "account_key" BIGINT NOT NULL,
    "account_id" BIGINT NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "account_number" VARCHAR(20) NOT NULL,
    "account_type" VARCHAR(20) NOT NULL,
    "account_balance" DECIMAL(18,2) NOT NULL,
    "credit_score" INTEGER NOT NULL,
    "valid_from" TIMESTAMP NOT NULL,
    "valid_to" TIMESTAMP NOT NULL,
    "is_current" BOOLEAN NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
)
DISTSTYLE KEY DISTKEY ("account_key")
COMPOUND SORTKEY ("account_key");
-- The unknown member: facts whose reference is missing or late point here instead of being dropped.
INSERT INTO "gold"."dim_accounts" ("account_key", "account_id", "customer_id", "account_number", "account_type", "account_balance", "credit_score", "valid_from", "valid_to", "is_current", "_batch_at")
SELECT -1, -1, 0, 'Unknown', 'Unknown', 0, 0, CAST('1900-01-01 00:00:00' AS TIMESTAMP), CAST('9999-12-31 00:00:00' AS TIMESTAMP), TRUE, CAST('1900-01-01 00:00:00' AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_accounts" WHERE "account_key" = -1);
-- Type 2: a change in account_balance, credit_score closes the current version and opens a new one.
DROP TABLE IF EXISTS "__changes_dim_accounts";
CREATE TEMPORARY TABLE "__changes_dim_accounts" AS
SELECT
    s."account_id",
    s."customer_id",
    s."account_number",
    s."account_type",
    s."account_balance",
    s."credit_score",
    CASE WHEN d."account_id" IS NULL THEN CAST('1900-01-01 00:00:00' AS TIMESTAMP) ELSE CAST('{{batch_at}}' AS TIMESTAMP) END AS "valid_from",
    s."_batch_at"
FROM (
    SELECT
        u."account_id" AS "account_id",
        u."customer_id" AS "customer_id",
        u."account_number" AS "account_number",
        u."account_type" AS "account_type",
        u."account_balance" AS "account_balance",
        u."credit_score" AS "credit_score",
        u."_batch_at"
    FROM "silver"."stg_accounts" AS u
) AS s
LEFT JOIN "gold"."dim_accounts" AS d ON d."account_id" = s."account_id" AND d."is_current"
WHERE d."account_id" IS NULL
    OR (d."account_balance" <> s."account_balance" OR (d."account_balance" IS NULL AND s."account_balance" IS NOT NULL) OR (d."account_balance" IS NOT NULL AND s."account_balance" IS NULL))
    OR (d."credit_score" <> s."credit_score" OR (d."credit_score" IS NULL AND s."credit_score" IS NOT NULL) OR (d."credit_score" IS NOT NULL AND s."credit_score" IS NULL));
UPDATE "gold"."dim_accounts"
SET "valid_to" = CAST('{{batch_at}}' AS TIMESTAMP), "is_current" = FALSE
WHERE "is_current" AND "account_id" IN (SELECT "account_id" FROM "__changes_dim_accounts");
INSERT INTO "gold"."dim_accounts" ("account_key", "account_id", "customer_id", "account_number", "account_type", "account_balance", "credit_score", "valid_from", "valid_to", "is_current", "_batch_at")
SELECT
    STRTOL(SUBSTRING(MD5(CAST(c."account_id" AS VARCHAR(256)) || '|' || TO_CHAR(c."valid_from", 'YYYY-MM-DD HH24:MI:SS')), 1, 15), 16),
    c."account_id",
    c."customer_id",
    c."account_number",
    c."account_type",
    c."account_balance",
    c."credit_score",
    c."valid_from",
    CAST('9999-12-31 00:00:00' AS TIMESTAMP),
    TRUE,
    c."_batch_at"
FROM "__changes_dim_accounts" AS c;
UPDATE "gold"."dim_accounts"
SET "customer_id" = s."customer_id", "account_number" = s."account_number", "account_type" = s."account_type"
FROM (
    SELECT
        u."customer_id" AS "customer_id",
        u."account_number" AS "account_number",
        u."account_type" AS "account_type",
        u."account_id" AS "account_id",
        1 AS "__one"
    FROM "silver"."stg_accounts" AS u
) AS s
WHERE "gold"."dim_accounts"."account_id" = s."account_id"
    AND (("gold"."dim_accounts"."customer_id" <> s."customer_id" OR ("gold"."dim_accounts"."customer_id" IS NULL AND s."customer_id" IS NOT NULL) OR ("gold"."dim_accounts"."customer_id" IS NOT NULL AND s."customer_id" IS NULL))
    OR ("gold"."dim_accounts"."account_number" <> s."account_number" OR ("gold"."dim_accounts"."account_number" IS NULL AND s."account_number" IS NOT NULL) OR ("gold"."dim_accounts"."account_number" IS NOT NULL AND s."account_number" IS NULL))
    OR ("gold"."dim_accounts"."account_type" <> s."account_type" OR ("gold"."dim_accounts"."account_type" IS NULL AND s."account_type" IS NOT NULL) OR ("gold"."dim_accounts"."account_type" IS NOT NULL AND s."account_type" IS NULL)));
DROP TABLE "__changes_dim_accounts";
