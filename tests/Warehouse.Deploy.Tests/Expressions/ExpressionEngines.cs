using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Npgsql;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Model;

namespace Warehouse.Deploy.Tests.Expressions;

/// <summary>
/// What an engine made of one expression over the edge table: its result type as a logical type (DECIMAL(p,s),
/// DECIMAL for PostgreSQL's unconstrained numeric, VARCHAR for every text type, ...) or "error: class" when it does
/// not bind, and per row the value as canonical text, "NULL", or "error: class".
/// </summary>
internal sealed record Outcome(string Type, string[] Values)
{
    public static Outcome Error(string errorClass, int rows) =>
        new("error: " + errorClass, Enumerable.Repeat("error: " + errorClass, rows).ToArray());
}

/// <summary>One engine, evaluating batches of rendered expressions over the edge table.</summary>
internal interface IExpressionEngine : IAsyncDisposable
{
    string DisplayName { get; }

    SqlDialect Dialect { get; }

    /// <summary>
    /// The outcome of each expression (rendered in <see cref="Dialect"/>), in order. <paramref name="suspect"/>, when
    /// given, marks per expression the rows where another engine failed: a hint of where to expect errors, which
    /// changes how the engine evaluates, never the outcome.
    /// </summary>
    Task<Outcome[]> EvaluateAsync(IReadOnlyList<string> expressions, IReadOnlyList<bool[]>? suspect = null);
}

/// <summary>Values as text the engines agree to spell alike, by the logical type the engine gave them.</summary>
internal static class Canonical
{
    public static string Value(string? text, string type)
    {
        if (text is null) return "NULL";
        switch (type)
        {
            case "BOOLEAN":
                return text switch { "t" => "true", "f" => "false", _ => text };
            case "TIMESTAMP":
                return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp)
                    ? timestamp.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)
                    : text;
            case "DOUBLE":
            case "REAL":
                // Floats are compared to 12 significant digits: the engines print the shortest round-trip text, which
                // may differ in the last digit for the same computation (DOUBLE is not generated; it only arises).
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? "≈" + number.ToString("G12", CultureInfo.InvariantCulture)
                    : text;
            default:
                return "'" + text + "'";
        }
    }

    /// <summary>A DuckDB type name (DESCRIBE's column_type) as a logical type.</summary>
    public static string DuckDbType(string name) => name switch
    {
        "FLOAT" => "REAL",
        "TIMESTAMP WITH TIME ZONE" => "TIMESTAMPTZ",
        _ when name.StartsWith("VARCHAR", StringComparison.Ordinal) => "VARCHAR",
        _ => name,
    };

    /// <summary>A PostgreSQL format_type as a logical type.</summary>
    public static string PostgresType(string name) => name switch
    {
        "boolean" => "BOOLEAN",
        "smallint" => "SMALLINT",
        "integer" => "INTEGER",
        "bigint" => "BIGINT",
        "numeric" => "DECIMAL",
        "double precision" => "DOUBLE",
        "real" => "REAL",
        "text" => "VARCHAR",
        "date" => "DATE",
        "interval" => "INTERVAL",
        _ when name.StartsWith("numeric(", StringComparison.Ordinal) => "DECIMAL" + name["numeric".Length..].Replace(" ", ""),
        _ when name.StartsWith("character varying", StringComparison.Ordinal) => "VARCHAR",
        _ when name.StartsWith("character(", StringComparison.Ordinal) => "CHAR",
        _ when name.StartsWith("timestamp", StringComparison.Ordinal) => name.Contains("with time zone", StringComparison.Ordinal) && !name.Contains("without", StringComparison.Ordinal) ? "TIMESTAMPTZ" : "TIMESTAMP",
        _ => name.ToUpperInvariant(),
    };

    /// <summary>A DuckDB error as a class both engines share: the text before the first colon names DuckDB's kind.</summary>
    public static string DuckDbError(string message)
    {
        var lower = message.ToLowerInvariant();
        if (lower.Contains("division by zero", StringComparison.Ordinal)) return "division by zero";
        if (lower.StartsWith("out of range error", StringComparison.Ordinal) || lower.Contains("overflow", StringComparison.Ordinal)) return "out of range";
        if (lower.StartsWith("binder error", StringComparison.Ordinal) || lower.StartsWith("catalog error", StringComparison.Ordinal)
            || lower.StartsWith("parser error", StringComparison.Ordinal)) return "type or name";
        if (lower.StartsWith("conversion error", StringComparison.Ordinal) || lower.StartsWith("invalid input error", StringComparison.Ordinal)) return "invalid value";
        var colon = message.IndexOf(':');
        return colon > 0 ? message[..colon] : message;
    }

    /// <summary>A PostgreSQL SQLSTATE as the same classes.</summary>
    public static string PostgresError(string state) => state switch
    {
        "22012" => "division by zero",
        "22003" or "22008" => "out of range",
        "22P02" or "22007" or "22023" or "22011" or "22018" => "invalid value",
        _ when state.StartsWith("42", StringComparison.Ordinal) => "type or name",
        _ => "SQLSTATE " + state,
    };
}

