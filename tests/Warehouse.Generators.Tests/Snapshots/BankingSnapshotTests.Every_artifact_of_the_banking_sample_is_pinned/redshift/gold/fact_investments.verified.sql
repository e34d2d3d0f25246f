-- gold.fact_investments: fact from Banking.Gold.FactInvestments
-- Grain: One row per investment made from an account. (investment_id).
CREATE TABLE IF NOT EXISTS "gold"."fact_investments" (
    "investment_id" BIGINT NOT NULL,
    "date_key" BIGINT NOT NULL,
    "investment_type_key" BIGINT NOT NULL,
    "account_key" BIGINT NOT NULL,
    "location_key" BIGINT NOT NULL,
    "currency_key" BIGINT NOT NULL,
    "investment_amount" DECIMAL(18,2) NOT NULL,
    "investment_return" DECIMAL(18,2) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
)
DISTSTYLE KEY DISTKEY ("account_key")
COMPOUND SORTKEY ("date_key");
DROP TABLE IF EXISTS "__batch_fact_investments";
CREATE TEMPORARY TABLE "__batch_fact_investments" AS
SELECT
    s."investment_id" AS "investment_id",
    COALESCE("d__date_key"."date_key", -1) AS "date_key",
    COALESCE("d__investment_type_key"."investment_type_key", -1) AS "investment_type_key",
    COALESCE("d__account_key"."account_key", -1) AS "account_key",
    COALESCE("d__location_key"."location_key", -1) AS "location_key",
    COALESCE("d__currency_key"."currency_key", -1) AS "currency_key",
    s."investment_amount" AS "investment_amount",
    s."investment_return" AS "investment_return",
    s."_batch_at"
FROM (
    SELECT *
    FROM "silver"."stg_investments" AS s
    -- Silver rows of the latest batch gold has seen, and newer ones: a rerun re-merges the same rows.
    WHERE s."_batch_at" >= (SELECT COALESCE(MAX("_batch_at"), CAST('1900-01-01 00:00:00' AS TIMESTAMP)) FROM "gold"."fact_investments")
        -- Re-key older facts on the unknown member or on a version that no longer covers their date.
        OR s."investment_id" IN (
            SELECT f."investment_id"
            FROM "gold"."fact_investments" AS f
            JOIN "gold"."dim_dates" AS "c" ON "c"."date_key" = f."date_key"
            LEFT JOIN "gold"."dim_accounts" AS "v__account_key" ON "v__account_key"."account_key" = f."account_key"
            WHERE f."date_key" = -1
                OR f."investment_type_key" = -1
                OR f."account_key" = -1
                OR f."location_key" = -1
                OR f."currency_key" = -1
                OR NOT (CAST("c"."date" AS TIMESTAMP) >= "v__account_key"."valid_from" AND CAST("c"."date" AS TIMESTAMP) < "v__account_key"."valid_to")
        )
) AS s
LEFT JOIN "gold"."dim_dates" AS "d__date_key"
    ON "d__date_key"."date_id" = s."date_id"
    AND "d__date_key"."date_key" <> -1
LEFT JOIN "gold"."dim_investment_types" AS "d__investment_type_key"
    ON "d__investment_type_key"."investment_type_id" = s."investment_type_id"
    AND "d__investment_type_key"."investment_type_key" <> -1
LEFT JOIN "gold"."dim_accounts" AS "d__account_key"
    ON "d__account_key"."account_id" = s."account_id"
    AND "d__account_key"."account_key" <> -1
    AND CAST("d__date_key"."date" AS TIMESTAMP) >= "d__account_key"."valid_from" AND CAST("d__date_key"."date" AS TIMESTAMP) < "d__account_key"."valid_to"
LEFT JOIN "gold"."dim_locations" AS "d__location_key"
    ON "d__location_key"."location_id" = s."location_id"
    AND "d__location_key"."location_key" <> -1
LEFT JOIN "gold"."dim_currencies" AS "d__currency_key"
    ON "d__currency_key"."currency_id" = s."currency_id"
    AND "d__currency_key"."currency_key" <> -1;
DELETE FROM "gold"."fact_investments"
WHERE "investment_id" IN (SELECT "investment_id" FROM "__batch_fact_investments");
INSERT INTO "gold"."fact_investments" ("investment_id", "date_key", "investment_type_key", "account_key", "location_key", "currency_key", "investment_amount", "investment_return", "_batch_at")
SELECT "investment_id", "date_key", "investment_type_key", "account_key", "location_key", "currency_key", "investment_amount", "investment_return", "_batch_at"
FROM "__batch_fact_investments";
DROP TABLE "__batch_fact_investments";
