-- gold.dim_locations: dimension from Banking.Gold.DimLocations
-- Branch and ATM locations.
CREATE TABLE IF NOT EXISTS "gold"."dim_locations" (
    "location_key" BIGINT NOT NULL,
    "location_id" BIGINT NOT NULL,
    "city" VARCHAR(100) NOT NULL,
    "state" VARCHAR(100) NOT NULL,
    "country" VARCHAR(100) NOT NULL,
    "postal_code" VARCHAR(20),
    "_batch_at" TIMESTAMP NOT NULL
);
-- The unknown member: facts whose reference is missing or late point here instead of being dropped.
INSERT INTO "gold"."dim_locations" ("location_key", "location_id", "city", "state", "country", "postal_code", "_batch_at")
SELECT -1, -1, 'Unknown', 'Unknown', 'Unknown', NULL, CAST('1900-01-01 00:00:00' AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_locations" WHERE "location_key" = -1);
DROP TABLE IF EXISTS "__changes_dim_locations";
CREATE TEMPORARY TABLE "__changes_dim_locations" AS
SELECT
    CAST(CAST(('x' || LPAD(SUBSTRING(MD5(CAST(s."location_id" AS VARCHAR(256))), 1, 15), 16, '0')) AS BIT(64)) AS BIGINT) AS "location_key",
    s."location_id" AS "location_id",
    s."city" AS "city",
    s."state" AS "state",
    s."country" AS "country",
    s."postal_code" AS "postal_code",
    s."_batch_at"
FROM "silver"."stg_locations" AS s;
DELETE FROM "gold"."dim_locations"
WHERE "location_key" IN (
    SELECT d."location_key" FROM "gold"."dim_locations" AS d JOIN "__changes_dim_locations" AS c ON c."location_key" = d."location_key"
    WHERE d."location_id" IS DISTINCT FROM c."location_id"
    OR d."city" IS DISTINCT FROM c."city"
    OR d."state" IS DISTINCT FROM c."state"
    OR d."country" IS DISTINCT FROM c."country"
    OR d."postal_code" IS DISTINCT FROM c."postal_code");
INSERT INTO "gold"."dim_locations" ("location_key", "location_id", "city", "state", "country", "postal_code", "_batch_at")
SELECT c."location_key", c."location_id", c."city", c."state", c."country", c."postal_code", c."_batch_at"
FROM "__changes_dim_locations" AS c
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_locations" AS d WHERE d."location_key" = c."location_key");
DROP TABLE "__changes_dim_locations";