/// <summary>
/// DuckDB in-process. A batch is one DESCRIBE (the result types, without running) and one SELECT of every expression
/// as VARCHAR. DuckDB cannot catch an error per row (TRY does not catch its arithmetic overflow), so each expression
/// is masked by a CASE at the rows where the other engine failed (<c>suspect</c>: DuckDB's CASE evaluates a branch
/// for the rows that take it only), and each masked row is then run alone for its value or its error's class. A batch
/// that still fails is split in halves down to the expression, and that expression's rows are then run one by one.
/// </summary>
internal sealed class DuckDbExpressionEngine : IExpressionEngine
{
    private const int ValuesPiece = 12;

    private readonly DuckDBConnection connection = new("Data Source=:memory:");
    private readonly int rowCount;

    private DuckDbExpressionEngine(int rowCount) => this.rowCount = rowCount;

    public string DisplayName => "DuckDB";

    public SqlDialect Dialect => SqlDialect.DuckDb;

    /// <summary>An engine over a table of <paramref name="rows"/> (<see cref="EdgeTable.Rows"/> or one named case's).</summary>
    public static async Task<DuckDbExpressionEngine> OpenAsync(string?[][] rows)
    {
        var engine = new DuckDbExpressionEngine(rows.Length);
        await engine.connection.OpenAsync();
        // One thread: the table is tiny, and scheduling would dominate each query.
        await ExpressionSql.ExecuteAsync(engine.connection, "SET threads = 1");
        await ExpressionSql.ExecuteAsync(engine.connection, EdgeTable.CreateSql(SqlDialect.DuckDb, rows));
        await ExpressionSql.ExecuteAsync(engine.connection, ExpressionSql.Setup(SqlDialect.DuckDb));
        return engine;
    }

    public Task<Outcome[]> EvaluateAsync(IReadOnlyList<string> expressions, IReadOnlyList<bool[]>? suspect) => Task.Run(() =>
    {
        var outcomes = new Outcome[expressions.Count];
        var masks = suspect ?? expressions.Select(_ => new bool[rowCount]).ToList();
        Evaluate(expressions, masks, Enumerable.Range(0, expressions.Count).ToArray(), outcomes);
        return outcomes;
    });

    private void Evaluate(IReadOnlyList<string> expressions, IReadOnlyList<bool[]> suspect, int[] batch, Outcome[] outcomes)
    {
        string[] types;
        try
        {
            types = Query($"DESCRIBE SELECT {ExpressionSql.Columns(batch.Select(i => expressions[i]))} FROM {EdgeTable.Name}")
                .Select(r => Canonical.DuckDbType(r[1]!)).ToArray();
        }
        catch (DbException e) when (batch.Length == 1)
        {
            outcomes[batch[0]] = Outcome.Error(Canonical.DuckDbError(e.Message), rowCount);
            return;
        }
        catch (DbException)
        {
            Evaluate(expressions, suspect, batch[..(batch.Length / 2)], outcomes);
            Evaluate(expressions, suspect, batch[(batch.Length / 2)..], outcomes);
            return;
        }

        for (var j = 0; j < batch.Length; j++) outcomes[batch[j]] = new Outcome(types[j], new string[rowCount]);
        // In small pieces: a failing DuckDB query costs several passing ones, and more the longer it is.
        foreach (var piece in batch.Chunk(ValuesPiece)) Values(expressions, suspect, piece, outcomes);
        foreach (var i in batch)
        {
            for (var row = 0; row < rowCount; row++)
            {
                if (suspect[i][row]) outcomes[i].Values[row] = Alone(expressions[i], row, outcomes[i].Type);
            }
        }
    }

