-- not_null test on silver.stg_investments(investment_type_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_investments"
WHERE "investment_type_id" IS NULL;
