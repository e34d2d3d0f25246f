-- The Banking warehouse written by hand for DuckDB: the baseline of the pipeline benchmark (benchmarks/README.md).
-- It does the work a full `deploy` does, the way a person would write it directly in DuckDB: read the lake files
-- as text, trim/cast/check every column, quarantine bad rows, keep the latest row per key (silver); build the nine
-- dimensions with unknown members and hashed surrogate keys (type 2 for accounts and customers) and the five facts
-- with point-in-time lookups (gold); then run the same 245 data tests, here as a few set-based queries.
-- What it leaves out on purpose: run history, processed-file bookkeeping and per-row quarantine reasons.
-- {{lake_root}} is replaced by the runner (`Warehouse.Benchmarks sql DB SCRIPT lake_root=DIR`).

CREATE SCHEMA IF NOT EXISTS silver;
CREATE SCHEMA IF NOT EXISTS gold;
BEGIN TRANSACTION;

CREATE MACRO initcap(s) AS ARRAY_TO_STRING(LIST_TRANSFORM(STRING_SPLIT(LOWER(s), ' '), w -> UPPER(w[1]) || w[2:]), ' ');
CREATE MACRO lake(name) AS '{{lake_root}}/landing/' || name || '/' || name || '*.csv';

-- ---------------------------------------------------------------- silver: typed, checked, de-duplicated
CREATE TEMP TABLE b_accounts AS
SELECT TRY_CAST(NULLIF(TRIM(account_id), '') AS BIGINT) account_id, TRY_CAST(NULLIF(TRIM(customer_id), '') AS BIGINT) customer_id,
       TRY_CAST(NULLIF(TRIM(account_number), '') AS VARCHAR) account_number, initcap(NULLIF(TRIM(account_type), '')) account_type,
       TRY_CAST(NULLIF(TRIM(account_balance), '') AS DECIMAL(18,2)) account_balance, TRY_CAST(NULLIF(TRIM(credit_score), '') AS INTEGER) credit_score,
       filename AS _source_file, NULLIF(TRIM(account_id), '') r1, NULLIF(TRIM(customer_id), '') r2, NULLIF(TRIM(account_balance), '') r3, NULLIF(TRIM(credit_score), '') r4
FROM read_csv(lake('dim_accounts'), delim = '|', header = true, all_varchar = true, filename = true);
CREATE OR REPLACE TABLE silver.stg_accounts__quarantine AS SELECT * FROM b_accounts
WHERE account_id IS NULL OR customer_id IS NULL OR account_number IS NULL OR account_type IS NULL OR account_balance IS NULL OR credit_score IS NULL
   OR length(account_number) > 20 OR length(account_type) > 20 OR account_type NOT IN ('Checking', 'Savings', 'Investment', 'Credit', 'Loan');
CREATE OR REPLACE TABLE silver.stg_accounts AS
SELECT account_id, customer_id, account_number, account_type, account_balance, credit_score, _source_file FROM b_accounts
WHERE NOT (account_id IS NULL OR customer_id IS NULL OR account_number IS NULL OR account_type IS NULL OR account_balance IS NULL OR credit_score IS NULL
   OR length(account_number) > 20 OR length(account_type) > 20 OR account_type NOT IN ('Checking', 'Savings', 'Investment', 'Credit', 'Loan'))
QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY _source_file DESC) = 1;

CREATE OR REPLACE TABLE silver.stg_channels AS
SELECT * FROM (SELECT TRY_CAST(NULLIF(TRIM(channel_id), '') AS BIGINT) channel_id, NULLIF(TRIM(channel_name), '') channel_name, filename AS _source_file
FROM read_csv(lake('dim_channels'), delim = '|', header = true, all_varchar = true, filename = true))
WHERE channel_id IS NOT NULL AND channel_name IS NOT NULL AND length(channel_name) <= 50
QUALIFY row_number() OVER (PARTITION BY channel_id ORDER BY _source_file DESC) = 1;

CREATE OR REPLACE TABLE silver.stg_currencies AS
SELECT * FROM (SELECT TRY_CAST(NULLIF(TRIM(currency_id), '') AS BIGINT) currency_id, upper(NULLIF(TRIM(currency_code), '')) currency_code, NULLIF(TRIM(currency_name), '') currency_name, filename AS _source_file
FROM read_csv(lake('dim_currencies'), delim = '|', header = true, all_varchar = true, filename = true))
WHERE currency_id IS NOT NULL AND currency_code IS NOT NULL AND currency_name IS NOT NULL AND length(currency_code) = 3 AND length(currency_name) <= 50
QUALIFY row_number() OVER (PARTITION BY currency_id ORDER BY _source_file DESC) = 1;

CREATE TEMP TABLE b_customers AS
SELECT TRY_CAST(NULLIF(TRIM(customer_id), '') AS BIGINT) customer_id, initcap(NULLIF(TRIM(first_name), '')) first_name, initcap(NULLIF(TRIM(last_name), '')) last_name,
       initcap(NULLIF(TRIM(first_name), '')) || ' ' || initcap(NULLIF(TRIM(last_name), '')) full_name, lower(NULLIF(TRIM(email), '')) email, NULLIF(TRIM(address), '') address, NULLIF(TRIM(city), '') city,
       NULLIF(TRIM(state), '') state, NULLIF(TRIM(postal_code), '') postal_code, NULLIF(TRIM(phone_number), '') phone_number, filename AS _source_file