    /// <summary>Fills the values of the rows not suspect; splits the batch in halves where it fails.</summary>
    private void Values(IReadOnlyList<string> expressions, IReadOnlyList<bool[]> suspect, int[] batch, Outcome[] outcomes)
    {
        var select = string.Join(", ", batch.Select(i => Masked(expressions[i], suspect[i])));
        List<string?[]> rows;
        try
        {
            rows = Query($"SELECT {select} FROM {EdgeTable.Name} ORDER BY {EdgeTable.Key}");
        }
        catch (DbException) when (batch.Length == 1)
        {
            // Every row alone: a failing DuckDB query costs ten times a passing one, so halving the rows costs more.
            for (var row = 0; row < rowCount; row++)
            {
                if (!suspect[batch[0]][row]) outcomes[batch[0]].Values[row] = Alone(expressions[batch[0]], row, outcomes[batch[0]].Type);
            }

            return;
        }
        catch (DbException)
        {
            Values(expressions, suspect, batch[..(batch.Length / 2)], outcomes);
            Values(expressions, suspect, batch[(batch.Length / 2)..], outcomes);
            return;
        }

        for (var j = 0; j < batch.Length; j++)
        {
            var outcome = outcomes[batch[j]];
            for (var row = 0; row < rowCount; row++)
            {
                if (!suspect[batch[j]][row]) outcome.Values[row] = Canonical.Value(rows[row][j], outcome.Type);
            }
        }
    }

    /// <summary>The expression as VARCHAR, NULL at the suspect rows (which are run alone).</summary>
    private static string Masked(string expression, bool[] suspect)
    {
        var cast = $"CAST(({expression}) AS VARCHAR)";
        var rows = Enumerable.Range(0, suspect.Length).Where(r => suspect[r]).ToList();
        return rows.Count == 0 ? cast : $"CASE WHEN {EdgeTable.Key} IN ({string.Join(", ", rows)}) THEN NULL ELSE {cast} END";
    }

    /// <summary>One row, alone: its value, or its error's class.</summary>
    private string Alone(string expression, int row, string type)
    {
        try
        {
            var value = Query($"SELECT CAST(({expression}) AS VARCHAR) FROM {EdgeTable.Name} WHERE {EdgeTable.Key} = {row}")[0][0];
            return Canonical.Value(value, type);
        }
        catch (DbException e)
        {
            return "error: " + Canonical.DuckDbError(e.Message);
        }
    }

    private List<string?[]> Query(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var c = 0; c < row.Length; c++) row[c] = reader.IsDBNull(c) ? null : Convert.ToString(reader.GetValue(c), CultureInfo.InvariantCulture);
            rows.Add(row);
        }

        return rows;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

/// <summary>
/// The test PostgreSQL server. A batch's types come from a temporary view of every expression (format_type of its
/// columns in pg_attribute: precision and scale included), created and rolled back; a batch that does not bind is
/// split in halves down to the expression at fault. The values come from one call of a PL/pgSQL function that runs
/// each expression over the whole table and, where that fails, row by row, catching each row's SQLSTATE: one round
/// trip per batch, so it needs no hint of where errors are.
/// </summary>
internal sealed class PostgresExpressionEngine : IExpressionEngine
{
    private const string EvaluateFunction = """
        CREATE FUNCTION pg_temp.evaluate(expressions text[]) RETURNS TABLE(x_expression int, x_row int, x_value text, x_state text)
        LANGUAGE plpgsql AS $$
        DECLARE
          rows_ int[];
          values_ text[];
          r int;
        BEGIN
          FOR e IN 1..coalesce(array_length(expressions, 1), 0) LOOP
            BEGIN
              EXECUTE format('SELECT array_agg(k ORDER BY k), array_agg((%s)::text ORDER BY k) FROM edge', expressions[e]) INTO rows_, values_;
              FOR j IN 1..array_length(rows_, 1) LOOP
                x_expression := e; x_row := rows_[j]; x_value := values_[j]; x_state := NULL;
                RETURN NEXT;
              END LOOP;
            EXCEPTION WHEN OTHERS THEN
              FOR r IN SELECT edge.k FROM edge ORDER BY edge.k LOOP
                BEGIN
                  EXECUTE format('SELECT (%s)::text FROM edge WHERE k = $1', expressions[e]) INTO x_value USING r;
                  x_state := NULL;
                EXCEPTION WHEN OTHERS THEN
                  x_value := NULL; x_state := SQLSTATE;
                END;
                x_expression := e; x_row := r;
                RETURN NEXT;
              END LOOP;
            END;
          END LOOP;
        END $$;
        """;

