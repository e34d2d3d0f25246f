-- bronze.fact_customer_interactions: source from Banking.Bronze.FactCustomerInteractions
-- Contacts between a customer and the bank.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."fact_customer_interactions" AS
SELECT
    "interaction_id",
    "date_id",
    "customer_id",
    "channel_id",
    "location_id",
    "interaction_type",
    "interaction_rating",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/fact_customer_interactions/fact_customer_interactions*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'interaction_id': 'VARCHAR', 'date_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'channel_id': 'VARCHAR', 'location_id': 'VARCHAR', 'interaction_type': 'VARCHAR', 'interaction_rating': 'VARCHAR'}) WITH ORDINALITY;
