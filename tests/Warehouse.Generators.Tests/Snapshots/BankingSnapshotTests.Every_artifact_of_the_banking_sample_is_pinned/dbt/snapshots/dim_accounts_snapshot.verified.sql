{% snapshot dim_accounts_snapshot %}
{{ config(target_schema='snapshots', unique_key='account_id', strategy='check', check_cols=['account_balance', 'credit_score']) }}
-- History of gold.dim_accounts: a change in account_balance, credit_score closes the current version and opens a new one.
-- The type-2 dimension dim_accounts reads it; its other columns come from silver (latest value).
SELECT
    u."account_id" AS "account_id",
    u."account_balance" AS "account_balance",
    u."credit_score" AS "credit_score"
FROM {{ ref('stg_accounts') }} AS u
{% endsnapshot %}
