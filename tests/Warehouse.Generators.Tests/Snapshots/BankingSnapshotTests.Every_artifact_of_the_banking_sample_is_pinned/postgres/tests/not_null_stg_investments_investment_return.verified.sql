-- not_null test on silver.stg_investments(investment_return), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_investments"
WHERE "investment_return" IS NULL;