    private readonly NpgsqlConnection connection;
    private readonly int rowCount;

    private PostgresExpressionEngine(NpgsqlConnection connection, int rowCount)
    {
        this.connection = connection;
        this.rowCount = rowCount;
    }

    public string DisplayName => "PostgreSQL";

    public SqlDialect Dialect => SqlDialect.Postgres;

    /// <summary>An engine over a table of <paramref name="rows"/> in the database <paramref name="connectionString"/> names.</summary>
    public static async Task<PostgresExpressionEngine> OpenAsync(string connectionString, string?[][] rows)
    {
        var engine = new PostgresExpressionEngine(new NpgsqlConnection(connectionString), rows.Length);
        await engine.connection.OpenAsync();
        await ExpressionSql.ExecuteAsync(engine.connection, EdgeTable.CreateSql(SqlDialect.Postgres, rows));
        await ExpressionSql.ExecuteAsync(engine.connection, ExpressionSql.Setup(SqlDialect.Postgres));
        await ExpressionSql.ExecuteAsync(engine.connection, EvaluateFunction);
        return engine;
    }

    public async Task<Outcome[]> EvaluateAsync(IReadOnlyList<string> expressions, IReadOnlyList<bool[]>? suspect = null)
    {
        var outcomes = new Outcome[expressions.Count];
        var types = new string?[expressions.Count];
        await TypesAsync(expressions, Enumerable.Range(0, expressions.Count).ToArray(), types, outcomes);
        var bound = Enumerable.Range(0, expressions.Count).Where(i => outcomes[i] is null).ToArray();

        var values = bound.ToDictionary(i => i, _ => new string[rowCount]);
        await using (var command = new NpgsqlCommand("SELECT x_expression, x_row, x_value, x_state FROM pg_temp.evaluate($1)", connection))
        {
            command.CommandTimeout = 600;
            command.Parameters.Add(new NpgsqlParameter { Value = bound.Select(i => expressions[i]).ToArray() });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var index = bound[reader.GetInt32(0) - 1];
                values[index][reader.GetInt32(1)] = reader.IsDBNull(3)
                    ? Canonical.Value(reader.IsDBNull(2) ? null : reader.GetString(2), types[index]!)
                    : "error: " + Canonical.PostgresError(reader.GetString(3));
            }
        }

        foreach (var i in bound) outcomes[i] = new Outcome(types[i]!, values[i]);
        return outcomes;
    }

    private async Task TypesAsync(IReadOnlyList<string> expressions, int[] batch, string?[] types, Outcome[] outcomes)
    {
        var sql = $"""
            BEGIN;
            CREATE TEMPORARY VIEW expression_types AS SELECT {ExpressionSql.Columns(batch.Select(i => expressions[i]))} FROM {EdgeTable.Name};
            SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'expression_types'::regclass AND attnum > 0 ORDER BY attnum;
            ROLLBACK;
            """;
        try
        {
            var j = 0;
            await using var command = new NpgsqlCommand(sql, connection);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) types[batch[j++]] = Canonical.PostgresType(reader.GetString(0));
            }
        }
        catch (PostgresException e)
        {
            await ExpressionSql.ExecuteAsync(connection, "ROLLBACK");
            if (batch.Length == 1)
            {
                outcomes[batch[0]] = Outcome.Error(Canonical.PostgresError(e.SqlState), rowCount);
                return;
            }

            await TypesAsync(expressions, batch[..(batch.Length / 2)], types, outcomes);
            await TypesAsync(expressions, batch[(batch.Length / 2)..], types, outcomes);
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

internal static class ExpressionSql
{
    /// <summary>The functions the dialect's expressions call, as _setup.sql creates them on every deploy.</summary>
    public static string Setup(SqlDialect dialect) => "CREATE SCHEMA IF NOT EXISTS \"_warehouse\";\n" + dialect.SetupFunctions;

    /// <summary>Each expression as a select-list column named c0, c1, ...</summary>
    public static string Columns(IEnumerable<string> expressions) =>
        string.Join(", ", expressions.Select((e, i) => $"({e}) AS c{i}"));

    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
