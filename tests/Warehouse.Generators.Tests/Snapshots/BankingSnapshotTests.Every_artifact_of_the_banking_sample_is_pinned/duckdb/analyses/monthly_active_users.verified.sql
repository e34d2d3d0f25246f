-- analysis.monthly_active_users: analysis from Banking.Gold.MonthlyActiveUsers
-- Monthly active users: distinct customers with at least one interaction per month.
SELECT
    d.year,
    d.month,
    COUNT(DISTINCT c.customer_id) AS active_customers
FROM "gold"."fact_customer_interactions" AS i
JOIN "gold"."dim_dates" AS d ON d.date_key = i.date_key
JOIN "gold"."dim_customers" AS c ON c.customer_key = i.customer_key
WHERE c.customer_key <> -1
GROUP BY d.year, d.month
ORDER BY d.year, d.month;