FROM read_csv(lake('dim_customers'), delim = '|', header = true, all_varchar = true, filename = true);
CREATE OR REPLACE TABLE silver.stg_customers__quarantine AS SELECT * FROM b_customers
WHERE customer_id IS NULL OR first_name IS NULL OR last_name IS NULL OR length(first_name) > 100 OR length(last_name) > 100 OR length(email) > 200
   OR length(address) > 300 OR length(city) > 100 OR length(state) > 100 OR length(postal_code) > 20 OR length(phone_number) > 40;
CREATE OR REPLACE TABLE silver.stg_customers AS SELECT * FROM b_customers
WHERE NOT (customer_id IS NULL OR first_name IS NULL OR last_name IS NULL OR length(first_name) > 100 OR length(last_name) > 100 OR length(email) > 200
   OR length(address) > 300 OR length(city) > 100 OR length(state) > 100 OR length(postal_code) > 20 OR length(phone_number) > 40)
   OR (length(email) IS NULL AND customer_id IS NOT NULL AND first_name IS NOT NULL AND last_name IS NOT NULL AND length(first_name) <= 100 AND length(last_name) <= 100)
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY _source_file DESC) = 1;

-- (typed into a temp table first: DuckDB 1.5 fails with an internal error on this shape inlined)
CREATE TEMP TABLE b_dates AS
SELECT TRY_CAST(NULLIF(TRIM(date_id), '') AS BIGINT) AS date_id, TRY_CAST(NULLIF(TRIM("date"), '') AS DATE) AS date, TRY_CAST(NULLIF(TRIM("day"), '') AS INTEGER) AS day, TRY_CAST(NULLIF(TRIM("month"), '') AS INTEGER) AS month,
       CAST(EXTRACT(QUARTER FROM TRY_CAST(NULLIF(TRIM("date"), '') AS DATE)) AS INTEGER) AS quarter, TRY_CAST(NULLIF(TRIM("year"), '') AS INTEGER) AS year, TRY_CAST(NULLIF(TRIM(weekday), '') AS INTEGER) AS weekday,
       filename AS _source_file
FROM read_csv(lake('dim_dates'), delim = '|', header = true, all_varchar = true, filename = true);
CREATE OR REPLACE TABLE silver.stg_dates AS SELECT * FROM b_dates
WHERE date_id IS NOT NULL AND "date" IS NOT NULL AND "day" IS NOT NULL AND "month" IS NOT NULL AND "year" IS NOT NULL AND weekday BETWEEN 1 AND 7
QUALIFY row_number() OVER (PARTITION BY date_id ORDER BY _source_file DESC) = 1;

CREATE OR REPLACE TABLE silver.stg_investment_types AS
SELECT * FROM (SELECT TRY_CAST(NULLIF(TRIM(investment_type_id), '') AS BIGINT) investment_type_id, NULLIF(TRIM(investment_type_name), '') investment_type_name, filename AS _source_file
FROM read_csv(lake('dim_investment_types'), delim = '|', header = true, all_varchar = true, filename = true))
WHERE investment_type_id IS NOT NULL AND investment_type_name IS NOT NULL AND length(investment_type_name) <= 100
QUALIFY row_number() OVER (PARTITION BY investment_type_id ORDER BY _source_file DESC) = 1;

CREATE OR REPLACE TABLE silver.stg_loans AS
SELECT * FROM (SELECT TRY_CAST(NULLIF(TRIM(loan_id), '') AS BIGINT) loan_id, NULLIF(TRIM(loan_type), '') loan_type, TRY_CAST(NULLIF(TRIM(loan_amount), '') AS DECIMAL(18,2)) loan_amount,
       TRY_CAST(NULLIF(TRIM(interest_rate), '') AS DECIMAL(5,2)) interest_rate, filename AS _source_file
FROM read_csv(lake('dim_loans'), delim = '|', header = true, all_varchar = true, filename = true))
WHERE loan_id IS NOT NULL AND loan_type IS NOT NULL AND loan_amount > 0 AND interest_rate IS NOT NULL AND length(loan_type) <= 50
QUALIFY row_number() OVER (PARTITION BY loan_id ORDER BY _source_file DESC) = 1;

CREATE OR REPLACE TABLE silver.stg_locations AS
SELECT * FROM (SELECT TRY_CAST(NULLIF(TRIM(location_id), '') AS BIGINT) location_id, NULLIF(TRIM(city), '') city, NULLIF(TRIM(state), '') state, NULLIF(TRIM(country), '') country, NULLIF(TRIM(postal_code), '') postal_code, filename AS _source_file
FROM read_csv(lake('dim_locations'), delim = '|', header = true, all_varchar = true, filename = true))
WHERE location_id IS NOT NULL AND city IS NOT NULL AND state IS NOT NULL AND country IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY location_id ORDER BY _source_file DESC) = 1;

CREATE OR REPLACE TABLE silver.stg_transaction_types AS
SELECT * FROM (SELECT TRY_CAST(NULLIF(TRIM(transaction_type_id), '') AS BIGINT) transaction_type_id, NULLIF(TRIM(transaction_type_name), '') transaction_type_name, filename AS _source_file
FROM read_csv(lake('dim_transaction_types'), delim = '|', header = true, all_varchar = true, filename = true))
WHERE transaction_type_id IS NOT NULL AND transaction_type_name IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY transaction_type_id ORDER BY _source_file DESC) = 1;

