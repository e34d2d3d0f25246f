using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Sql;

/// <summary>An emitted file: its path under <c>warehouse/</c> and its text (LF line endings).</summary>
internal sealed record Artifact(string Path, string Content);

/// <summary>
/// Renders one node in one dialect as an idempotent, incremental script (see docs/manifest.md), and its generic
/// tests as queries returning failing rows. Everything a script needs is in the node's resolved spec.
/// </summary>
internal static class SqlEmitter
{
    public const string BatchAt = "CAST('{{batch_at}}' AS TIMESTAMP)";
    internal const string BeginningOfTime = "1900-01-01 00:00:00";
    internal const string EndOfTime = "9999-12-31 00:00:00";

    public static string PathOf(SqlDialect dialect, NodeSpec node) => node.Kind switch
    {
        NodeKind.Analysis => $"{dialect.Name}/analyses/{node.Name}.sql",
        NodeKind.SingularTest => $"{dialect.Name}/tests/{node.Name}.sql",
        _ => $"{dialect.Name}/{node.Layer.ToString().ToLowerInvariant()}/{node.Name}.sql",
    };

    public static string TestPathOf(SqlDialect dialect, TestSpec test) => $"{dialect.Name}/tests/{test.Name}.sql";

    public static IEnumerable<Artifact> Emit(NodeSpec node, SqlDialect dialect)
    {
        yield return new Artifact(PathOf(dialect, node), Normalize(Script(node, dialect)));
        foreach (var test in node.Tests)
        {
            yield return new Artifact(TestPathOf(dialect, test), Normalize(TestQuery(node, test, dialect)));
        }
    }

    /// <summary>Creates the schemas and the runner's bookkeeping; run before every deploy (idempotent).</summary>
    public static Artifact Setup(SqlDialect dialect, IEnumerable<NodeSpec> nodes)
    {
        var sql = new StringBuilder();
        sql.Append("-- Schemas and bookkeeping for every deploy. Idempotent.\n");
        var schemas = nodes
            .Where(n => n.Kind is not (NodeKind.Analysis or NodeKind.SingularTest))
            // An external schema over the catalog is created by the bronze scripts, not here.
            .Where(n => !(dialect.Bronze == BronzeAccess.ExternalSchema && n.Kind == NodeKind.Source))
            .Select(n => n.Schema)
            .Concat(new[] { Bookkeeping.Schema })
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            sql.Append($"CREATE SCHEMA IF NOT EXISTS {SqlDialect.Quote(schema)};\n");
        }

        sql.Append($"CREATE TABLE IF NOT EXISTS {SqlDialect.Table(Bookkeeping.ProcessedFiles)} (\n")
            .Append("    \"node\" VARCHAR(256) NOT NULL,\n")
            .Append("    \"source_file\" VARCHAR(1024) NOT NULL,\n")
            .Append("    \"batch_at\" TIMESTAMP NOT NULL,\n")
            .Append("    \"rows_read\" BIGINT NOT NULL,\n")
            .Append("    \"rows_loaded\" BIGINT NOT NULL,\n")
            .Append("    \"rows_quarantined\" BIGINT NOT NULL\n")
            .Append(");\n");
        if (dialect.Bronze == BronzeAccess.LoadedByRunner)
        {
            // The runner's bulk loader records each file with its bronze rows, in one transaction; the index keeps
            // each source's lookup from reading every source's files (quadratic in the model's size without it).
            var loadedFiles = SqlDialect.Table(Bookkeeping.LoadedFiles);
            sql.Append($"CREATE TABLE IF NOT EXISTS {loadedFiles} (\n")
                .Append("    \"path\" TEXT PRIMARY KEY,\n")
                .Append("    \"source\" TEXT NOT NULL,\n")
                .Append("    \"row_count\" BIGINT NOT NULL,\n")
                .Append($"    \"loaded_at\" TIMESTAMPTZ NOT NULL DEFAULT {dialect.Now}\n")
                .Append(");\n")
                .Append($"CREATE INDEX IF NOT EXISTS \"loaded_files_source\" ON {loadedFiles} (\"source\");\n");
        }

        sql.Append(dialect.SetupFunctions);

