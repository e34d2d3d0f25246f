-- bronze.dim_dates: source from Banking.Bronze.DimDates
-- The calendar, one row per day from 2020-01-01 to 2024-12-31.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."dim_dates" AS
SELECT
    "date_id",
    "date",
    "day",
    "month",
    "year",
    "weekday",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/dim_dates/dim_dates*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'date_id': 'VARCHAR', 'date': 'VARCHAR', 'day': 'VARCHAR', 'month': 'VARCHAR', 'year': 'VARCHAR', 'weekday': 'VARCHAR'}) WITH ORDINALITY;