-- Facts: the big ones. Typed once into a temp table, then split into good (latest per key) and quarantined rows.
CREATE TEMP TABLE b_interactions AS
SELECT TRY_CAST(NULLIF(TRIM(interaction_id), '') AS BIGINT) interaction_id, TRY_CAST(NULLIF(TRIM(date_id), '') AS BIGINT) date_id, TRY_CAST(NULLIF(TRIM(customer_id), '') AS BIGINT) customer_id,
       TRY_CAST(NULLIF(TRIM(channel_id), '') AS BIGINT) channel_id, TRY_CAST(NULLIF(TRIM(location_id), '') AS BIGINT) location_id, NULLIF(TRIM(interaction_type), '') interaction_type,
       TRY_CAST(NULLIF(TRIM(interaction_rating), '') AS INTEGER) interaction_rating, filename AS _source_file
FROM read_csv(lake('fact_customer_interactions'), delim = '|', header = true, all_varchar = true, filename = true);
CREATE OR REPLACE TABLE silver.stg_customer_interactions__quarantine AS SELECT * FROM b_interactions
WHERE NOT coalesce(interaction_id IS NOT NULL AND date_id IS NOT NULL AND customer_id IS NOT NULL AND channel_id IS NOT NULL AND location_id IS NOT NULL
   AND interaction_type IS NOT NULL AND length(interaction_type) <= 50 AND interaction_rating BETWEEN 1 AND 5, false);
CREATE OR REPLACE TABLE silver.stg_customer_interactions AS SELECT * FROM b_interactions
WHERE coalesce(interaction_id IS NOT NULL AND date_id IS NOT NULL AND customer_id IS NOT NULL AND channel_id IS NOT NULL AND location_id IS NOT NULL
   AND interaction_type IS NOT NULL AND length(interaction_type) <= 50 AND interaction_rating BETWEEN 1 AND 5, false)
QUALIFY row_number() OVER (PARTITION BY interaction_id ORDER BY _source_file DESC) = 1;

CREATE TEMP TABLE b_balances AS
SELECT TRY_CAST(NULLIF(TRIM(balance_id), '') AS BIGINT) balance_id, TRY_CAST(NULLIF(TRIM(date_id), '') AS BIGINT) date_id, TRY_CAST(NULLIF(TRIM(account_id), '') AS BIGINT) account_id,
       TRY_CAST(NULLIF(TRIM(currency_id), '') AS BIGINT) currency_id, TRY_CAST(NULLIF(TRIM(opening_balance), '') AS DECIMAL(18,2)) opening_balance,
       TRY_CAST(NULLIF(TRIM(closing_balance), '') AS DECIMAL(18,2)) closing_balance, TRY_CAST(NULLIF(TRIM(average_balance), '') AS DECIMAL(18,2)) average_balance, filename AS _source_file
FROM read_csv(lake('fact_daily_balances'), delim = '|', header = true, all_varchar = true, filename = true);
CREATE OR REPLACE TABLE silver.stg_daily_balances__quarantine AS SELECT * FROM b_balances
WHERE NOT coalesce(balance_id IS NOT NULL AND date_id IS NOT NULL AND account_id IS NOT NULL AND currency_id IS NOT NULL AND opening_balance IS NOT NULL
   AND closing_balance IS NOT NULL AND average_balance IS NOT NULL, false);
CREATE OR REPLACE TABLE silver.stg_daily_balances AS SELECT * FROM b_balances
WHERE coalesce(balance_id IS NOT NULL AND date_id IS NOT NULL AND account_id IS NOT NULL AND currency_id IS NOT NULL AND opening_balance IS NOT NULL
   AND closing_balance IS NOT NULL AND average_balance IS NOT NULL, false)
QUALIFY row_number() OVER (PARTITION BY balance_id ORDER BY _source_file DESC) = 1;

CREATE TEMP TABLE b_investments AS
SELECT TRY_CAST(NULLIF(TRIM(investment_id), '') AS BIGINT) investment_id, TRY_CAST(NULLIF(TRIM(date_id), '') AS BIGINT) date_id, TRY_CAST(NULLIF(TRIM(investment_type_id), '') AS BIGINT) investment_type_id,
       TRY_CAST(NULLIF(TRIM(account_id), '') AS BIGINT) account_id, TRY_CAST(NULLIF(TRIM(location_id), '') AS BIGINT) location_id, TRY_CAST(NULLIF(TRIM(currency_id), '') AS BIGINT) currency_id,
       TRY_CAST(NULLIF(TRIM(investment_amount), '') AS DECIMAL(18,2)) investment_amount, TRY_CAST(NULLIF(TRIM(investment_return), '') AS DECIMAL(18,2)) investment_return, filename AS _source_file
FROM read_csv(lake('fact_investments'), delim = '|', header = true, all_varchar = true, filename = true);
CREATE OR REPLACE TABLE silver.stg_investments__quarantine AS SELECT * FROM b_investments
WHERE NOT coalesce(investment_id IS NOT NULL AND date_id IS NOT NULL AND investment_type_id IS NOT NULL AND account_id IS NOT NULL AND location_id IS NOT NULL
   AND currency_id IS NOT NULL AND investment_return IS NOT NULL AND investment_amount > 0, false);
CREATE OR REPLACE TABLE silver.stg_investments AS SELECT * FROM b_investments
WHERE coalesce(investment_id IS NOT NULL AND date_id IS NOT NULL AND investment_type_id IS NOT NULL AND account_id IS NOT NULL AND location_id IS NOT NULL
   AND currency_id IS NOT NULL AND investment_return IS NOT NULL AND investment_amount > 0, false)
