-- gold.dim_transaction_types: dimension from Banking.Gold.DimTransactionTypes
-- Kinds of transaction.
CREATE TABLE IF NOT EXISTS "gold"."dim_transaction_types" (
    "transaction_type_key" BIGINT NOT NULL,
    "transaction_type_id" BIGINT NOT NULL,
    "transaction_type_name" VARCHAR(50) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
)
DISTSTYLE ALL
COMPOUND SORTKEY ("transaction_type_key");
-- The unknown member: facts whose reference is missing or late point here instead of being dropped.
INSERT INTO "gold"."dim_transaction_types" ("transaction_type_key", "transaction_type_id", "transaction_type_name", "_batch_at")
SELECT -1, -1, 'Unknown', CAST('1900-01-01 00:00:00' AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_transaction_types" WHERE "transaction_type_key" = -1);
DROP TABLE IF EXISTS "__changes_dim_transaction_types";
CREATE TEMPORARY TABLE "__changes_dim_transaction_types" AS
SELECT
    STRTOL(SUBSTRING(MD5(CAST(s."transaction_type_id" AS VARCHAR(256))), 1, 15), 16) AS "transaction_type_key",
    s."transaction_type_id" AS "transaction_type_id",
    s."transaction_type_name" AS "transaction_type_name",
    s."_batch_at"
FROM "silver"."stg_transaction_types" AS s;
DELETE FROM "gold"."dim_transaction_types"
WHERE "transaction_type_key" IN (
    SELECT d."transaction_type_key" FROM "gold"."dim_transaction_types" AS d JOIN "__changes_dim_transaction_types" AS c ON c."transaction_type_key" = d."transaction_type_key"
    WHERE (d."transaction_type_id" <> c."transaction_type_id" OR (d."transaction_type_id" IS NULL AND c."transaction_type_id" IS NOT NULL) OR (d."transaction_type_id" IS NOT NULL AND c."transaction_type_id" IS NULL))
    OR (d."transaction_type_name" <> c."transaction_type_name" OR (d."transaction_type_name" IS NULL AND c."transaction_type_name" IS NOT NULL) OR (d."transaction_type_name" IS NOT NULL AND c."transaction_type_name" IS NULL)));
INSERT INTO "gold"."dim_transaction_types" ("transaction_type_key", "transaction_type_id", "transaction_type_name", "_batch_at")
SELECT c."transaction_type_key", c."transaction_type_id", c."transaction_type_name", c."_batch_at"
FROM "__changes_dim_transaction_types" AS c
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_transaction_types" AS d WHERE d."transaction_type_key" = c."transaction_type_key");
DROP TABLE "__changes_dim_transaction_types";
