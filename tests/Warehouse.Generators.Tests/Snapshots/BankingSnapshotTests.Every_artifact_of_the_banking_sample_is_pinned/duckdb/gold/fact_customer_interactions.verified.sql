-- gold.fact_customer_interactions: fact from Banking.Gold.FactCustomerInteractions
-- Grain: One row per contact between a customer and the bank. (interaction_id).
CREATE TABLE IF NOT EXISTS "gold"."fact_customer_interactions" (
    "interaction_id" BIGINT NOT NULL,
    "date_key" BIGINT NOT NULL,
    "customer_key" BIGINT NOT NULL,
    "channel_key" BIGINT NOT NULL,
    "location_key" BIGINT NOT NULL,
    "interaction_type" VARCHAR(50) NOT NULL,
    "interaction_rating" INTEGER NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_fact_customer_interactions";
CREATE TEMPORARY TABLE "__batch_fact_customer_interactions" AS
SELECT
    s."interaction_id" AS "interaction_id",
    COALESCE("d__date_key"."date_key", -1) AS "date_key",
    COALESCE("d__customer_key"."customer_key", -1) AS "customer_key",
    COALESCE("d__channel_key"."channel_key", -1) AS "channel_key",
    COALESCE("d__location_key"."location_key", -1) AS "location_key",
    s."interaction_type" AS "interaction_type",
    s."interaction_rating" AS "interaction_rating",
    s."_batch_at"
FROM (
    SELECT *
    FROM "silver"."stg_customer_interactions" AS s
    -- Silver rows of the latest batch gold has seen, and newer ones: a rerun re-merges the same rows.
    WHERE s."_batch_at" >= (SELECT COALESCE(MAX("_batch_at"), CAST('1900-01-01 00:00:00' AS TIMESTAMP)) FROM "gold"."fact_customer_interactions")
        -- Re-key older facts on the unknown member or on a version that no longer covers their date.
        OR s."interaction_id" IN (
            SELECT f."interaction_id"
            FROM "gold"."fact_customer_interactions" AS f
            JOIN "gold"."dim_dates" AS "c" ON "c"."date_key" = f."date_key"
            LEFT JOIN "gold"."dim_customers" AS "v__customer_key" ON "v__customer_key"."customer_key" = f."customer_key"
            WHERE f."date_key" = -1
                OR f."customer_key" = -1
                OR f."channel_key" = -1
                OR f."location_key" = -1
                OR NOT (CAST("c"."date" AS TIMESTAMP) >= "v__customer_key"."valid_from" AND CAST("c"."date" AS TIMESTAMP) < "v__customer_key"."valid_to")
        )
) AS s
LEFT JOIN "gold"."dim_dates" AS "d__date_key"
    ON "d__date_key"."date_id" = s."date_id"
    AND "d__date_key"."date_key" <> -1
LEFT JOIN "gold"."dim_customers" AS "d__customer_key"
    ON "d__customer_key"."customer_id" = s."customer_id"
    AND "d__customer_key"."customer_key" <> -1
    AND CAST("d__date_key"."date" AS TIMESTAMP) >= "d__customer_key"."valid_from" AND CAST("d__date_key"."date" AS TIMESTAMP) < "d__customer_key"."valid_to"
LEFT JOIN "gold"."dim_channels" AS "d__channel_key"
    ON "d__channel_key"."channel_id" = s."channel_id"
    AND "d__channel_key"."channel_key" <> -1
LEFT JOIN "gold"."dim_locations" AS "d__location_key"
    ON "d__location_key"."location_id" = s."location_id"
    AND "d__location_key"."location_key" <> -1;
DELETE FROM "gold"."fact_customer_interactions"
WHERE "interaction_id" IN (SELECT "interaction_id" FROM "__batch_fact_customer_interactions");
INSERT INTO "gold"."fact_customer_interactions" ("interaction_id", "date_key", "customer_key", "channel_key", "location_key", "interaction_type", "interaction_rating", "_batch_at")
SELECT "interaction_id", "date_key", "customer_key", "channel_key", "location_key", "interaction_type", "interaction_rating", "_batch_at"
FROM "__batch_fact_customer_interactions";
DROP TABLE "__batch_fact_customer_interactions";
