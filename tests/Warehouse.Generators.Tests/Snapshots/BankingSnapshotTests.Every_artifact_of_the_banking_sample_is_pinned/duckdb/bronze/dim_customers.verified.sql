-- bronze.dim_customers: source from Banking.Bronze.DimCustomers
-- Customers with their contact details and postal address.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."dim_customers" AS
SELECT
    "customer_id",
    "first_name",
    "last_name",
    "email",
    "address",
    "city",
    "state",
    "postal_code",
    "phone_number",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/dim_customers/dim_customers*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'customer_id': 'VARCHAR', 'first_name': 'VARCHAR', 'last_name': 'VARCHAR', 'email': 'VARCHAR', 'address': 'VARCHAR', 'city': 'VARCHAR', 'state': 'VARCHAR', 'postal_code': 'VARCHAR', 'phone_number': 'VARCHAR'}) WITH ORDINALITY;
