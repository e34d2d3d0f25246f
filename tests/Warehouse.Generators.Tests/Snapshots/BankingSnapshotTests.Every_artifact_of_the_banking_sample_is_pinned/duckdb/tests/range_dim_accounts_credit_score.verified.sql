-- range test on gold.dim_accounts(credit_score), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_accounts"
WHERE ("credit_score" < 300 OR "credit_score" > 850) AND account_key <> -1;
