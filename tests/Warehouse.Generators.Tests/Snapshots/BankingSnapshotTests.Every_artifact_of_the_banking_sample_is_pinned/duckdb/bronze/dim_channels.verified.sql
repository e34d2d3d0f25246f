-- bronze.dim_channels: source from Banking.Bronze.DimChannels
-- Channels through which customers reach the bank.
-- Reads the lake files as text; silver casts and checks them.
CREATE OR REPLACE VIEW "bronze"."dim_channels" AS
SELECT
    "channel_id",
    "channel_name",
    "ordinality" - MIN("ordinality") OVER (PARTITION BY "filename") + 1 AS "_source_row",
    REPLACE("filename", '{{lake_root}}/', '') AS "_source_file"
FROM READ_CSV('{{lake_root}}/landing/dim_channels/dim_channels*.csv', delim = '|', header = true, quote = '"', all_varchar = true, filename = true, ignore_errors = true, columns = {'channel_id': 'VARCHAR', 'channel_name': 'VARCHAR'}) WITH ORDINALITY;
