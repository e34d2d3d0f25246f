-- gold.fact_loans: fact from Banking.Gold.FactLoans
-- Grain: One row per loan application event. (loan_fact_id).
CREATE TABLE IF NOT EXISTS "gold"."fact_loans" (
    "loan_fact_id" BIGINT NOT NULL,
    "date_key" BIGINT NOT NULL,
    "loan_key" BIGINT NOT NULL,
    "account_key" BIGINT NOT NULL,
    "location_key" BIGINT NOT NULL,
    "currency_key" BIGINT NOT NULL,
    "loan_amount" DECIMAL(18,2) NOT NULL,
    "loan_status" VARCHAR(20) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
)
DISTSTYLE KEY DISTKEY ("account_key")
COMPOUND SORTKEY ("date_key");
DROP TABLE IF EXISTS "__batch_fact_loans";
CREATE TEMPORARY TABLE "__batch_fact_loans" AS
SELECT
    s."loan_fact_id" AS "loan_fact_id",
    COALESCE("d__date_key"."date_key", -1) AS "date_key",
    COALESCE("d__loan_key"."loan_key", -1) AS "loan_key",
    COALESCE("d__account_key"."account_key", -1) AS "account_key",
    COALESCE("d__location_key"."location_key", -1) AS "location_key",
    COALESCE("d__currency_key"."currency_key", -1) AS "currency_key",
    s."loan_amount" AS "loan_amount",
    s."loan_status" AS "loan_status",
    s."_batch_at"
FROM (
    SELECT *
    FROM "silver"."stg_loan_facts" AS s
    -- Silver rows of the latest batch gold has seen, and newer ones: a rerun re-merges the same rows.
    WHERE s."_batch_at" >= (SELECT COALESCE(MAX("_batch_at"), CAST('1900-01-01 00:00:00' AS TIMESTAMP)) FROM "gold"."fact_loans")
        -- Re-key older facts on the unknown member or on a version that no longer covers their date.
        OR s."loan_fact_id" IN (
            SELECT f."loan_fact_id"
            FROM "gold"."fact_loans" AS f
            JOIN "gold"."dim_dates" AS "c" ON "c"."date_key" = f."date_key"
            LEFT JOIN "gold"."dim_accounts" AS "v__account_key" ON "v__account_key"."account_key" = f."account_key"
            WHERE f."date_key" = -1
                OR f."loan_key" = -1
                OR f."account_key" = -1
                OR f."location_key" = -1
                OR f."currency_key" = -1
                OR NOT (CAST("c"."date" AS TIMESTAMP) >= "v__account_key"."valid_from" AND CAST("c"."date" AS TIMESTAMP) < "v__account_key"."valid_to")
        )
) AS s
LEFT JOIN "gold"."dim_dates" AS "d__date_key"
    ON "d__date_key"."date_id" = s."date_id"
    AND "d__date_key"."date_key" <> -1
LEFT JOIN "gold"."dim_loans" AS "d__loan_key"
    ON "d__loan_key"."loan_id" = s."loan_id"
    AND "d__loan_key"."loan_key" <> -1
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
DELETE FROM "gold"."fact_loans"
WHERE "loan_fact_id" IN (SELECT "loan_fact_id" FROM "__batch_fact_loans");
INSERT INTO "gold"."fact_loans" ("loan_fact_id", "date_key", "loan_key", "account_key", "location_key", "currency_key", "loan_amount", "loan_status", "_batch_at")
SELECT "loan_fact_id", "date_key", "loan_key", "account_key", "location_key", "currency_key", "loan_amount", "loan_status", "_batch_at"
FROM "__batch_fact_loans";
DROP TABLE "__batch_fact_loans";
