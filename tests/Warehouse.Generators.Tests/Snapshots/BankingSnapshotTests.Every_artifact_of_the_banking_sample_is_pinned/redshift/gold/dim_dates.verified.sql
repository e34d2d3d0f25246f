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
)
DISTSTYLE ALL
COMPOUND SORTKEY ("date_key");
-- The unknown member: facts whose reference is missing or late point here instead of being dropped.
INSERT INTO "gold"."dim_dates" ("date_key", "date_id", "date", "day", "month", "quarter", "year", "weekday", "_batch_at")
SELECT -1, -1, CAST('1900-01-01' AS DATE), 0, 0, 0, 0, 0, CAST('1900-01-01 00:00:00' AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_dates" WHERE "date_key" = -1);
DROP TABLE IF EXISTS "__changes_dim_dates";
CREATE TEMPORARY TABLE "__changes_dim_dates" AS
SELECT
    STRTOL(SUBSTRING(MD5(CAST(s."date_id" AS VARCHAR(256))), 1, 15), 16) AS "date_key",
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
    WHERE (d."date_id" <> c."date_id" OR (d."date_id" IS NULL AND c."date_id" IS NOT NULL) OR (d."date_id" IS NOT NULL AND c."date_id" IS NULL))
    OR (d."date" <> c."date" OR (d."date" IS NULL AND c."date" IS NOT NULL) OR (d."date" IS NOT NULL AND c."date" IS NULL))
    OR (d."day" <> c."day" OR (d."day" IS NULL AND c."day" IS NOT NULL) OR (d."day" IS NOT NULL AND c."day" IS NULL))
    OR (d."month" <> c."month" OR (d."month" IS NULL AND c."month" IS NOT NULL) OR (d."month" IS NOT NULL AND c."month" IS NULL))
    OR (d."quarter" <> c."quarter" OR (d."quarter" IS NULL AND c."quarter" IS NOT NULL) OR (d."quarter" IS NOT NULL AND c."quarter" IS NULL))
    OR (d."year" <> c."year" OR (d."year" IS NULL AND c."year" IS NOT NULL) OR (d."year" IS NOT NULL AND c."year" IS NULL))
    OR (d."weekday" <> c."weekday" OR (d."weekday" IS NULL AND c."weekday" IS NOT NULL) OR (d."weekday" IS NOT NULL AND c."weekday" IS NULL)));
INSERT INTO "gold"."dim_dates" ("date_key", "date_id", "date", "day", "month", "quarter", "year", "weekday", "_batch_at")
SELECT c."date_key", c."date_id", c."date", c."day", c."month", c."quarter", c."year", c."weekday", c."_batch_at"
FROM "__changes_dim_dates" AS c
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_dates" AS d WHERE d."date_key" = c."date_key");
DROP TABLE "__changes_dim_dates";
