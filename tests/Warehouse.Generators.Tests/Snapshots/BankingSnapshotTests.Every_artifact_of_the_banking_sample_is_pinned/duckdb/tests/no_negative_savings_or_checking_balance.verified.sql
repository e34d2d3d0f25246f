-- test.no_negative_savings_or_checking_balance: singulartest from Banking.Gold.NoNegativeSavingsOrCheckingBalance
-- No savings or checking account has a negative balance.
SELECT
    account_id,
    account_type,
    account_balance
FROM "gold"."dim_accounts"
WHERE is_current AND account_type IN ('Savings', 'Checking') AND account_balance < 0;