QUALIFY row_number() OVER (PARTITION BY investment_id ORDER BY _source_file DESC) = 1;

CREATE TEMP TABLE b_loan_facts AS
SELECT TRY_CAST(NULLIF(TRIM(loan_fact_id), '') AS BIGINT) loan_fact_id, TRY_CAST(NULLIF(TRIM(date_id), '') AS BIGINT) date_id, TRY_CAST(NULLIF(TRIM(loan_id), '') AS BIGINT) loan_id,
       TRY_CAST(NULLIF(TRIM(account_id), '') AS BIGINT) account_id, TRY_CAST(NULLIF(TRIM(location_id), '') AS BIGINT) location_id, TRY_CAST(NULLIF(TRIM(currency_id), '') AS BIGINT) currency_id,
       TRY_CAST(NULLIF(TRIM(loan_amount), '') AS DECIMAL(18,2)) loan_amount, NULLIF(TRIM(loan_status), '') loan_status, filename AS _source_file
FROM read_csv(lake('fact_loans'), delim = '|', header = true, all_varchar = true, filename = true);
CREATE OR REPLACE TABLE silver.stg_loan_facts__quarantine AS SELECT * FROM b_loan_facts
WHERE NOT coalesce(loan_fact_id IS NOT NULL AND date_id IS NOT NULL AND loan_id IS NOT NULL AND account_id IS NOT NULL AND location_id IS NOT NULL
   AND currency_id IS NOT NULL AND loan_amount IS NOT NULL AND loan_status IS NOT NULL AND length(loan_status) <= 20, false);
CREATE OR REPLACE TABLE silver.stg_loan_facts AS SELECT * FROM b_loan_facts
WHERE coalesce(loan_fact_id IS NOT NULL AND date_id IS NOT NULL AND loan_id IS NOT NULL AND account_id IS NOT NULL AND location_id IS NOT NULL
   AND currency_id IS NOT NULL AND loan_amount IS NOT NULL AND loan_status IS NOT NULL AND length(loan_status) <= 20, false)
QUALIFY row_number() OVER (PARTITION BY loan_fact_id ORDER BY _source_file DESC) = 1;

CREATE TEMP TABLE b_transactions AS
SELECT TRY_CAST(NULLIF(TRIM(transaction_id), '') AS BIGINT) transaction_id, TRY_CAST(NULLIF(TRIM(date_id), '') AS BIGINT) date_id, TRY_CAST(NULLIF(TRIM(transaction_type_id), '') AS BIGINT) transaction_type_id,
       TRY_CAST(NULLIF(TRIM(account_id), '') AS BIGINT) account_id, TRY_CAST(NULLIF(TRIM(channel_id), '') AS BIGINT) channel_id, TRY_CAST(NULLIF(TRIM(location_id), '') AS BIGINT) location_id,
       TRY_CAST(NULLIF(TRIM(currency_id), '') AS BIGINT) currency_id, TRY_CAST(NULLIF(TRIM(transaction_amount), '') AS DECIMAL(18,2)) transaction_amount,
       NULLIF(TRIM(transaction_status), '') transaction_status, filename AS _source_file
FROM read_csv(lake('fact_transactions'), delim = '|', header = true, all_varchar = true, filename = true);
CREATE OR REPLACE TABLE silver.stg_transactions__quarantine AS SELECT * FROM b_transactions
WHERE NOT coalesce(transaction_id IS NOT NULL AND date_id IS NOT NULL AND transaction_type_id IS NOT NULL AND account_id IS NOT NULL AND channel_id IS NOT NULL
   AND location_id IS NOT NULL AND currency_id IS NOT NULL AND transaction_status IS NOT NULL AND length(transaction_status) <= 20 AND transaction_amount > 0, false);
CREATE OR REPLACE TABLE silver.stg_transactions AS SELECT * FROM b_transactions
WHERE coalesce(transaction_id IS NOT NULL AND date_id IS NOT NULL AND transaction_type_id IS NOT NULL AND account_id IS NOT NULL AND channel_id IS NOT NULL
   AND location_id IS NOT NULL AND currency_id IS NOT NULL AND transaction_status IS NOT NULL AND length(transaction_status) <= 20 AND transaction_amount > 0, false)
QUALIFY row_number() OVER (PARTITION BY transaction_id ORDER BY _source_file DESC) = 1;

-- ---------------------------------------------------------------- gold: dimensions (unknown member -1, hashed keys)
CREATE MACRO hkey(s) AS CAST(('0x' || SUBSTRING(MD5(s), 1, 15)) AS BIGINT);

CREATE OR REPLACE TABLE gold.dim_accounts AS
SELECT hkey(CAST(account_id AS VARCHAR) || '|1900-01-01 00:00:00') account_key, account_id, customer_id, account_number, account_type, account_balance, credit_score,
       TIMESTAMP '1900-01-01' valid_from, TIMESTAMP '9999-12-31' valid_to, TRUE is_current FROM silver.stg_accounts
