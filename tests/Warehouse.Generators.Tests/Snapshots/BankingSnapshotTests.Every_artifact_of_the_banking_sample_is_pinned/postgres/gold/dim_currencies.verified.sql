-- gold.dim_currencies: dimension from Banking.Gold.DimCurrencies
-- Currencies (type 1: corrections overwrite).
CREATE TABLE IF NOT EXISTS "gold"."dim_currencies" (
    "currency_key" BIGINT NOT NULL,
    "currency_id" BIGINT NOT NULL,
    "currency_code" VARCHAR(3) NOT NULL,
    "currency_name" VARCHAR(50) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- The unknown member: facts whose reference is missing or late point here instead of being dropped.
INSERT INTO "gold"."dim_currencies" ("currency_key", "currency_id", "currency_code", "currency_name", "_batch_at")
SELECT -1, -1, '?', 'Unknown', CAST('1900-01-01 00:00:00' AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_currencies" WHERE "currency_key" = -1);
DROP TABLE IF EXISTS "__changes_dim_currencies";
CREATE TEMPORARY TABLE "__changes_dim_currencies" AS
SELECT
    CAST(CAST(('x' || LPAD(SUBSTRING(MD5(CAST(s."currency_id" AS VARCHAR(256))), 1, 15), 16, '0')) AS BIT(64)) AS BIGINT) AS "currency_key",
    s."currency_id" AS "currency_id",
    s."currency_code" AS "currency_code",
    s."currency_name" AS "currency_name",
    s."_batch_at"
FROM "silver"."stg_currencies" AS s;
DELETE FROM "gold"."dim_currencies"
WHERE "currency_key" IN (
    SELECT d."currency_key" FROM "gold"."dim_currencies" AS d JOIN "__changes_dim_currencies" AS c ON c."currency_key" = d."currency_key"
    WHERE d."currency_id" IS DISTINCT FROM c."currency_id"
    OR d."currency_code" IS DISTINCT FROM c."currency_code"
    OR d."currency_name" IS DISTINCT FROM c."currency_name");
INSERT INTO "gold"."dim_currencies" ("currency_key", "currency_id", "currency_code", "currency_name", "_batch_at")
SELECT c."currency_key", c."currency_id", c."currency_code", c."currency_name", c."_batch_at"
FROM "__changes_dim_currencies" AS c
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_currencies" AS d WHERE d."currency_key" = c."currency_key");
DROP TABLE "__changes_dim_currencies";
