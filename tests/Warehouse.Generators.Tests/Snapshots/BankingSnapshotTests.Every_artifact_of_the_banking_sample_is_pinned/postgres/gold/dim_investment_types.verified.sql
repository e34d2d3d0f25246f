-- gold.dim_investment_types: dimension from Banking.Gold.DimInvestmentTypes
-- Investment products.
CREATE TABLE IF NOT EXISTS "gold"."dim_investment_types" (
    "investment_type_key" BIGINT NOT NULL,
    "investment_type_id" BIGINT NOT NULL,
    "investment_type_name" VARCHAR(100) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- The unknown member: facts whose reference is missing or late point here instead of being dropped.
INSERT INTO "gold"."dim_investment_types" ("investment_type_key", "investment_type_id", "investment_type_name", "_batch_at")
SELECT -1, -1, 'Unknown', CAST('1900-01-01 00:00:00' AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_investment_types" WHERE "investment_type_key" = -1);
DROP TABLE IF EXISTS "__changes_dim_investment_types";
CREATE TEMPORARY TABLE "__changes_dim_investment_types" AS
SELECT
    CAST(CAST(('x' || LPAD(SUBSTRING(MD5(CAST(s."investment_type_id" AS VARCHAR(256))), 1, 15), 16, '0')) AS BIT(64)) AS BIGINT) AS "investment_type_key",
    s."investment_type_id" AS "investment_type_id",
    s."investment_type_name" AS "investment_type_name",
    s."_batch_at"
FROM "silver"."stg_investment_types" AS s;
DELETE FROM "gold"."dim_investment_types"
WHERE "investment_type_key" IN (
    SELECT d."investment_type_key" FROM "gold"."dim_investment_types" AS d JOIN "__changes_dim_investment_types" AS c ON c."investment_type_key" = d."investment_type_key"
    WHERE d."investment_type_id" IS DISTINCT FROM c."investment_type_id"
    OR d."investment_type_name" IS DISTINCT FROM c."investment_type_name");
INSERT INTO "gold"."dim_investment_types" ("investment_type_key", "investment_type_id", "investment_type_name", "_batch_at")
SELECT c."investment_type_key", c."investment_type_id", c."investment_type_name", c."_batch_at"
FROM "__changes_dim_investment_types" AS c
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_investment_types" AS d WHERE d."investment_type_key" = c."investment_type_key");
DROP TABLE "__changes_dim_investment_types";
