-- Checks the hand-written baseline built the same warehouse as `deploy`: row counts, surrogate keys and fact rows.
-- Run in the baseline database: Warehouse.Benchmarks sql BASELINE.duckdb compare.duckdb.sql other=DEPLOYED.duckdb
ATTACH '{{other}}' AS r (READ_ONLY);
SELECT CASE WHEN a = b THEN 1 ELSE error(n || ': ' || a || ' vs ' || b) END FROM (
  SELECT 'fact_transactions' n, (SELECT count(*) FROM r.gold.fact_transactions) a, (SELECT count(*) FROM gold.fact_transactions) b
  UNION ALL SELECT 'fact_loans', (SELECT count(*) FROM r.gold.fact_loans), (SELECT count(*) FROM gold.fact_loans)
  UNION ALL SELECT 'fact_daily_balances', (SELECT count(*) FROM r.gold.fact_daily_balances), (SELECT count(*) FROM gold.fact_daily_balances)
  UNION ALL SELECT 'fact_customer_interactions', (SELECT count(*) FROM r.gold.fact_customer_interactions), (SELECT count(*) FROM gold.fact_customer_interactions)
  UNION ALL SELECT 'dim_accounts', (SELECT count(*) FROM r.gold.dim_accounts), (SELECT count(*) FROM gold.dim_accounts)
  UNION ALL SELECT 'dim_customers', (SELECT count(*) FROM r.gold.dim_customers), (SELECT count(*) FROM gold.dim_customers)
  UNION ALL SELECT 'dim_dates', (SELECT count(*) FROM r.gold.dim_dates), (SELECT count(*) FROM gold.dim_dates)
  UNION ALL SELECT 'same account keys', (SELECT count(*) FROM r.gold.dim_accounts), (SELECT count(*) FROM r.gold.dim_accounts JOIN gold.dim_accounts USING (account_key))
  UNION ALL SELECT 'same fact rows', (SELECT count(*) FROM r.gold.fact_transactions), (SELECT count(*) FROM (SELECT transaction_id, date_key, account_key, currency_key, transaction_amount FROM r.gold.fact_transactions INTERSECT SELECT transaction_id, date_key, account_key, currency_key, transaction_amount FROM gold.fact_transactions))
  UNION ALL SELECT 'quarantine', (SELECT count(*) FROM r.silver.stg_transactions__quarantine), (SELECT count(*) FROM silver.stg_transactions__quarantine)
);
