-- bronze.dim_dates: source from Banking.Bronze.DimDates
-- The calendar, one row per day from 2020-01-01 to 2024-12-31.
-- Bronze lives in S3; the Glue catalog declares its tables (see cloudformation/) and Redshift
-- reads them through an external schema. "$path" gives each row's file.
CREATE EXTERNAL SCHEMA IF NOT EXISTS "bronze"
FROM DATA CATALOG DATABASE '{{glue_database}}'
IAM_ROLE '{{redshift_iam_role}}';
