-- gold.dim_loans: dimension from Banking.Gold.DimLoans
-- Loan contracts.
CREATE TABLE IF NOT EXISTS "gold"."dim_loans" (
    "loan_key" BIGINT NOT NULL,
    "loan_id" BIGINT NOT NULL,
    "loan_type" VARCHAR(50) NOT NULL,
    "loan_amount" DECIMAL(18,2) NOT NULL,
    "interest_rate" DECIMAL(5,2) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- The unknown member: facts whose reference is missing or late point here instead of being dropped.
INSERT INTO "gold"."dim_loans" ("loan_key", "loan_id", "loan_type", "loan_amount", "interest_rate", "_batch_at")
SELECT -1, -1, 'Unknown', 0, 0, CAST('1900-01-01 00:00:00' AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_loans" WHERE "loan_key" = -1);
DROP TABLE IF EXISTS "__changes_dim_loans";
CREATE TEMPORARY TABLE "__changes_dim_loans" AS
SELECT
    CAST(CAST(('x' || LPAD(SUBSTRING(MD5(CAST(s."loan_id" AS VARCHAR(256))), 1, 15), 16, '0')) AS BIT(64)) AS BIGINT) AS "loan_key",
    s."loan_id" AS "loan_id",
    s."loan_type" AS "loan_type",
    s."loan_amount" AS "loan_amount",
    s."interest_rate" AS "interest_rate",
    s."_batch_at"
FROM "silver"."stg_loans" AS s;
DELETE FROM "gold"."dim_loans"
WHERE "loan_key" IN (
    SELECT d."loan_key" FROM "gold"."dim_loans" AS d JOIN "__changes_dim_loans" AS c ON c."loan_key" = d."loan_key"
    WHERE d."loan_id" IS DISTINCT FROM c."loan_id"
    OR d."loan_type" IS DISTINCT FROM c."loan_type"
    OR d."loan_amount" IS DISTINCT FROM c."loan_amount"
    OR d."interest_rate" IS DISTINCT FROM c."interest_rate");
INSERT INTO "gold"."dim_loans" ("loan_key", "loan_id", "loan_type", "loan_amount", "interest_rate", "_batch_at")
SELECT c."loan_key", c."loan_id", c."loan_type", c."loan_amount", c."interest_rate", c."_batch_at"
FROM "__changes_dim_loans" AS c
WHERE NOT EXISTS (SELECT 1 FROM "gold"."dim_loans" AS d WHERE d."loan_key" = c."loan_key");
DROP TABLE "__changes_dim_loans";