UNION ALL SELECT -1, -1, 0, 'Unknown', 'Unknown', 0, 0, TIMESTAMP '1900-01-01', TIMESTAMP '9999-12-31', TRUE;
CREATE OR REPLACE TABLE gold.dim_customers AS
SELECT hkey(CAST(customer_id AS VARCHAR) || '|1900-01-01 00:00:00') customer_key, customer_id, first_name, last_name, full_name, email, address, city, state,
       postal_code, phone_number, TIMESTAMP '1900-01-01' valid_from, TIMESTAMP '9999-12-31' valid_to, TRUE is_current FROM silver.stg_customers
UNION ALL SELECT -1, -1, 'Unknown', 'Unknown', 'Unknown', NULL, NULL, NULL, NULL, NULL, NULL, TIMESTAMP '1900-01-01', TIMESTAMP '9999-12-31', TRUE;
CREATE OR REPLACE TABLE gold.dim_channels AS
SELECT hkey(CAST(channel_id AS VARCHAR)) channel_key, channel_id, channel_name FROM silver.stg_channels UNION ALL SELECT -1, -1, 'Unknown';
CREATE OR REPLACE TABLE gold.dim_currencies AS
SELECT hkey(CAST(currency_id AS VARCHAR)) currency_key, currency_id, currency_code, currency_name FROM silver.stg_currencies UNION ALL SELECT -1, -1, 'UNK', 'Unknown';
CREATE OR REPLACE TABLE gold.dim_dates AS
SELECT hkey(CAST(date_id AS VARCHAR)) date_key, date_id, date, day, month, quarter, year, weekday FROM silver.stg_dates
UNION ALL SELECT -1, -1, DATE '1900-01-01', 1, 1, 1, 1900, 1;
CREATE OR REPLACE TABLE gold.dim_investment_types AS
SELECT hkey(CAST(investment_type_id AS VARCHAR)) investment_type_key, investment_type_id, investment_type_name FROM silver.stg_investment_types UNION ALL SELECT -1, -1, 'Unknown';
CREATE OR REPLACE TABLE gold.dim_loans AS
SELECT hkey(CAST(loan_id AS VARCHAR)) loan_key, loan_id, loan_type, loan_amount, interest_rate FROM silver.stg_loans UNION ALL SELECT -1, -1, 'Unknown', 0, 0;
CREATE OR REPLACE TABLE gold.dim_locations AS
SELECT hkey(CAST(location_id AS VARCHAR)) location_key, location_id, city, state, country, postal_code FROM silver.stg_locations
UNION ALL SELECT -1, -1, 'Unknown', 'Unknown', 'Unknown', NULL;
CREATE OR REPLACE TABLE gold.dim_transaction_types AS
SELECT hkey(CAST(transaction_type_id AS VARCHAR)) transaction_type_key, transaction_type_id, transaction_type_name FROM silver.stg_transaction_types UNION ALL SELECT -1, -1, 'Unknown';

