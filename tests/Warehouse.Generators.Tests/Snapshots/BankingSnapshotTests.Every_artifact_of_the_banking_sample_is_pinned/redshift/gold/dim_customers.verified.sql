-- gold.dim_customers: dimension from Banking.Gold.DimCustomers
-- Customers. A move (address, city, state, postal code) opens a new version; name and contact details are overwritten.
CREATE TABLE IF NOT EXISTS "gold"."dim_customers" (
    "customer_key" BIGINT NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "first_name" VARCHAR(100) NOT NULL,
    "last_name" VARCHAR(100) NOT NULL,
    "full_name" VARCHAR(201) NOT NULL,
    "email" VARCHAR(200),
    "address" VARCHAR(300),
    "city" VARCHAR(100),
    "state" VARCHAR(100),
    "postal_code" VARCHAR(20),
    "phone_number" VARCHAR(40),
    "valid_from" TIMESTAMP NOT NULL,
    "valid_to" TIMESTAMP NOT NULL,
    "is_current" BOOLEAN NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
)
DISTSTYLE KEY DISTKEY ("customer_key")
COMPOUND SORTKEY ("customer_key");
-- The unknown member: facts whose reference is missing or late point here instead of being dropped.
INSERT INTO "gold"."dim_customers" ("customer_key", "customer_id", "first_name", "last_name", "full_name", "email", "address", "city", "state", "postal_code", "phone_number", "valid_from", "valid_to", "is_current", "_batch_at")
SELECT -1, -1, 'Unknown', 'Unknown', 'Unknown', NULL, NULL, NULL, NULL, NULL, NULL, CAST('1900-01-01 00:00:00' AS TIMESTAMP), CAST('9999-12-31 00:00:00' AS TIMESTAMP), TRUE, CAST('1900-01-01 00:00:00' AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_customers" WHERE "customer_key" = -1);
-- Type 2: a change in address, city, state, postal_code closes the current version and opens a new one.
DROP TABLE IF EXISTS "__changes_dim_customers";
CREATE TEMPORARY TABLE "__changes_dim_customers" AS
SELECT
    s."customer_id",
    s."first_name",
    s."last_name",
    s."full_name",
    s."email",
    s."address",
    s."city",
    s."state",
    s."postal_code",
    s."phone_number",
    CASE WHEN d."customer_id" IS NULL THEN CAST('1900-01-01 00:00:00' AS TIMESTAMP) ELSE CAST('{{batch_at}}' AS TIMESTAMP) END AS "valid_from",
    s."_batch_at"
FROM (
    SELECT
        u."customer_id" AS "customer_id",
        u."first_name" AS "first_name",
        u."last_name" AS "last_name",
        u."full_name" AS "full_name",
        u."email" AS "email",
        u."address" AS "address",
        u."city" AS "city",
        u."state" AS "state",
        u."postal_code" AS "postal_code",
        u."phone_number" AS "phone_number",
        u."_batch_at"
    FROM "silver"."stg_customers" AS u
) AS s
LEFT JOIN "gold"."dim_customers" AS d ON d."customer_id" = s."customer_id" AND d."is_current"
WHERE d."customer_id" IS NULL
    OR (d."address" <> s."address" OR (d."address" IS NULL AND s."address" IS NOT NULL) OR (d."address" IS NOT NULL AND s."address" IS NULL))
    OR (d."city" <> s."city" OR (d."city" IS NULL AND s."city" IS NOT NULL) OR (d."city" IS NOT NULL AND s."city" IS NULL))
    OR (d."state" <> s."state" OR (d."state" IS NULL AND s."state" IS NOT NULL) OR (d."state" IS NOT NULL AND s."state" IS NULL))
    OR (d."postal_code" <> s."postal_code" OR (d."postal_code" IS NULL AND s."postal_code" IS NOT NULL) OR (d."postal_code" IS NOT NULL AND s."postal_code" IS NULL));
UPDATE "gold"."dim_customers"
SET "valid_to" = CAST('{{batch_at}}' AS TIMESTAMP), "is_current" = FALSE
WHERE "is_current" AND "customer_id" IN (SELECT "customer_id" FROM "__changes_dim_customers");
INSERT INTO "gold"."dim_customers" ("customer_key", "customer_id", "first_name", "last_name", "full_name", "email", "address", "city", "state", "postal_code", "phone_number", "valid_from", "valid_to", "is_current", "_batch_at")
SELECT
    STRTOL(SUBSTRING(MD5(CAST(c."customer_id" AS VARCHAR(256)) || '|' || TO_CHAR(c."valid_from", 'YYYY-MM-DD HH24:MI:SS')), 1, 15), 16),
    c."customer_id",
    c."first_name",
    c."last_name",
    c."full_name",
    c."email",
    c."address",
    c."city",
    c."state",
    c."postal_code",
    c."phone_number",
    c."valid_from",
    CAST('9999-12-31 00:00:00' AS TIMESTAMP),
    TRUE,
    c."_batch_at"
FROM "__changes_dim_customers" AS c;
UPDATE "gold"."dim_customers"
SET "first_name" = s."first_name", "last_name" = s."last_name", "full_name" = s."full_name", "email" = s."email", "phone_number" = s."phone_number"
FROM (
    SELECT
        u."first_name" AS "first_name",
        u."last_name" AS "last_name",
        u."full_name" AS "full_name",
        u."email" AS "email",
        u."phone_number" AS "phone_number",
        u."customer_id" AS "customer_id",
        1 AS "__one"
    FROM "silver"."stg_customers" AS u
) AS s
WHERE "gold"."dim_customers"."customer_id" = s."customer_id"
    AND (("gold"."dim_customers"."first_name" <> s."first_name" OR ("gold"."dim_customers"."first_name" IS NULL AND s."first_name" IS NOT NULL) OR ("gold"."dim_customers"."first_name" IS NOT NULL AND s."first_name" IS NULL))
    OR ("gold"."dim_customers"."last_name" <> s."last_name" OR ("gold"."dim_customers"."last_name" IS NULL AND s."last_name" IS NOT NULL) OR ("gold"."dim_customers"."last_name" IS NOT NULL AND s."last_name" IS NULL))
    OR ("gold"."dim_customers"."full_name" <> s."full_name" OR ("gold"."dim_customers"."full_name" IS NULL AND s."full_name" IS NOT NULL) OR ("gold"."dim_customers"."full_name" IS NOT NULL AND s."full_name" IS NULL))
    OR ("gold"."dim_customers"."email" <> s."email" OR ("gold"."dim_customers"."email" IS NULL AND s."email" IS NOT NULL) OR ("gold"."dim_customers"."email" IS NOT NULL AND s."email" IS NULL))
    OR ("gold"."dim_customers"."phone_number" <> s."phone_number" OR ("gold"."dim_customers"."phone_number" IS NULL AND s."phone_number" IS NOT NULL) OR ("gold"."dim_customers"."phone_number" IS NOT NULL AND s."phone_number" IS NULL)));
DROP TABLE "__changes_dim_customers";
