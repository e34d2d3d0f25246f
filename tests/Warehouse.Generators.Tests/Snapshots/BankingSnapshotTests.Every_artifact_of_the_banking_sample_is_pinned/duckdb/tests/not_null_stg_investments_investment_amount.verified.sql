-- not_null test on silver.stg_investments(investment_amount), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_investments"
WHERE "investment_amount" IS NULL;
