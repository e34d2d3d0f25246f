-- bronze.dim_locations: source from Banking.Bronze.DimLocations
-- Branch and ATM locations.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."dim_locations" AS
SELECT
    "location_id",
    "city",
    "state",
    "country",
    "postal_code",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/dim_locations/dim_locations*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'location_id': 'VARCHAR', 'city': 'VARCHAR', 'state': 'VARCHAR', 'country': 'VARCHAR', 'postal_code': 'VARCHAR'}) WITH ORDINALITY;
