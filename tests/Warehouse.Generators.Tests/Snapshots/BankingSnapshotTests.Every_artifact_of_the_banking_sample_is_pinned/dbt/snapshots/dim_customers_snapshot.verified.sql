{% snapshot dim_customers_snapshot %}
{{ config(target_schema='snapshots', unique_key='customer_id', strategy='check', check_cols=['address', 'city', 'state', 'postal_code']) }}
-- History of gold.dim_customers: a change in address, city, state, postal_code closes the current version and opens a new one.
-- The type-2 dimension dim_customers reads it; its other columns come from silver (latest value).
SELECT
    u."customer_id" AS "customer_id",
    u."address" AS "address",
    u."city" AS "city",
    u."state" AS "state",
    u."postal_code" AS "postal_code"
FROM {{ ref('stg_customers') }} AS u
{% endsnapshot %}
