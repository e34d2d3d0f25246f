-- Schemas and bookkeeping for every deploy. Idempotent.
CREATE SCHEMA IF NOT EXISTS "_warehouse";
CREATE SCHEMA IF NOT EXISTS "bronze";
CREATE SCHEMA IF NOT EXISTS "gold";
CREATE SCHEMA IF NOT EXISTS "silver";
CREATE TABLE IF NOT EXISTS "_warehouse"."processed_files" (
    "node" VARCHAR(256) NOT NULL,
    "source_file" VARCHAR(1024) NOT NULL,
    "batch_at" TIMESTAMP NOT NULL,
    "rows_read" BIGINT NOT NULL,
    "rows_loaded" BIGINT NOT NULL,
    "rows_quarantined" BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS "_warehouse"."loaded_files" (
    "path" TEXT PRIMARY KEY,
    "source" TEXT NOT NULL,
    "row_count" BIGINT NOT NULL,
    "loaded_at" TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX IF NOT EXISTS "loaded_files_source" ON "_warehouse"."loaded_files" ("source");
CREATE OR REPLACE FUNCTION "_warehouse"."try_bigint"(value TEXT) RETURNS BIGINT
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF value ~ '^[+-]?[0-9]{1,18}$' THEN
        RETURN CAST(value AS BIGINT);
    END IF;
    BEGIN
        RETURN CAST(value AS BIGINT);
    EXCEPTION WHEN others THEN
        RETURN NULL;
    END;
END;
$$;
CREATE OR REPLACE FUNCTION "_warehouse"."try_integer"(value TEXT) RETURNS INTEGER
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    n BIGINT := "_warehouse"."try_bigint"(value);
BEGIN
    RETURN CASE WHEN n BETWEEN -2147483648 AND 2147483647 THEN CAST(n AS INTEGER) END;
END;
$$;
CREATE OR REPLACE FUNCTION "_warehouse"."try_smallint"(value TEXT) RETURNS SMALLINT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    n BIGINT := "_warehouse"."try_bigint"(value);
BEGIN
    RETURN CASE WHEN n BETWEEN -32768 AND 32767 THEN CAST(n AS SMALLINT) END;
END;
$$;
CREATE OR REPLACE FUNCTION "_warehouse"."try_numeric"(value TEXT) RETURNS NUMERIC
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF value ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$' THEN
        RETURN CAST(value AS NUMERIC);
    END IF;
    BEGIN
        RETURN CAST(value AS NUMERIC);
    EXCEPTION WHEN others THEN
        RETURN NULL;
    END;
END;
$$;
CREATE OR REPLACE FUNCTION "_warehouse"."try_decimal"(value TEXT, digits INTEGER, scale INTEGER) RETURNS NUMERIC
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    n NUMERIC := "_warehouse"."try_numeric"(value);
    bound NUMERIC := POWER(CAST(10 AS NUMERIC), digits - scale);
BEGIN
    IF n IS NULL OR n = CAST('NaN' AS NUMERIC) OR ABS(n) >= bound THEN
        RETURN NULL;
    END IF;
    n := ROUND(n, scale);
    RETURN CASE WHEN ABS(n) < bound THEN n END;
END;
$$;
CREATE OR REPLACE FUNCTION "_warehouse"."try_double"(value TEXT) RETURNS DOUBLE PRECISION
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN CAST(value AS DOUBLE PRECISION);
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION "_warehouse"."try_real"(value TEXT) RETURNS REAL
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN CAST(value AS REAL);
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION "_warehouse"."try_date"(value TEXT) RETURNS DATE
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN CAST(value AS DATE);
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION "_warehouse"."try_timestamp"(value TEXT) RETURNS TIMESTAMP
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN CAST(value AS TIMESTAMP);
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION "_warehouse"."divide_rounded"(a NUMERIC, b NUMERIC) RETURNS NUMERIC
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN b <> 0 THEN DIV(a, b) + CASE WHEN 2 * ABS(MOD(a, b)) >= ABS(b) THEN SIGN(a) * SIGN(b) ELSE 0 END END
$$;
CREATE OR REPLACE FUNCTION "_warehouse"."initcap"(value TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT COALESCE(STRING_AGG(CASE WHEN part[1] ~ '^[0-9A-Za-zÀ-ÖØ-öø-ɏ]'
        THEN TRANSLATE(LEFT(part[1], 1), 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ', 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ') || TRANSLATE(SUBSTRING(part[1], 2), 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ', 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ')
        ELSE part[1] END, '' ORDER BY n), '')
    FROM REGEXP_MATCHES(value, '[0-9A-Za-zÀ-ÖØ-öø-ɏ]+|[^0-9A-Za-zÀ-ÖØ-öø-ɏ]+', 'g') WITH ORDINALITY AS words(part, n)
$$;
