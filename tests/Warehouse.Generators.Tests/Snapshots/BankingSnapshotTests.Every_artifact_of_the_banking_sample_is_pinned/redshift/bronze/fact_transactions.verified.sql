-- bronze.fact_transactions: source from Banking.Bronze.FactTransactions
-- Account transactions.
-- Bronze lives in S3; the Glue catalog declares its tables (see cloudformation/) and Redshift
-- reads them through an external schema. "$path" gives each row's file.
CREATE EXTERNAL SCHEMA IF NOT EXISTS "bronze"
FROM DATA CATALOG DATABASE '{{glue_database}}'
IAM_ROLE '{{redshift_iam_role}}';
