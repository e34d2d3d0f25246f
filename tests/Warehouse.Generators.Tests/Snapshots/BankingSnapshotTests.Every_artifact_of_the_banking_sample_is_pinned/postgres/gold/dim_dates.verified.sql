-- gold.dim_dates: dimension from Banking.Gold.DimDates
-- The calendar. Facts use its date to find the dimension versions valid on the day.
CREATE TABLE IF NOT EXISTS "gold"."dim_dates" (
    "date_key" BIGINT NOT NULL,
    "date_id" BIGINT NOT NULL,
    "date" DATE NOT NULL,
    "day" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "weekday" INTEGER NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- The unknown member: facts whose reference is missing or late point here instead of being dropped.
INSERT INTO "gold"."dim_dates" ("date_key", "date_id", "date", "day", "month", "quarter", "year", "weekday", "_batch_at")
SELECT -1, -1, CAST('1900-01-01' AS DATE), 0, 0, 0, 0, 0, CAST('1900-01-01 00:00:00' AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_dates" WHERE "date_key" = -1);
DROP TABLE IF EXISTS "__changes_dim_dates";
CREATE TEMPORARY TABLE "__changes_dim_dates" AS
SELECT
    CAST(CAST(('x' || LPAD(SUBSTRING(MD5(CAST(s."date_id" AS VARCHAR(256))), 1, 15), 16, '0')) AS BIT(64)) AS BIGINT) AS "date_key",
    s."date_id" AS "date_id",
    s."date" AS "date",
    s."day" AS "day",
    s."month" AS "month",
    s."quarter" AS "quarter",
    s."year" AS "year",
    s."weekday" AS "weekday",
    s."_batch_at"
FROM "silver"."stg_dates" AS s;
DELETE FROM "gold"."dim_dates"
WHERE "date_key" IN (
    SELECT d."date_key" FROM "gold"."dim_dates" AS d JOIN "__changes_dim_dates" AS c ON c."date_key" = d."date_key"
    WHERE d."date_id" IS DISTINCT FROM c."date_id"
    OR d."date" IS DISTINCT FROM c."date"
    OR d."day" IS DISTINCT FROM c."day"
    OR d."month" IS DISTINCT FROM c."month"
    OR d."quarter" IS DISTINCT FROM c."quarter"
    OR d."year" IS DISTINCT FROM c."year"
    OR d."weekday" IS DISTINCT FROM c."weekday");
INSERT INTO "gold"."dim_dates" ("date_key", "date_id", "date", "day", "month", "quarter", "year", "weekday", "_batch_at")
SELECT c."date_key", c."date_id", c."date", c."day", c."month", c."quarter", c."year", c."weekday", c."_batch_at"
FROM "__changes_dim_dates" AS c
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_dates" AS d WHERE d."date_key" = c."date_key");
DROP TABLE "__changes_dim_dates";
