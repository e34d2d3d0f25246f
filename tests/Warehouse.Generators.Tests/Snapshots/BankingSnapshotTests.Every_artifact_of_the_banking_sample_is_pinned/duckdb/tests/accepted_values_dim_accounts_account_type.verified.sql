-- accepted_values test on gold.dim_accounts(account_type), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_accounts"
WHERE "account_type" IS NOT NULL
    AND CAST("account_type" AS VARCHAR(256)) NOT IN ('Checking', 'Savings', 'Investment', 'Credit', 'Loan') AND account_key <> -1;