-- ---------------------------------------------------------------- gold: facts (type-2 versions valid on the fact's day)
CREATE OR REPLACE TABLE gold.fact_transactions AS
SELECT s.transaction_id, coalesce(d.date_key, -1) date_key, coalesce(tt.transaction_type_key, -1) transaction_type_key, coalesce(a.account_key, -1) account_key,
       coalesce(ch.channel_key, -1) channel_key, coalesce(l.location_key, -1) location_key, coalesce(c.currency_key, -1) currency_key,
       s.transaction_amount, s.transaction_status
FROM silver.stg_transactions s
LEFT JOIN gold.dim_dates d ON d.date_id = s.date_id AND d.date_key <> -1
LEFT JOIN gold.dim_transaction_types tt ON tt.transaction_type_id = s.transaction_type_id AND tt.transaction_type_key <> -1
LEFT JOIN gold.dim_accounts a ON a.account_id = s.account_id AND a.account_key <> -1 AND CAST(d.date AS TIMESTAMP) >= a.valid_from AND CAST(d.date AS TIMESTAMP) < a.valid_to
LEFT JOIN gold.dim_channels ch ON ch.channel_id = s.channel_id AND ch.channel_key <> -1
LEFT JOIN gold.dim_locations l ON l.location_id = s.location_id AND l.location_key <> -1
LEFT JOIN gold.dim_currencies c ON c.currency_id = s.currency_id AND c.currency_key <> -1;

CREATE OR REPLACE TABLE gold.fact_investments AS
SELECT s.investment_id, coalesce(d.date_key, -1) date_key, coalesce(it.investment_type_key, -1) investment_type_key, coalesce(a.account_key, -1) account_key,
       coalesce(l.location_key, -1) location_key, coalesce(c.currency_key, -1) currency_key, s.investment_amount, s.investment_return
FROM silver.stg_investments s
LEFT JOIN gold.dim_dates d ON d.date_id = s.date_id AND d.date_key <> -1
LEFT JOIN gold.dim_investment_types it ON it.investment_type_id = s.investment_type_id AND it.investment_type_key <> -1
LEFT JOIN gold.dim_accounts a ON a.account_id = s.account_id AND a.account_key <> -1 AND CAST(d.date AS TIMESTAMP) >= a.valid_from AND CAST(d.date AS TIMESTAMP) < a.valid_to
LEFT JOIN gold.dim_locations l ON l.location_id = s.location_id AND l.location_key <> -1
LEFT JOIN gold.dim_currencies c ON c.currency_id = s.currency_id AND c.currency_key <> -1;

CREATE OR REPLACE TABLE gold.fact_loans AS
SELECT s.loan_fact_id, coalesce(d.date_key, -1) date_key, coalesce(lo.loan_key, -1) loan_key, coalesce(a.account_key, -1) account_key,
       coalesce(l.location_key, -1) location_key, coalesce(c.currency_key, -1) currency_key, s.loan_amount, s.loan_status
FROM silver.stg_loan_facts s
LEFT JOIN gold.dim_dates d ON d.date_id = s.date_id AND d.date_key <> -1
LEFT JOIN gold.dim_loans lo ON lo.loan_id = s.loan_id AND lo.loan_key <> -1
LEFT JOIN gold.dim_accounts a ON a.account_id = s.account_id AND a.account_key <> -1 AND CAST(d.date AS TIMESTAMP) >= a.valid_from AND CAST(d.date AS TIMESTAMP) < a.valid_to
LEFT JOIN gold.dim_locations l ON l.location_id = s.location_id AND l.location_key <> -1
LEFT JOIN gold.dim_currencies c ON c.currency_id = s.currency_id AND c.currency_key <> -1;

CREATE OR REPLACE TABLE gold.fact_customer_interactions AS
SELECT s.interaction_id, coalesce(d.date_key, -1) date_key, coalesce(cu.customer_key, -1) customer_key, coalesce(ch.channel_key, -1) channel_key,
       coalesce(l.location_key, -1) location_key, s.interaction_type, s.interaction_rating
FROM silver.stg_customer_interactions s
LEFT JOIN gold.dim_dates d ON d.date_id = s.date_id AND d.date_key <> -1
LEFT JOIN gold.dim_customers cu ON cu.customer_id = s.customer_id AND cu.customer_key <> -1 AND CAST(d.date AS TIMESTAMP) >= cu.valid_from AND CAST(d.date AS TIMESTAMP) < cu.valid_to
LEFT JOIN gold.dim_channels ch ON ch.channel_id = s.channel_id AND ch.channel_key <> -1
LEFT JOIN gold.dim_locations l ON l.location_id = s.location_id AND l.location_key <> -1;

CREATE OR REPLACE TABLE gold.fact_daily_balances AS
SELECT s.balance_id, coalesce(d.date_key, -1) date_key, coalesce(a.account_key, -1) account_key, coalesce(c.currency_key, -1) currency_key,
       s.opening_balance, s.closing_balance, s.average_balance
FROM silver.stg_daily_balances s
LEFT JOIN gold.dim_dates d ON d.date_id = s.date_id AND d.date_key <> -1
LEFT JOIN gold.dim_accounts a ON a.account_id = s.account_id AND a.account_key <> -1 AND CAST(d.date AS TIMESTAMP) >= a.valid_from AND CAST(d.date AS TIMESTAMP) < a.valid_to
LEFT JOIN gold.dim_currencies c ON c.currency_id = s.currency_id AND c.currency_key <> -1;

CREATE OR REPLACE VIEW gold.monthly_transaction_summary AS
SELECT d.year, d.month, COUNT(*) AS transactions, SUM(t.transaction_amount) AS total_amount
FROM gold.fact_transactions t JOIN gold.dim_dates d ON d.date_key = t.date_key GROUP BY d.year, d.month;

-- ---------------------------------------------------------------- tests: failing-row counts; every one must be 0
CREATE OR REPLACE TEMP TABLE test_results AS
-- grain / key uniqueness (gold keys and current business keys)
SELECT 'grain_unique_fact_transactions' test, COUNT(*) - COUNT(DISTINCT transaction_id) failures FROM gold.fact_transactions
UNION ALL SELECT 'grain_unique_fact_investments', COUNT(*) - COUNT(DISTINCT investment_id) FROM gold.fact_investments
UNION ALL SELECT 'grain_unique_fact_loans', COUNT(*) - COUNT(DISTINCT loan_fact_id) FROM gold.fact_loans
UNION ALL SELECT 'grain_unique_fact_customer_interactions', COUNT(*) - COUNT(DISTINCT interaction_id) FROM gold.fact_customer_interactions
UNION ALL SELECT 'grain_unique_fact_daily_balances', COUNT(*) - COUNT(DISTINCT balance_id) FROM gold.fact_daily_balances
UNION ALL SELECT 'unique_dim_accounts', COUNT(*) - COUNT(DISTINCT account_key) + COUNT(*) FILTER (is_current) - COUNT(DISTINCT account_id) FILTER (is_current) FROM gold.dim_accounts
UNION ALL SELECT 'unique_dim_accounts_account_number', COUNT(*) FILTER (is_current AND account_key <> -1) - COUNT(DISTINCT account_number) FILTER (is_current AND account_key <> -1) FROM gold.dim_accounts
UNION ALL SELECT 'unique_dim_customers', COUNT(*) - COUNT(DISTINCT customer_key) + COUNT(*) FILTER (is_current) - COUNT(DISTINCT customer_id) FILTER (is_current) FROM gold.dim_customers
UNION ALL SELECT 'unique_dim_channels', COUNT(*) * 3 - COUNT(DISTINCT channel_key) - COUNT(DISTINCT channel_id) - COUNT(DISTINCT channel_name) FROM gold.dim_channels
UNION ALL SELECT 'unique_dim_currencies', COUNT(*) * 2 - COUNT(DISTINCT currency_key) - COUNT(DISTINCT currency_id) FROM gold.dim_currencies
UNION ALL SELECT 'unique_dim_dates', COUNT(*) * 2 - COUNT(DISTINCT date_key) - COUNT(DISTINCT date_id) FROM gold.dim_dates
UNION ALL SELECT 'unique_dim_investment_types', COUNT(*) * 2 - COUNT(DISTINCT investment_type_key) - COUNT(DISTINCT investment_type_id) FROM gold.dim_investment_types
UNION ALL SELECT 'unique_dim_loans', COUNT(*) * 2 - COUNT(DISTINCT loan_key) - COUNT(DISTINCT loan_id) FROM gold.dim_loans
UNION ALL SELECT 'unique_dim_locations', COUNT(*) * 2 - COUNT(DISTINCT location_key) - COUNT(DISTINCT location_id) FROM gold.dim_locations
UNION ALL SELECT 'unique_dim_transaction_types', COUNT(*) * 3 - COUNT(DISTINCT transaction_type_key) - COUNT(DISTINCT transaction_type_id) - COUNT(DISTINCT transaction_type_name) FROM gold.dim_transaction_types
UNION ALL SELECT 'unique_silver_keys', (SELECT COUNT(*) - COUNT(DISTINCT transaction_id) FROM silver.stg_transactions) + (SELECT COUNT(*) - COUNT(DISTINCT account_id) FROM silver.stg_accounts)
    + (SELECT COUNT(*) - COUNT(DISTINCT customer_id) FROM silver.stg_customers) + (SELECT COUNT(*) - COUNT(DISTINCT balance_id) FROM silver.stg_daily_balances)
    + (SELECT COUNT(*) - COUNT(DISTINCT investment_id) FROM silver.stg_investments) + (SELECT COUNT(*) - COUNT(DISTINCT loan_fact_id) FROM silver.stg_loan_facts)
    + (SELECT COUNT(*) - COUNT(DISTINCT interaction_id) FROM silver.stg_customer_interactions)
-- not null: one pass per table over every required column
UNION ALL SELECT 'not_null_fact_transactions', COUNT(*) FILTER (transaction_id IS NULL OR date_key IS NULL OR transaction_type_key IS NULL OR account_key IS NULL OR channel_key IS NULL OR location_key IS NULL OR currency_key IS NULL OR transaction_amount IS NULL OR transaction_status IS NULL) FROM gold.fact_transactions
UNION ALL SELECT 'not_null_fact_investments', COUNT(*) FILTER (investment_id IS NULL OR date_key IS NULL OR investment_type_key IS NULL OR account_key IS NULL OR location_key IS NULL OR currency_key IS NULL OR investment_amount IS NULL OR investment_return IS NULL) FROM gold.fact_investments
UNION ALL SELECT 'not_null_fact_loans', COUNT(*) FILTER (loan_fact_id IS NULL OR date_key IS NULL OR loan_key IS NULL OR account_key IS NULL OR location_key IS NULL OR currency_key IS NULL OR loan_amount IS NULL OR loan_status IS NULL) FROM gold.fact_loans
UNION ALL SELECT 'not_null_fact_customer_interactions', COUNT(*) FILTER (interaction_id IS NULL OR date_key IS NULL OR customer_key IS NULL OR channel_key IS NULL OR location_key IS NULL OR interaction_type IS NULL OR interaction_rating IS NULL) FROM gold.fact_customer_interactions
UNION ALL SELECT 'not_null_fact_daily_balances', COUNT(*) FILTER (balance_id IS NULL OR date_key IS NULL OR account_key IS NULL OR currency_key IS NULL OR opening_balance IS NULL OR closing_balance IS NULL OR average_balance IS NULL) FROM gold.fact_daily_balances
UNION ALL SELECT 'not_null_dim_accounts', COUNT(*) FILTER (account_key IS NULL OR account_id IS NULL OR customer_id IS NULL OR account_number IS NULL OR account_type IS NULL OR account_balance IS NULL OR credit_score IS NULL) FROM gold.dim_accounts
UNION ALL SELECT 'not_null_dim_customers', COUNT(*) FILTER (customer_key IS NULL OR customer_id IS NULL OR first_name IS NULL OR last_name IS NULL OR full_name IS NULL) FROM gold.dim_customers
UNION ALL SELECT 'not_null_dim_dates', COUNT(*) FILTER (date_key IS NULL OR date_id IS NULL OR date IS NULL OR day IS NULL OR month IS NULL OR quarter IS NULL OR year IS NULL OR weekday IS NULL) FROM gold.dim_dates
UNION ALL SELECT 'not_null_dim_loans', COUNT(*) FILTER (loan_key IS NULL OR loan_id IS NULL OR loan_type IS NULL OR loan_amount IS NULL OR interest_rate IS NULL) FROM gold.dim_loans
UNION ALL SELECT 'not_null_dim_locations', COUNT(*) FILTER (location_key IS NULL OR location_id IS NULL OR city IS NULL OR state IS NULL OR country IS NULL) FROM gold.dim_locations
-- relationships (every fact key found in its dimension) and known members (warn-only in the runner: counted, not failed)
UNION ALL SELECT 'relationships_fact_transactions', COUNT(*) FILTER (d.date_key IS NULL OR a.account_key IS NULL OR c.currency_key IS NULL OR l.location_key IS NULL OR ch.channel_key IS NULL OR tt.transaction_type_key IS NULL) FROM gold.fact_transactions f
    LEFT JOIN gold.dim_dates d USING (date_key) LEFT JOIN (SELECT DISTINCT account_key FROM gold.dim_accounts) a USING (account_key) LEFT JOIN gold.dim_currencies c USING (currency_key)
    LEFT JOIN gold.dim_locations l USING (location_key) LEFT JOIN gold.dim_channels ch USING (channel_key) LEFT JOIN gold.dim_transaction_types tt USING (transaction_type_key)
UNION ALL SELECT 'relationships_fact_investments', COUNT(*) FILTER (d.date_key IS NULL OR a.account_key IS NULL OR c.currency_key IS NULL OR l.location_key IS NULL OR it.investment_type_key IS NULL) FROM gold.fact_investments f
    LEFT JOIN gold.dim_dates d USING (date_key) LEFT JOIN (SELECT DISTINCT account_key FROM gold.dim_accounts) a USING (account_key) LEFT JOIN gold.dim_currencies c USING (currency_key)
    LEFT JOIN gold.dim_locations l USING (location_key) LEFT JOIN gold.dim_investment_types it USING (investment_type_key)
UNION ALL SELECT 'relationships_fact_loans', COUNT(*) FILTER (d.date_key IS NULL OR a.account_key IS NULL OR c.currency_key IS NULL OR l.location_key IS NULL OR lo.loan_key IS NULL) FROM gold.fact_loans f
    LEFT JOIN gold.dim_dates d USING (date_key) LEFT JOIN (SELECT DISTINCT account_key FROM gold.dim_accounts) a USING (account_key) LEFT JOIN gold.dim_currencies c USING (currency_key)
    LEFT JOIN gold.dim_locations l USING (location_key) LEFT JOIN gold.dim_loans lo USING (loan_key)
UNION ALL SELECT 'relationships_fact_customer_interactions', COUNT(*) FILTER (d.date_key IS NULL OR cu.customer_key IS NULL OR l.location_key IS NULL OR ch.channel_key IS NULL) FROM gold.fact_customer_interactions f
    LEFT JOIN gold.dim_dates d USING (date_key) LEFT JOIN (SELECT DISTINCT customer_key FROM gold.dim_customers) cu USING (customer_key)
    LEFT JOIN gold.dim_locations l USING (location_key) LEFT JOIN gold.dim_channels ch USING (channel_key)
UNION ALL SELECT 'relationships_fact_daily_balances', COUNT(*) FILTER (d.date_key IS NULL OR a.account_key IS NULL OR c.currency_key IS NULL) FROM gold.fact_daily_balances f
    LEFT JOIN gold.dim_dates d USING (date_key) LEFT JOIN (SELECT DISTINCT account_key FROM gold.dim_accounts) a USING (account_key) LEFT JOIN gold.dim_currencies c USING (currency_key)
UNION ALL SELECT 'known_member (warn)', 0 * ((SELECT COUNT(*) FILTER (date_key = -1 OR account_key = -1 OR currency_key = -1 OR location_key = -1 OR channel_key = -1 OR transaction_type_key = -1) FROM gold.fact_transactions)
    + (SELECT COUNT(*) FILTER (date_key = -1 OR account_key = -1 OR currency_key = -1 OR location_key = -1 OR investment_type_key = -1) FROM gold.fact_investments)
    + (SELECT COUNT(*) FILTER (date_key = -1 OR account_key = -1 OR currency_key = -1 OR location_key = -1 OR loan_key = -1) FROM gold.fact_loans)
    + (SELECT COUNT(*) FILTER (date_key = -1 OR customer_key = -1 OR channel_key = -1 OR location_key = -1) FROM gold.fact_customer_interactions)
    + (SELECT COUNT(*) FILTER (date_key = -1 OR account_key = -1 OR currency_key = -1) FROM gold.fact_daily_balances))
-- accepted values and ranges
UNION ALL SELECT 'accepted_values_and_ranges_dims', (SELECT COUNT(*) FILTER (account_key <> -1 AND (account_type NOT IN ('Checking', 'Savings', 'Investment', 'Credit', 'Loan') OR credit_score NOT BETWEEN 300 AND 850)) FROM gold.dim_accounts)
    + (SELECT COUNT(*) FILTER (loan_key <> -1 AND (loan_type NOT IN ('Personal', 'Auto', 'Mortgage', 'Student') OR interest_rate NOT BETWEEN 0 AND 100)) FROM gold.dim_loans)
    + (SELECT COUNT(*) FILTER (date_key <> -1 AND (day NOT BETWEEN 1 AND 31 OR month NOT BETWEEN 1 AND 12 OR quarter NOT BETWEEN 1 AND 4 OR weekday NOT BETWEEN 1 AND 7)) FROM gold.dim_dates)
UNION ALL SELECT 'accepted_values_fact_transactions_transaction_status', COUNT(*) FILTER (transaction_status NOT IN ('Completed', 'Failed', 'Pending')) FROM gold.fact_transactions
UNION ALL SELECT 'accepted_values_fact_loans_loan_status', COUNT(*) FILTER (loan_status NOT IN ('Approved', 'Pending', 'Rejected')) FROM gold.fact_loans
UNION ALL SELECT 'accepted_values_and_range_fact_customer_interactions', COUNT(*) FILTER (interaction_type NOT IN ('Call', 'Chat', 'Email', 'In-Person') OR interaction_rating NOT BETWEEN 1 AND 5) FROM gold.fact_customer_interactions;

-- Publish only when every test passed: a failing test aborts the transaction (error() raises).
SELECT CASE WHEN SUM(failures) = 0 THEN 'ok' ELSE error('tests failed: ' || string_agg(test, ', ') FILTER (failures > 0)) END FROM test_results;
COMMIT;
