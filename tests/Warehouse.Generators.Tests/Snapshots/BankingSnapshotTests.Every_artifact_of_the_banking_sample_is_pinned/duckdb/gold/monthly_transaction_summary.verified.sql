-- gold.monthly_transaction_summary: sqlmodel from Banking.Gold.MonthlyTransactionSummary
-- Transactions and amounts per calendar month.
DROP VIEW IF EXISTS "gold"."monthly_transaction_summary";
CREATE VIEW "gold"."monthly_transaction_summary" AS
SELECT
    CAST(q."year" AS INTEGER) AS "year",
    CAST(q."month" AS INTEGER) AS "month",
    CAST(q."transactions" AS BIGINT) AS "transactions",
    CAST(q."total_amount" AS DECIMAL(18,2)) AS "total_amount"
FROM (
    SELECT
        d.year AS year,
        d.month AS month,
        COUNT(*) AS transactions,
        SUM(t.transaction_amount) AS total_amount
    FROM "gold"."fact_transactions" AS t
    JOIN "gold"."dim_dates" AS d ON d.date_key = t.date_key
    GROUP BY d.year, d.month
) AS q;
