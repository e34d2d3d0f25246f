-- gold.dim_channels: dimension from Banking.Gold.DimChannels
-- Channels through which customers reach the bank.
CREATE TABLE IF NOT EXISTS "gold"."dim_channels" (
    "channel_key" BIGINT NOT NULL,
    "channel_id" BIGINT NOT NULL,
    "channel_name" VARCHAR(50) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- The unknown member: facts whose reference is missing or late point here instead of being dropped.
INSERT INTO "gold"."dim_channels" ("channel_key", "channel_id", "channel_name", "_batch_at")
SELECT -1, -1, 'Unknown', CAST('1900-01-01 00:00:00' AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_channels" WHERE "channel_key" = -1);
DROP TABLE IF EXISTS "__changes_dim_channels";
CREATE TEMPORARY TABLE "__changes_dim_channels" AS
SELECT
    CAST(CAST(('x' || LPAD(SUBSTRING(MD5(CAST(s."channel_id" AS VARCHAR(256))), 1, 15), 16, '0')) AS BIT(64)) AS BIGINT) AS "channel_key",
    s."channel_id" AS "channel_id",
    s."channel_name" AS "channel_name",
    s."_batch_at"
FROM "silver"."stg_channels" AS s;
DELETE FROM "gold"."dim_channels"
WHERE "channel_key" IN (
    SELECT d."channel_key" FROM "gold"."dim_channels" AS d JOIN "__changes_dim_channels" AS c ON c."channel_key" = d."channel_key"
    WHERE d."channel_id" IS DISTINCT FROM c."channel_id"
    OR d."channel_name" IS DISTINCT FROM c."channel_name");
INSERT INTO "gold"."dim_channels" ("channel_key", "channel_id", "channel_name", "_batch_at")
SELECT c."channel_key", c."channel_id", c."channel_name", c."_batch_at"
FROM "__changes_dim_channels" AS c
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_channels" AS d WHERE d."channel_key" = c."channel_key");
DROP TABLE "__changes_dim_channels";
