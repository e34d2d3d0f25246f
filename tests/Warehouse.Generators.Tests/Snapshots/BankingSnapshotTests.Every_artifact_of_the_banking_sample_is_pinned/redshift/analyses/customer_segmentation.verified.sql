-- analysis.customer_segmentation: analysis from Banking.Gold.CustomerSegmentation
-- Customer segmentation: transactions per account and average amount, as High, Medium or Low.
SELECT
    a.account_id,
    COUNT(t.transaction_id) AS transactions,
    ROUND(AVG(t.transaction_amount), 2) AS average_amount,
    CASE WHEN COUNT(t.transaction_id) >= 120 AND AVG(t.transaction_amount) >= 500 THEN 'High' WHEN COUNT(t.transaction_id) >= 90 THEN 'Medium' ELSE 'Low' END AS segment
FROM "gold"."dim_accounts" AS a
LEFT JOIN "gold"."fact_transactions" AS t ON t.account_key = a.account_key
WHERE a.is_current AND a.account_key <> -1
GROUP BY a.account_id
ORDER BY a.account_id;
