-- not_null test on silver.stg_investment_types(investment_type_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_investment_types"
WHERE "investment_type_id" IS NULL;