        return new Artifact($"{dialect.Name}/_setup.sql", Normalize(sql.ToString()));
    }

    private static string Script(NodeSpec node, SqlDialect dialect) => node.Kind switch
    {
        NodeKind.Source => SourceScript(node, dialect),
        NodeKind.Staging => StagingScript(node, dialect),
        NodeKind.Dimension => node.Scd == 2 ? DimensionType2Script(node, dialect) : DimensionType1Script(node, dialect),
        NodeKind.Fact => FactScript(node, dialect),
        NodeKind.SqlModel => SqlModelScript(node, dialect),
        _ => Header(node) + RenderSql(node) + ";\n",
    };

    private static string Header(NodeSpec node)
    {
        var header = new StringBuilder();
        header.Append($"-- {node.Id}: {node.Kind.ToString().ToLowerInvariant()} from {node.TypeName}\n");
        if (node.Description is { Length: > 0 } description)
        {
            foreach (var line in description.Split('\n'))
            {
                header.Append("-- ").Append(line.TrimEnd()).Append('\n');
            }
        }

        return header.ToString();
    }

    private static string SourceScript(NodeSpec node, SqlDialect dialect)
    {
        var format = node.Format!;
        var sql = new StringBuilder(Header(node));
        var table = SqlDialect.Table(new TableRef(node.Schema, node.Name));
        switch (dialect.Bronze)
        {
            case BronzeAccess.ReadsLakeFiles:
                AppendLakeFileView(sql, node, format, table);
                break;
            case BronzeAccess.LoadedByRunner:
                AppendLoadedTable(sql, node, table);
                break;
            case BronzeAccess.ExternalSchema:
                AppendExternalSchema(sql, node);
                break;
            default:
                throw new InvalidOperationException($"dialect {dialect.Name} has no bronze script for {dialect.Bronze}");
        }

        return sql.ToString();
    }

    private static void AppendLakeFileView(StringBuilder sql, NodeSpec node, SourceFormatSpec format, string table)
    {
        var columns = string.Join(", ", node.Columns.Select(c => $"{SqlDialect.Literal(c.Name)}: 'VARCHAR'"));
        var path = SqlDialect.Literal("{{lake_root}}/" + format.Prefix + format.FilePattern);
        sql.Append($"-- Reads the lake files as text; silver casts and checks them.\n")
            .Append($"CREATE OR REPLACE VIEW {table} AS\nSELECT\n");
        foreach (var column in node.Columns)
        {
            sql.Append($"    {SqlDialect.Quote(column.Name)},\n");
        }

        sql.Append("    REPLACE(\"filename\", '{{lake_root}}/', '') AS \"_source_file\"\n")
            .Append($"FROM READ_CSV({path}, delim = {SqlDialect.Literal(format.Delimiter.ToString())}, header = {(format.Header ? "true" : "false")}, quote = '\"', ")
            .Append($"all_varchar = true, filename = true, columns = {{{columns}}});\n");
    }

    private static void AppendLoadedTable(StringBuilder sql, NodeSpec node, string table)
    {
        sql.Append("-- The runner fills this table from the lake files with binary COPY, one file at a time.\n")
            .Append($"CREATE TABLE IF NOT EXISTS {table} (\n");
        foreach (var column in node.Columns)
        {
            sql.Append($"    {SqlDialect.Quote(column.Name)} TEXT,\n");
        }

        sql.Append("    \"_source_file\" TEXT NOT NULL\n);\n");
    }

    private static void AppendExternalSchema(StringBuilder sql, NodeSpec node)
    {
        sql.Append("-- Bronze lives in S3; the Glue catalog declares its tables (see cloudformation/) and Redshift\n")
            .Append("-- reads them through an external schema. \"$path\" gives each row's file.\n")
            .Append($"CREATE EXTERNAL SCHEMA IF NOT EXISTS {SqlDialect.Quote(node.Schema)}\n")
            .Append("FROM DATA CATALOG DATABASE '{{glue_database}}'\n")
            .Append("IAM_ROLE '{{redshift_iam_role}}';\n");
    }

    private static string StagingScript(NodeSpec node, SqlDialect dialect)
    {
        var target = new TableRef(node.Schema, node.Name);
        var quarantine = new TableRef(node.Schema, node.Name + "__quarantine");
        var batch = SqlDialect.Quote("__batch_" + node.Name);
        var sourceColumns = node.Columns.Where(c => c.UpstreamColumn is not null).Select(c => c.UpstreamColumn!)
            .Concat(node.Columns.Where(c => c.Derived is not null).SelectMany(c => Expressions.Expr.ColumnsOf(c.Derived!)).Select(c => c.Name))
            .Concat(node.Columns.Where(c => c.Default is not null).SelectMany(c => Expressions.Expr.ColumnsOf(c.Default!)).Select(c => c.Name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var sourceFile = dialect.BronzeSourceFile;
        var sql = new StringBuilder(Header(node));

        sql.Append($"CREATE TABLE IF NOT EXISTS {SqlDialect.Table(target)} (\n");
        foreach (var column in node.Columns)
        {
            sql.Append($"    {ColumnDefinition(column, dialect)},\n");
        }

        sql.Append("    \"_source_file\" VARCHAR(1024) NOT NULL,\n    \"_batch_at\" TIMESTAMP NOT NULL\n)")
            .Append(dialect.TableOptions(null, false, node.Key is null ? Array.Empty<string>() : new[] { node.Key })).Append(";\n");

        sql.Append("-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.\n")
            .Append($"CREATE TABLE IF NOT EXISTS {SqlDialect.Table(quarantine)} (\n");
        foreach (var column in sourceColumns)
        {
            sql.Append($"    {SqlDialect.Quote(column)} VARCHAR(65535),\n");
        }

        sql.Append("    \"_source_file\" VARCHAR(1024) NOT NULL,\n    \"_rule\" VARCHAR(256) NOT NULL,\n    \"_reason\" VARCHAR(2048) NOT NULL,\n    \"_batch_at\" TIMESTAMP NOT NULL\n);\n");

        if (node.Incremental == Incremental.FullRefresh)
        {
            sql.Append($"DELETE FROM {SqlDialect.Table(target)};\nDELETE FROM {SqlDialect.Table(quarantine)};\n")
                .Append($"DELETE FROM {SqlDialect.Table(Bookkeeping.ProcessedFiles)} WHERE \"node\" = {SqlDialect.Literal(node.Id)};\n");
        }

        // 1. The new files' rows: raw text, typed source columns, model columns, then the first failed check.
        sql.Append($"DROP TABLE IF EXISTS {batch};\n")
            .Append($"CREATE TEMPORARY TABLE {batch} AS\n")
            .Append("WITH \"raw\" AS (\n    SELECT\n");
        foreach (var column in sourceColumns)
        {
            sql.Append($"        NULLIF({Clean(dialect.RawText(SqlDialect.Quote(column)), true)}, '') AS {SqlDialect.Quote("raw__" + column)},\n");
        }

        sql.Append($"        {sourceFile} AS \"_source_file\"\n")
            .Append($"    FROM {SqlDialect.Table(node.Upstream!)}\n")
            .Append($"    WHERE {sourceFile} NOT IN (SELECT \"source_file\" FROM {SqlDialect.Table(Bookkeeping.ProcessedFiles)} WHERE \"node\" = {SqlDialect.Literal(node.Id)})\n");
        if (dialect.Bronze == BronzeAccess.ReadsLakeFiles)
        {
            // The bronze view reads every lake file and DuckDB cannot skip files on the subquery above; a constant list
            // of the same files (the runner reads them from processed_files) lets it skip reading them at all.
            sql.Append("        -- The same files, listed by the runner: DuckDB skips reading them.\n")
                .Append($"        AND NOT LIST_CONTAINS(STRING_SPLIT('{{{{processed_files}}}}', CHR(10)), {sourceFile})\n");
        }

        sql
            .Append($"), \"typed\" AS {dialect.MaterializedCte}(\n    SELECT\n        \"raw\".*");
        var sourceTypes = SourceTypes(node);
        foreach (var column in sourceColumns)
        {
            var untrimmed = node.Columns.Any(c => c.UpstreamColumn == column && !c.Trim && c.Type.Kind == SqlTypeKind.Varchar);
            var text = untrimmed ? $"NULLIF({dialect.RawText(SqlDialect.Quote(column))}, '')" : SqlDialect.Quote("raw__" + column);
            sql.Append($",\n        {dialect.TryCast(text, sourceTypes[column])} AS {SqlDialect.Quote("src__" + column)}");
        }

        sql.Append("\n    FROM \"raw\"\n), \"modelled\" AS (\n    SELECT\n        \"typed\".*");
        foreach (var column in node.Columns)
        {
            sql.Append($",\n        {ColumnValue(column, dialect, name => SqlDialect.Quote("src__" + name), sourceTypes)} AS {SqlDialect.Quote("out__" + column.Name)}");
        }

        sql.Append("\n    FROM \"typed\"\n), \"checked\" AS (\n    SELECT\n        \"modelled\".*,\n");
        var checks = Checks(node, sourceColumns, dialect, sourceTypes);
        sql.Append("        CASE\n");
        foreach (var check in checks) sql.Append($"            WHEN {check.Condition} THEN {SqlDialect.Literal(check.Rule)}\n");
        sql.Append("        END AS \"__rule\"\n    FROM \"modelled\"\n)\n");
        // Only what the statements below read: the typed source columns (src__) were only needed for the checks.
        sql.Append("SELECT\n");
        foreach (var column in sourceColumns) sql.Append($"    {SqlDialect.Quote("raw__" + column)},\n");
        foreach (var column in node.Columns) sql.Append($"    {SqlDialect.Quote("out__" + column.Name)},\n");
        // The reason repeats the checks, so it is worked out for failing rows only.
        sql.Append("    \"_source_file\",\n    \"__rule\",\n    CASE WHEN \"__rule\" IS NOT NULL THEN CASE\n");
        foreach (var check in checks) sql.Append($"        WHEN {check.Condition} THEN {check.Reason}\n");
        sql.Append("    END END AS \"__reason\",\n");
        var orderByRaw = string.Join(", ", sourceColumns.Select(c => SqlDialect.Quote("raw__" + c) + " DESC"));
        if (node.Key is { } key)
        {
            // Keep the latest row of a key: the last file, then a fixed order so every engine keeps the same row.
            sql.Append($"    ROW_NUMBER() OVER (PARTITION BY \"__rule\" IS NULL, {SqlDialect.Quote("out__" + key)} ORDER BY \"_source_file\" DESC, {orderByRaw}) AS \"__rank\"\n");
        }
        else
        {
            sql.Append("    1 AS \"__rank\"\n");
        }

        sql.Append("FROM \"checked\";\n");

        // 2. Quarantine, 3. load the good rows, 4. remember the files.
        var rawList = string.Join(", ", sourceColumns.Select(SqlDialect.Quote));
        var keyName = node.Key ?? string.Empty;
        sql.Append($"INSERT INTO {SqlDialect.Table(quarantine)} ({rawList}, \"_source_file\", \"_rule\", \"_reason\", \"_batch_at\")\n")
            .Append($"SELECT {string.Join(", ", sourceColumns.Select(c => SqlDialect.Quote("raw__" + c)))}, \"_source_file\", ")
            .Append($"COALESCE(\"__rule\", 'duplicate_key'), COALESCE(\"__reason\", {SqlDialect.Literal($"a later row has the same {keyName}")}), {BatchAt}\n")
            .Append($"FROM {batch}\nWHERE \"__rule\" IS NOT NULL OR \"__rank\" > 1;\n");
        if (node.Key is not null && node.Incremental is Incremental.Merge or Incremental.DeleteInsert)
        {
            sql.Append($"DELETE FROM {SqlDialect.Table(target)}\nWHERE {SqlDialect.Quote(node.Key)} IN (SELECT {SqlDialect.Quote("out__" + node.Key)} FROM {batch} WHERE \"__rule\" IS NULL AND \"__rank\" = 1);\n");
        }

        var columnList = string.Join(", ", node.Columns.Select(c => SqlDialect.Quote(c.Name)));
        sql.Append($"INSERT INTO {SqlDialect.Table(target)} ({columnList}, \"_source_file\", \"_batch_at\")\n")
            .Append($"SELECT {string.Join(", ", node.Columns.Select(c => SqlDialect.Quote("out__" + c.Name)))}, \"_source_file\", {BatchAt}\n")
            .Append($"FROM {batch}\nWHERE \"__rule\" IS NULL AND \"__rank\" = 1;\n")
            .Append($"INSERT INTO {SqlDialect.Table(Bookkeeping.ProcessedFiles)} (\"node\", \"source_file\", \"batch_at\", \"rows_read\", \"rows_loaded\", \"rows_quarantined\")\n")
            .Append($"SELECT {SqlDialect.Literal(node.Id)}, \"_source_file\", {BatchAt}, COUNT(*),\n")
            .Append("    SUM(CASE WHEN \"__rule\" IS NULL AND \"__rank\" = 1 THEN 1 ELSE 0 END),\n")
            .Append("    SUM(CASE WHEN \"__rule\" IS NULL AND \"__rank\" = 1 THEN 0 ELSE 1 END)\n")
            .Append($"FROM {batch}\nGROUP BY \"_source_file\";\n")
            .Append($"DROP TABLE {batch};\n");
        return sql.ToString();
    }

    internal sealed record Check(string Rule, string Condition, string Reason);

    internal static List<Check> Checks(NodeSpec node, List<string> sourceColumns, SqlDialect dialect, Dictionary<string, SqlType> sourceTypes)
    {
        var checks = new List<Check>();
        foreach (var column in sourceColumns)
        {
            var raw = SqlDialect.Quote("raw__" + column);
            var type = sourceTypes[column];
            if (type.Kind == SqlTypeKind.Varchar)
            {
                checks.Add(new Check($"too_long_{column}", $"LENGTH({raw}) > {type.Length.ToString(CultureInfo.InvariantCulture)}",
                    $"{SqlDialect.Literal($"{column} is longer than {type.Length} characters")}"));
                continue;
            }

            checks.Add(new Check($"invalid_{column}", $"{raw} IS NOT NULL AND {SqlDialect.Quote("src__" + column)} IS NULL",
                $"{SqlDialect.Literal($"{column}: '")} || {raw} || {SqlDialect.Literal($"' is not a valid {type}")}"));
        }

        foreach (var column in node.Columns.Where(c => !c.Nullable))
        {
            checks.Add(new Check($"missing_{column.Name}", $"{SqlDialect.Quote("out__" + column.Name)} IS NULL",
                SqlDialect.Literal($"{column.Name} is required but missing")));
        }

        foreach (var rule in node.Rules)
        {
            if (rule.Parsed is null) continue;
            var condition = ExpressionRenderer.Render(rule.Parsed, dialect, name => SqlDialect.Quote("out__" + name));
            checks.Add(new Check(rule.Name, $"NOT ({condition})", SqlDialect.Literal(rule.Reason)));
        }

        return checks;
    }

    /// <summary>The declared types of the source columns a staging model reads; silver casts their text to them.</summary>
    internal static Dictionary<string, SqlType> SourceTypes(NodeSpec node) =>
        node.UpstreamColumns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);

    internal static string Clean(string text, bool trim) => trim ? $"TRIM({text})" : text;

    /// <summary>A model column's value: derived expression or upstream column, its default, cast to its type.</summary>
    internal static string ColumnValue(ColumnSpec column, SqlDialect dialect, Func<string, string> upstream, Dictionary<string, SqlType>? upstreamTypes = null)
    {
        string value;
        if (column.Derived is not null)
        {
            value = dialect.Cast(ExpressionRenderer.Render(column.Derived, dialect, upstream), column.Type);
        }
        else
        {
            value = upstream(column.UpstreamColumn!);
            if (upstreamTypes is not null && upstreamTypes.TryGetValue(column.UpstreamColumn!, out var type) && type != column.Type)
            {
                value = dialect.Cast(value, column.Type);
            }
        }

        return column.Default is null ? value : $"COALESCE({value}, {dialect.Cast(ExpressionRenderer.Render(column.Default, dialect, upstream), column.Type)})";
    }

    private static string ColumnDefinition(ColumnSpec column, SqlDialect dialect) =>
        $"{SqlDialect.Quote(column.Name)} {dialect.Type(column.Type)}{(column.Nullable ? string.Empty : " NOT NULL")}";

    private static string DimensionColumns(NodeSpec node, SqlDialect dialect, bool type2)
    {
        var sql = new StringBuilder($"CREATE TABLE IF NOT EXISTS {SqlDialect.Table(new TableRef(node.Schema, node.Name))} (\n");
        foreach (var column in node.Columns)
        {
            sql.Append($"    {ColumnDefinition(column, dialect)},\n");
        }

        if (type2)
        {
            sql.Append("    \"valid_from\" TIMESTAMP NOT NULL,\n    \"valid_to\" TIMESTAMP NOT NULL,\n    \"is_current\" BOOLEAN NOT NULL,\n");
        }

        var surrogate = node.Columns.First(c => c.Role == ColumnRole.SurrogateKey).Name;
        sql.Append("    \"_batch_at\" TIMESTAMP NOT NULL\n)")
            .Append(dialect.TableOptions(null, true, new[] { surrogate }))
            .Append(";\n");
        return sql.ToString();
    }

    internal static string UnknownValue(ColumnSpec column, SqlDialect dialect) => column.Role switch
    {
        ColumnRole.SurrogateKey => "-1",
        _ when column.Nullable && column.Role != ColumnRole.BusinessKey => "NULL",
        _ => column.Type.Kind switch
        {
            SqlTypeKind.Varchar => column.Role == ColumnRole.BusinessKey ? "'-1'" : UnknownText(column.Type),
            SqlTypeKind.Boolean => "FALSE",
            SqlTypeKind.Date => "CAST('1900-01-01' AS DATE)",
            SqlTypeKind.Timestamp => dialect.Timestamp(BeginningOfTime),
            _ => column.Role == ColumnRole.BusinessKey ? "-1" : "0",
        },
    };

    /// <summary>'Unknown', or '?' where the column is too short for it (PostgreSQL enforces VARCHAR lengths; DuckDB does not).</summary>
    private static string UnknownText(SqlType type) =>
        type.Length is > 0 and < 7 ? "'?'" : "'Unknown'";

    private static string UnknownMember(NodeSpec node, SqlDialect dialect, bool type2)
    {
        if (!node.UnknownMember) return string.Empty;
        var table = SqlDialect.Table(new TableRef(node.Schema, node.Name));
        var surrogate = node.Columns.First(c => c.Role == ColumnRole.SurrogateKey).Name;
        var names = node.Columns.Select(c => SqlDialect.Quote(c.Name)).ToList();
        var values = node.Columns.Select(c => UnknownValue(c, dialect)).ToList();
        if (type2)
        {
            names.AddRange(new[] { "\"valid_from\"", "\"valid_to\"", "\"is_current\"" });
            values.AddRange(new[] { dialect.Timestamp(BeginningOfTime), dialect.Timestamp(EndOfTime), "TRUE" });
        }

        names.Add("\"_batch_at\"");
        values.Add(dialect.Timestamp(BeginningOfTime));
        return "-- The unknown member: facts whose reference is missing or late point here instead of being dropped.\n"
            + $"INSERT INTO {table} ({string.Join(", ", names)})\n"
            + $"SELECT {string.Join(", ", values)}\n"
            + $"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {SqlDialect.Quote(surrogate)} = -1);\n";
    }

    private static string DimensionType1Script(NodeSpec node, SqlDialect dialect)
    {
        var table = SqlDialect.Table(new TableRef(node.Schema, node.Name));
        var business = node.Columns.First(c => c.Role == ColumnRole.BusinessKey);
        var surrogate = node.Columns.First(c => c.Role == ColumnRole.SurrogateKey);
        var changes = SqlDialect.Quote("__changes_" + node.Name);
        var sql = new StringBuilder(Header(node));
        sql.Append(DimensionColumns(node, dialect, false)).Append(UnknownMember(node, dialect, false));
        var attributes = node.Columns.Where(c => c.Role != ColumnRole.SurrogateKey).ToList();

        // Type 1: silver holds the latest row per key; insert new members, overwrite changed ones.
        sql.Append($"DROP TABLE IF EXISTS {changes};\nCREATE TEMPORARY TABLE {changes} AS\nSELECT\n");
        sql.Append($"    {dialect.HashToBigInt(dialect.Cast("s." + SqlDialect.Quote(business.UpstreamColumn ?? business.Name), new SqlType(SqlTypeKind.Varchar, Length: 256)))} AS {SqlDialect.Quote(surrogate.Name)},\n");
        foreach (var column in attributes)
        {
            sql.Append($"    {ColumnValue(column, dialect, n => "s." + SqlDialect.Quote(n))} AS {SqlDialect.Quote(column.Name)},\n");
        }

        sql.Append($"    s.\"_batch_at\"\nFROM {SqlDialect.Table(node.Upstream!)} AS s;\n");
        var columnList = string.Join(", ", node.Columns.Select(c => SqlDialect.Quote(c.Name)));
        var changed = string.Join("\n    OR ", attributes.Select(c => dialect.IsDistinct($"d.{SqlDialect.Quote(c.Name)}", $"c.{SqlDialect.Quote(c.Name)}")));
        sql.Append($"DELETE FROM {table}\nWHERE {SqlDialect.Quote(surrogate.Name)} IN (\n")
            .Append($"    SELECT d.{SqlDialect.Quote(surrogate.Name)} FROM {table} AS d JOIN {changes} AS c ON c.{SqlDialect.Quote(surrogate.Name)} = d.{SqlDialect.Quote(surrogate.Name)}\n")
            .Append($"    WHERE {changed});\n")
            .Append($"INSERT INTO {table} ({columnList}, \"_batch_at\")\n")
            .Append($"SELECT {string.Join(", ", node.Columns.Select(c => "c." + SqlDialect.Quote(c.Name)))}, c.\"_batch_at\"\n")
            .Append($"FROM {changes} AS c\nWHERE NOT EXISTS (SELECT 1 FROM {table} AS d WHERE d.{SqlDialect.Quote(surrogate.Name)} = c.{SqlDialect.Quote(surrogate.Name)});\n")
            .Append($"DROP TABLE {changes};\n");
        return sql.ToString();
    }

    private static string DimensionType2Script(NodeSpec node, SqlDialect dialect)
    {
        var table = SqlDialect.Table(new TableRef(node.Schema, node.Name));
        var business = node.Columns.First(c => c.Role == ColumnRole.BusinessKey);
        var surrogate = node.Columns.First(c => c.Role == ColumnRole.SurrogateKey);
        var bk = SqlDialect.Quote(business.Name);
        var changes = SqlDialect.Quote("__changes_" + node.Name);
        var attributes = node.Columns.Where(c => c.Role != ColumnRole.SurrogateKey).ToList();
        var history = attributes.Where(c => c.History).ToList();
        var overwrite = attributes.Where(c => !c.History && c.Role != ColumnRole.BusinessKey).ToList();
        var sql = new StringBuilder(Header(node));
        sql.Append(DimensionColumns(node, dialect, true)).Append(UnknownMember(node, dialect, true));

        sql.Append($"-- Type 2: a change in {string.Join(", ", history.Select(c => c.Name))} closes the current version and opens a new one.\n")
            .Append($"DROP TABLE IF EXISTS {changes};\nCREATE TEMPORARY TABLE {changes} AS\nSELECT\n");
        foreach (var column in attributes)
        {
            sql.Append($"    s.{SqlDialect.Quote(column.Name)},\n");
        }

        sql.Append($"    CASE WHEN d.{bk} IS NULL THEN {dialect.Timestamp(BeginningOfTime)} ELSE {BatchAt} END AS \"valid_from\",\n")
            .Append("    s.\"_batch_at\"\nFROM (\n    SELECT\n");
        foreach (var column in attributes)
        {
            sql.Append($"        {ColumnValue(column, dialect, n => "u." + SqlDialect.Quote(n))} AS {SqlDialect.Quote(column.Name)},\n");
        }

        var historyChanged = history.Count == 0 ? "FALSE" : string.Join("\n    OR ", history.Select(c => dialect.IsDistinct($"d.{SqlDialect.Quote(c.Name)}", $"s.{SqlDialect.Quote(c.Name)}")));
        sql.Append($"        u.\"_batch_at\"\n    FROM {SqlDialect.Table(node.Upstream!)} AS u\n) AS s\n")
            .Append($"LEFT JOIN {table} AS d ON d.{bk} = s.{bk} AND d.\"is_current\"\n")
            .Append($"WHERE d.{bk} IS NULL\n    OR {historyChanged};\n");

        sql.Append($"UPDATE {table}\nSET \"valid_to\" = {BatchAt}, \"is_current\" = FALSE\n")
            .Append($"WHERE \"is_current\" AND {bk} IN (SELECT {bk} FROM {changes});\n");

        var keyText = $"{dialect.Cast("c." + bk, new SqlType(SqlTypeKind.Varchar, Length: 256))} || '|' || {dialect.FormatTimestamp("c.\"valid_from\"")}";
        var columnList = string.Join(", ", node.Columns.Select(c => SqlDialect.Quote(c.Name)));
        sql.Append($"INSERT INTO {table} ({columnList}, \"valid_from\", \"valid_to\", \"is_current\", \"_batch_at\")\nSELECT\n");
        foreach (var column in node.Columns)
        {
            var value = column.Role == ColumnRole.SurrogateKey ? dialect.HashToBigInt(keyText) : "c." + SqlDialect.Quote(column.Name);
            sql.Append($"    {value},\n");
        }

        sql.Append($"    c.\"valid_from\",\n    {dialect.Timestamp(EndOfTime)},\n    TRUE,\n    c.\"_batch_at\"\nFROM {changes} AS c;\n");

        if (overwrite.Count > 0)
        {
            // Type-1 columns of a type-2 dimension: the latest value overwrites every version.
            sql.Append($"UPDATE {table}\nSET {string.Join(", ", overwrite.Select(c => $"{SqlDialect.Quote(c.Name)} = s.{SqlDialect.Quote(c.Name)}"))}\n")
                .Append("FROM (\n    SELECT\n");
            foreach (var column in overwrite.Concat(new[] { business }))
            {
                sql.Append($"        {ColumnValue(column, dialect, n => "u." + SqlDialect.Quote(n))} AS {SqlDialect.Quote(column.Name)},\n");
            }

            sql.Append($"        1 AS \"__one\"\n    FROM {SqlDialect.Table(node.Upstream!)} AS u\n) AS s\n")
                .Append($"WHERE {table}.{bk} = s.{bk}\n    AND ({string.Join("\n    OR ", overwrite.Select(c => dialect.IsDistinct($"{table}.{SqlDialect.Quote(c.Name)}", $"s.{SqlDialect.Quote(c.Name)}")))});\n");
        }

        sql.Append($"DROP TABLE {changes};\n");
        return sql.ToString();
    }

    private static string FactScript(NodeSpec node, SqlDialect dialect)
    {
        var table = SqlDialect.Table(new TableRef(node.Schema, node.Name));
        var batch = SqlDialect.Quote("__batch_" + node.Name);
        var references = node.Columns.Where(c => c.Lookup is not null).ToList();
        var calendar = references.FirstOrDefault(c => c.Name == node.EventDateColumn);
        var sql = new StringBuilder(Header(node));
        if (node.Grain is { } grain)
        {
            sql.Append($"-- Grain: {grain.Description} ({string.Join(", ", grain.Columns)}).\n");
        }

        // Distribute on the main (first non-calendar) dimension key, sort on the date key.
        var distKey = references.FirstOrDefault(c => c != calendar)?.Name;
        sql.Append($"CREATE TABLE IF NOT EXISTS {table} (\n");
        foreach (var column in node.Columns)
        {
            sql.Append($"    {ColumnDefinition(column, dialect)},\n");
        }

        sql.Append("    \"_batch_at\" TIMESTAMP NOT NULL\n)")
            .Append(dialect.TableOptions(distKey, false, calendar is null ? Array.Empty<string>() : new[] { calendar.Name }))
            .Append(";\n");

        if (node.Incremental == Incremental.FullRefresh)
        {
            sql.Append($"DELETE FROM {table};\n");
        }

        sql.Append($"DROP TABLE IF EXISTS {batch};\nCREATE TEMPORARY TABLE {batch} AS\nSELECT\n");
        foreach (var column in node.Columns)
        {
            var value = column.Lookup is { } lookup
                ? $"COALESCE({Alias(column)}.{SqlDialect.Quote(lookup.SurrogateKey)}, -1)"
                : ColumnValue(column, dialect, n => "s." + SqlDialect.Quote(n));
            sql.Append($"    {value} AS {SqlDialect.Quote(column.Name)},\n");
        }

        sql.Append("    s.\"_batch_at\"\n");
        if (node.Incremental == Incremental.FullRefresh)
        {
            sql.Append($"FROM {SqlDialect.Table(node.Upstream!)} AS s\n");
        }
        else
        {
            // Pick the silver rows first, then look up their keys: filtered after the joins, every silver row of every
            // batch would be joined to every dimension on each run.
            sql.Append($"FROM (\n    SELECT *\n    FROM {SqlDialect.Table(node.Upstream!)} AS s\n")
                .Append("    -- Silver rows of the latest batch gold has seen, and newer ones: a rerun re-merges the same rows.\n")
                .Append($"    WHERE s.\"_batch_at\" >= (SELECT COALESCE(MAX(\"_batch_at\"), {dialect.Timestamp(BeginningOfTime)}) FROM {table})")
                .Append(Rekey(node, table, references, calendar, dialect))
                .Append("\n) AS s\n");
        }

        if (calendar is not null)
        {
            sql.Append(Join(calendar, null, dialect));
        }

        foreach (var reference in references.Where(r => r != calendar))
        {
            sql.Append(Join(reference, calendar, dialect));
        }

        sql.Length--; // the last line's newline: the statement ends there
        sql.Append(";\n");
        var grainColumns = node.Grain?.Columns.Select(SqlDialect.Quote).ToList() ?? new List<string>();
        if (node.Incremental is Incremental.Merge or Incremental.DeleteInsert && grainColumns.Count > 0)
        {
            var tuple = grainColumns.Count == 1 ? grainColumns[0] : "(" + string.Join(", ", grainColumns) + ")";
            sql.Append($"DELETE FROM {table}\nWHERE {tuple} IN (SELECT {string.Join(", ", grainColumns)} FROM {batch});\n");
        }

        var columnList = string.Join(", ", node.Columns.Select(c => SqlDialect.Quote(c.Name)));
        sql.Append($"INSERT INTO {table} ({columnList}, \"_batch_at\")\nSELECT {columnList}, \"_batch_at\"\nFROM {batch};\n")
            .Append($"DROP TABLE {batch};\n");
        return sql.ToString();
    }

    /// <summary>
    /// Older facts whose keys went stale are merged again: those on the unknown member (the dimension row may have
    /// arrived since) and those on a type-2 version that no longer covers their date (a later batch closed it).
    /// Only merge facts with a grain can be re-keyed: the merge replaces them by grain.
    /// </summary>
    private static string Rekey(NodeSpec node, string table, IReadOnlyList<ColumnSpec> references, ColumnSpec? calendar, SqlDialect dialect)
    {
        var grain = node.Grain?.Columns.Select(SqlDialect.Quote).ToList() ?? new List<string>();
        if (references.Count == 0 || grain.Count == 0 || node.Incremental is not (Incremental.Merge or Incremental.DeleteInsert))
        {
            return string.Empty;
        }

        var stale = references.Select(r => $"f.{SqlDialect.Quote(r.Name)} = -1").ToList();
        var joins = new StringBuilder();
        if (calendar?.Lookup?.DateColumn is { } dateColumn)
        {
            var calendarLookup = calendar.Lookup;
            var versioned = references.Where(r => r != calendar && r.Lookup!.Type2).ToList();
            if (versioned.Count > 0)
            {
                joins.Append($"            JOIN {SqlDialect.Table(calendarLookup.Dimension)} AS \"c\" ON \"c\".{SqlDialect.Quote(calendarLookup.SurrogateKey)} = f.{SqlDialect.Quote(calendar.Name)}\n");
                var date = dialect.Cast($"\"c\".{SqlDialect.Quote(dateColumn)}", new SqlType(SqlTypeKind.Timestamp));
                foreach (var reference in versioned)
                {
                    var alias = SqlDialect.Quote("v__" + reference.Name);
                    joins.Append($"            LEFT JOIN {SqlDialect.Table(reference.Lookup!.Dimension)} AS {alias} ON {alias}.{SqlDialect.Quote(reference.Lookup.SurrogateKey)} = f.{SqlDialect.Quote(reference.Name)}\n");
                    stale.Add($"NOT ({date} >= {alias}.\"valid_from\" AND {date} < {alias}.\"valid_to\")");
                }
            }
        }

        var tuple = grain.Count == 1 ? "s." + grain[0] : "(" + string.Join(", ", grain.Select(g => "s." + g)) + ")";
        return $"\n        -- Re-key older facts on the unknown member or on a version that no longer covers their date.\n"
            + $"        OR {tuple} IN (\n            SELECT {string.Join(", ", grain.Select(g => "f." + g))}\n            FROM {table} AS f\n{joins}"
            + $"            WHERE {string.Join("\n                OR ", stale)}\n        )";
    }

    private static string Alias(ColumnSpec reference) => SqlDialect.Quote("d__" + reference.Name);

    /// <summary>
    /// Joins a referenced dimension on its business key. A type-2 dimension joins the version valid on the fact's
    /// date (from the calendar reference) or, without a calendar, the current version.
    /// </summary>
    private static string Join(ColumnSpec reference, ColumnSpec? calendar, SqlDialect dialect)
    {
        var lookup = reference.Lookup!;
        var alias = Alias(reference);
        var join = $"LEFT JOIN {SqlDialect.Table(lookup.Dimension)} AS {alias}\n    ON {alias}.{SqlDialect.Quote(lookup.BusinessKey)} = s.{SqlDialect.Quote(lookup.FactColumn)}\n    AND {alias}.{SqlDialect.Quote(lookup.SurrogateKey)} <> -1\n";
        if (lookup.Type2)
        {
            if (calendar?.Lookup?.DateColumn is { } dateColumn)
            {
                var date = dialect.Cast($"{Alias(calendar)}.{SqlDialect.Quote(dateColumn)}", new SqlType(SqlTypeKind.Timestamp));
                join += $"    AND {date} >= {alias}.\"valid_from\" AND {date} < {alias}.\"valid_to\"\n";
            }
            else
            {
                join += $"    AND {alias}.\"is_current\"\n";
            }
        }

        return join;
    }

    private static string SqlModelScript(NodeSpec node, SqlDialect dialect)
    {
        var view = new TableRef(node.Schema, node.Name);
        // The declared columns are the contract: cast the body's output to them, so a drifting query fails here.
        var select = "SELECT\n" + string.Join(",\n", node.Columns.Select(c => $"    {dialect.Cast("q." + SqlDialect.Quote(c.Name), c.Type)} AS {SqlDialect.Quote(c.Name)}"))
            + $"\nFROM (\n{Indent(RenderSql(node))}\n) AS q";
        var sql = new StringBuilder(Header(node));
        if (node.MaterializeAsTable)
        {
            sql.Append($"DROP TABLE IF EXISTS {SqlDialect.Table(view)};\nCREATE TABLE {SqlDialect.Table(view)} AS\n{select};\n");
        }
        else
        {
            sql.Append(dialect.CreateView(view, select)).Append('\n');
        }

        return sql.ToString();
    }

    /// <summary>The SQL body with each typed reference replaced by its quoted table name.</summary>
    public static string RenderSql(NodeSpec node) =>
        string.Concat(node.Sql.Select(p => p.Target is null ? p.Text : SqlDialect.Table(p.Target))).Trim().TrimEnd(';');

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "    " + l));

    private static string TestQuery(NodeSpec node, TestSpec test, SqlDialect dialect)
    {
        var table = SqlDialect.Table(new TableRef(node.Schema, node.Name));
        var column = test.Columns.Count > 0 ? SqlDialect.Quote(test.Columns[0]) : string.Empty;
        var where = test.Where is null ? string.Empty : $" AND {test.Where}";
        var header = $"-- {test.Kind} test on {node.Id}({string.Join(", ", test.Columns)}), severity {(test.WarnOnly ? "warn" : "error")}: returns the failing rows.\n";
        return header + test.Kind switch
        {
            "not_null" => $"SELECT *\nFROM {table}\nWHERE {column} IS NULL{where};\n",
            "unique" => $"SELECT {string.Join(", ", test.Columns.Select(SqlDialect.Quote))}, COUNT(*) AS \"occurrences\"\nFROM {table}\n"
                + (test.Where is null ? string.Empty : $"WHERE {test.Where}\n")
                + $"GROUP BY {string.Join(", ", test.Columns.Select(SqlDialect.Quote))}\nHAVING COUNT(*) > 1;\n",
            "accepted_values" => $"SELECT *\nFROM {table}\nWHERE {column} IS NOT NULL\n    AND {dialect.Cast(column, new SqlType(SqlTypeKind.Varchar, Length: 256))} NOT IN ({string.Join(", ", test.Values.Select(SqlDialect.Literal))}){where};\n",
            "range" => $"SELECT *\nFROM {table}\nWHERE ({column} < {test.Min} OR {column} > {test.Max}){where};\n",
            "relationships" => $"SELECT c.*\nFROM {table} AS c\nLEFT JOIN {SqlDialect.Table(test.Related!)} AS p ON p.{SqlDialect.Quote(test.RelatedColumn!)} = c.{column}\n"
                + $"WHERE c.{column} IS NOT NULL AND p.{SqlDialect.Quote(test.RelatedColumn!)} IS NULL"
                + (test.Where is null ? string.Empty : " AND c." + test.Where) + ";\n",
            "known_member" => $"-- Rows whose dimension member was missing or late: counted, never dropped.\nSELECT *\nFROM {table}\nWHERE {column} = -1;\n",
            _ => throw new InvalidOperationException("unknown test kind " + test.Kind),
        };
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
