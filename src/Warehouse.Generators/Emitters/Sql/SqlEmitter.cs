using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters.Escaping;
using Warehouse.Generators.Emitters.Plans;
using Warehouse.Generators.Model;
using Warehouse.Generators.SqlFrontEnd;


namespace Warehouse.Generators.Emitters.Sql;

/// <summary>An emitted file: its path under <c>warehouse/</c> and its text (LF line endings).</summary>
internal sealed record Artifact(string Path, string Content);

/// <summary>
/// Renders one node in one dialect as an idempotent, incremental script (see docs/manifest.md), and its generic
/// tests as queries returning failing rows. Staging, dimension and fact scripts spell the node's plan
/// (<c>Emitters/Plans</c>, shared with dbt) as the runner runs it: temporary tables, <c>{{variables}}</c>, the
/// processed-files bookkeeping and the quarantine table; they decide no column, join or key of their own.
/// </summary>
internal static class SqlEmitter
{
    public const string BatchAt = "CAST('{{batch_at}}' AS TIMESTAMP)";

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
            .Append($"    \"node\" {Varchar(dialect, 256)} NOT NULL,\n")
            .Append($"    \"source_file\" {Varchar(dialect, 1024)} NOT NULL,\n")
            .Append($"    \"batch_at\" {dialect.Type(Timestamp)} NOT NULL,\n")
            .Append($"    \"rows_read\" {dialect.Type(BigInt)} NOT NULL,\n")
            .Append($"    \"rows_loaded\" {dialect.Type(BigInt)} NOT NULL,\n")
            .Append($"    \"rows_quarantined\" {dialect.Type(BigInt)} NOT NULL\n")
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
        NodeKind.Dimension => DimensionScript(node, dialect),
        NodeKind.Fact => FactScript(node, dialect),
        NodeKind.SqlModel => SqlModelScript(node, dialect),
        _ => Header(node) + RenderSql(node, dialect) + ";\n",
    };

    private static string Header(NodeSpec node)
    {
        var text = $"{node.Id}: {node.Kind.ToString().ToLowerInvariant()} from {node.TypeName}";
        return Comment(node.Description is { Length: > 0 } description ? text + "\n" + description : text);
    }

    /// <summary>Free text as comment lines of a runner script: no line of it can leave the comment or hold a runner variable.</summary>
    private static string Comment(string text) => RunnerText.Escape(SqlComment.Lines(text));

    private static string SourceScript(NodeSpec node, SqlDialect dialect)
    {
        var format = node.Format!;
        var sql = new StringBuilder(Header(node));
        var table = SqlDialect.Table(new TableRef(node.Schema, node.Name));
        switch (dialect.Bronze)
        {
            case BronzeAccess.ReadsLakeFiles:
                AppendLakeFileView(sql, node, format, table, dialect);
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

    private static void AppendLakeFileView(StringBuilder sql, NodeSpec node, SourceFormatSpec format, string table, SqlDialect dialect)
    {
        var columns = string.Join(", ", node.Columns.Select(c => $"{dialect.Literal(c.Name)}: 'VARCHAR'"));
        // The runner's variable and the model's prefix in one literal (DuckDB's READ_CSV takes a constant path).
        var path = dialect.QuotedString("{{lake_root}}/" + RunnerText.Escape(UnicodeText.WellFormed(format.Prefix + format.FilePattern)));
        sql.Append($"-- Reads the lake files as text; silver casts and checks them.\n")
            .Append($"CREATE OR REPLACE VIEW {table} AS\nSELECT\n");
        foreach (var column in node.Columns)
        {
            sql.Append($"    {SqlDialect.Quote(column.Name)},\n");
        }

        // read_csv numbers no rows; WITH ORDINALITY numbers them across the files in the order it reads them, so a
        // row's position in its file is its number less its file's first. (It also keeps the staging scripts' filter
        // on the file name out of the scan: every lake file of the source is read, then the processed ones dropped.)
        sql.Append("    \"ordinality\" - MIN(\"ordinality\") OVER (PARTITION BY \"filename\") + 1 AS \"_source_row\",\n")
            .Append("    REPLACE(\"filename\", '{{lake_root}}/', '') AS \"_source_file\"\n")
            .Append($"FROM READ_CSV({path}, delim = {dialect.Literal(format.Delimiter.ToString())}, header = {(format.Header ? "true" : "false")}, quote = '\"', ")
            // ignore_errors: a row that is not valid UTF-8 is skipped, as PostgreSQL's loader skips it (the runner has
            // checked every header and field count before, and records the skipped rows).
            .Append($"all_varchar = true, filename = true, ignore_errors = true, columns = {{{columns}}}) WITH ORDINALITY;\n");
    }

    private static void AppendLoadedTable(StringBuilder sql, NodeSpec node, string table)
    {
        sql.Append("-- The runner fills this table from the lake files with binary COPY, one file at a time.\n")
            .Append($"CREATE TABLE IF NOT EXISTS {table} (\n");
        foreach (var column in node.Columns)
        {
            sql.Append($"    {SqlDialect.Quote(column.Name)} TEXT,\n");
        }

        sql.Append("    \"_source_row\" BIGINT,\n    \"_source_file\" TEXT NOT NULL\n);\n")
            // Tables loaded before the runner numbered rows get the column (their rows stay unnumbered).
            .Append($"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS \"_source_row\" BIGINT;\n");
    }

    private static void AppendExternalSchema(StringBuilder sql, NodeSpec node)
    {
        sql.Append("-- Bronze lives in S3; the Glue catalog declares its tables (see cloudformation/) and Redshift\n")
            .Append("-- reads them through an external schema. \"$path\" gives each row's file.\n")
            .Append($"CREATE EXTERNAL SCHEMA IF NOT EXISTS {SqlDialect.Quote(node.Schema)}\n")
            .Append("FROM DATA CATALOG DATABASE '{{glue_database}}'\n")
            .Append("IAM_ROLE '{{redshift_iam_role}}';\n");
    }

    private static string TableOptions(TableLayout layout, SqlDialect dialect) =>
        dialect.TableOptions(layout.Distribution, layout.DistributionKey, layout.SortKeys);

    private static string ColumnDefinition(string name, SqlType type, bool nullable, SqlDialect dialect) =>
        $"{SqlDialect.Quote(name)} {dialect.Type(type)}{(nullable ? string.Empty : " NOT NULL")}";

    private static string StagingScript(NodeSpec node, SqlDialect dialect)
    {
        var plan = StagingPlanBuilder.Build(node);
        var target = SqlDialect.Table(plan.Target);
        var quarantine = SqlDialect.Table(plan.Quarantine);
        var batch = SqlDialect.Quote("__batch_" + node.Name);
        var sourceFile = dialect.BronzeSourceFile;
        var sql = new StringBuilder(Header(node));

        sql.Append($"CREATE TABLE IF NOT EXISTS {target} (\n");
        foreach (var column in plan.Columns)
        {
            sql.Append($"    {ColumnDefinition(column.Name, column.Type, column.Nullable, dialect)},\n");
        }

        sql.Append($"    \"_source_file\" {Varchar(dialect, 1024)} NOT NULL,\n    \"_batch_at\" {dialect.Type(Timestamp)} NOT NULL\n)")
            .Append(TableOptions(plan.Layout, dialect)).Append(";\n");

        sql.Append("-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.\n")
            .Append($"CREATE TABLE IF NOT EXISTS {quarantine} (\n");
        foreach (var column in plan.SourceColumns)
        {
            sql.Append($"    {SqlDialect.Quote(column.Name)} {Varchar(dialect, 65535)},\n");
        }

        sql.Append($"    \"_source_file\" {Varchar(dialect, 1024)} NOT NULL,\n    \"_rule\" {Varchar(dialect, 256)} NOT NULL,\n")
            .Append($"    \"_reason\" {Varchar(dialect, 2048)} NOT NULL,\n    \"_batch_at\" {dialect.Type(Timestamp)} NOT NULL\n);\n");

        if (plan.Incremental == Incremental.FullRefresh)
        {
            sql.Append($"DELETE FROM {target};\nDELETE FROM {quarantine};\n")
                .Append($"DELETE FROM {SqlDialect.Table(Bookkeeping.ProcessedFiles)} WHERE \"node\" = {dialect.Literal(node.Id)};\n");
        }

        // 1. The new files' rows: raw text, typed source columns, model columns, then the first failed check.
        sql.Append($"DROP TABLE IF EXISTS {batch};\n")
            .Append($"CREATE TEMPORARY TABLE {batch} AS\n")
            .Append("WITH \"raw\" AS (\n    SELECT\n");
        foreach (var column in plan.SourceColumns)
        {
            sql.Append($"        {PlanSql.Delivered(dialect.RawText(SqlDialect.Quote(column.Name)))} AS {PlanSql.Raw(column.Name)},\n");
        }

        if (dialect.BronzeSourceRow is { } sourceRow) sql.Append($"        {sourceRow} AS \"_source_row\",\n");
        sql.Append($"        {sourceFile} AS \"_source_file\"\n")
            .Append($"    FROM {SqlDialect.Table(plan.Upstream)}\n")
            .Append($"    WHERE {sourceFile} NOT IN (SELECT \"source_file\" FROM {SqlDialect.Table(Bookkeeping.ProcessedFiles)} WHERE \"node\" = {dialect.Literal(node.Id)})\n");
        if (dialect.Bronze == BronzeAccess.ReadsLakeFiles)
        {
            // A constant list of the same files (the runner reads them from processed_files) drops their rows before
            // the bronze view numbers them (it still reads them: WITH ORDINALITY keeps the filter out of the scan).
            sql.Append("        -- The same files, listed by the runner: DuckDB drops them before numbering rows.\n")
                .Append($"        AND NOT LIST_CONTAINS(STRING_SPLIT('{{{{processed_files}}}}', CHR(10)), {sourceFile})\n");
        }

        sql.Append($"), \"typed\" AS {dialect.MaterializedCte}(\n    SELECT\n        \"raw\".*");
        foreach (var column in plan.SourceColumns)
        {
            var text = column.KeepsWhitespace ? $"NULLIF({dialect.RawText(SqlDialect.Quote(column.Name))}, '')" : PlanSql.Raw(column.Name);
            sql.Append($",\n        {dialect.TryCast(text, column.Type)} AS {PlanSql.Typed(column.Name)}");
        }

        sql.Append("\n    FROM \"raw\"\n), \"modelled\" AS (\n    SELECT\n        \"typed\".*");
        foreach (var column in plan.Columns)
        {
            sql.Append($",\n        {PlanSql.Value(column.Value, dialect, PlanSql.Typed)} AS {PlanSql.Out(column.Name)}");
        }

        sql.Append("\n    FROM \"typed\"\n), \"checked\" AS (\n    SELECT\n        \"modelled\".*,\n");
        var checks = plan.Checks.Select(c => (c.Rule, Condition: PlanSql.Condition(c, dialect), Reason: PlanSql.Reason(c, dialect))).ToList();
        sql.Append("        CASE\n");
        foreach (var check in checks) sql.Append($"            WHEN {check.Condition} THEN {dialect.Literal(check.Rule)}\n");
        sql.Append("        END AS \"__rule\"\n    FROM \"modelled\"\n)\n");

        // Only what the statements below read: the typed source columns (src__) were only needed for the checks.
        sql.Append("SELECT\n");
        foreach (var column in plan.SourceColumns) sql.Append($"    {PlanSql.Raw(column.Name)},\n");
        foreach (var column in plan.Columns) sql.Append($"    {PlanSql.Out(column.Name)},\n");
        // The reason repeats the checks, so it is worked out for failing rows only.
        sql.Append("    \"_source_file\",\n    \"__rule\",\n    CASE WHEN \"__rule\" IS NOT NULL THEN CASE\n");
        foreach (var check in checks) sql.Append($"        WHEN {check.Condition} THEN {check.Reason}\n");
        sql.Append("    END END AS \"__reason\",\n");

        if (plan.Key is { } key)
        {
            // Keep the latest row of a key: the last file, then the file's last row.
            sql.Append($"    ROW_NUMBER() OVER (PARTITION BY \"__rule\" IS NULL, {PlanSql.Out(key)} ORDER BY {PlanSql.LatestFirst(plan, dialect)}) AS \"__rank\"\n");
        }
        else
        {
            sql.Append("    1 AS \"__rank\"\n");
        }

        sql.Append("FROM \"checked\";\n");

        // 2. Quarantine, 3. load the good rows, 4. remember the files.
        var rawList = string.Join(", ", plan.SourceColumns.Select(c => SqlDialect.Quote(c.Name)));
        sql.Append($"INSERT INTO {quarantine} ({rawList}, \"_source_file\", \"_rule\", \"_reason\", \"_batch_at\")\n")
            .Append($"SELECT {string.Join(", ", plan.SourceColumns.Select(c => PlanSql.Raw(c.Name)))}, \"_source_file\", ")
            .Append($"COALESCE(\"__rule\", {dialect.Literal(StagingPlan.DuplicateRule)}), COALESCE(\"__reason\", {dialect.Literal(plan.DuplicateReason)}), {BatchAt}\n")
            .Append($"FROM {batch}\nWHERE \"__rule\" IS NOT NULL OR \"__rank\" > 1;\n");
        if (plan.ReplacesKeys)
        {
            sql.Append($"DELETE FROM {target}\nWHERE {SqlDialect.Quote(plan.Key!)} IN (SELECT {PlanSql.Out(plan.Key!)} FROM {batch} WHERE \"__rule\" IS NULL AND \"__rank\" = 1);\n");
        }

        var columnList = string.Join(", ", plan.Columns.Select(c => SqlDialect.Quote(c.Name)));
        sql.Append($"INSERT INTO {target} ({columnList}, \"_source_file\", \"_batch_at\")\n")
            .Append($"SELECT {string.Join(", ", plan.Columns.Select(c => PlanSql.Out(c.Name)))}, \"_source_file\", {BatchAt}\n")
            .Append($"FROM {batch}\nWHERE \"__rule\" IS NULL AND \"__rank\" = 1;\n")
            .Append($"INSERT INTO {SqlDialect.Table(Bookkeeping.ProcessedFiles)} (\"node\", \"source_file\", \"batch_at\", \"rows_read\", \"rows_loaded\", \"rows_quarantined\")\n")
            .Append($"SELECT {dialect.Literal(node.Id)}, \"_source_file\", {BatchAt}, COUNT(*),\n")
            .Append("    SUM(CASE WHEN \"__rule\" IS NULL AND \"__rank\" = 1 THEN 1 ELSE 0 END),\n")
            .Append("    SUM(CASE WHEN \"__rule\" IS NULL AND \"__rank\" = 1 THEN 0 ELSE 1 END)\n")
            .Append($"FROM {batch}\nGROUP BY \"_source_file\";\n")
            .Append($"DROP TABLE {batch};\n");
        return sql.ToString();
    }

    private static string DimensionTable(DimensionPlan plan, SqlDialect dialect)
    {
        var sql = new StringBuilder($"CREATE TABLE IF NOT EXISTS {SqlDialect.Table(plan.Target)} (\n");
        foreach (var column in plan.Columns)
        {
            sql.Append($"    {ColumnDefinition(column.Name, column.Type, column.Nullable, dialect)},\n");
        }

        if (plan.Type2)
        {
            sql.Append($"    \"valid_from\" {dialect.Type(Timestamp)} NOT NULL,\n    \"valid_to\" {dialect.Type(Timestamp)} NOT NULL,\n")
                .Append($"    \"is_current\" {dialect.Type(Boolean)} NOT NULL,\n");
        }

        sql.Append($"    \"_batch_at\" {dialect.Type(Timestamp)} NOT NULL\n)")
            .Append(TableOptions(plan.Layout, dialect))
            .Append(";\n");
        return sql.ToString();
    }

    private static string UnknownMember(DimensionPlan plan, SqlDialect dialect)
    {
        if (plan.UnknownMember.Count == 0) return string.Empty;
        var table = SqlDialect.Table(plan.Target);
        return "-- The unknown member: facts whose reference is missing or late point here instead of being dropped.\n"
            + $"INSERT INTO {table} ({string.Join(", ", plan.UnknownMember.Select(c => SqlDialect.Quote(c.Column)))})\n"
            + $"SELECT {string.Join(", ", plan.UnknownMember.Select(c => PlanSql.Constant(c.Value, dialect)))}\n"
            + $"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {SqlDialect.Quote(plan.SurrogateKey.Column)} = -1);\n";
    }

    private static string DimensionScript(NodeSpec node, SqlDialect dialect)
    {
        var plan = DimensionPlanBuilder.Build(node);
        return plan.Type2 ? DimensionType2Script(node, plan, dialect) : DimensionType1Script(node, plan, dialect);
    }

    private static string DimensionType1Script(NodeSpec node, DimensionPlan plan, SqlDialect dialect)
    {
        var table = SqlDialect.Table(plan.Target);
        var surrogate = SqlDialect.Quote(plan.SurrogateKey.Column);
        var changes = SqlDialect.Quote("__changes_" + node.Name);
        var sql = new StringBuilder(Header(node));
        sql.Append(DimensionTable(plan, dialect)).Append(UnknownMember(plan, dialect));
        var attributes = plan.Attributes;

        // Type 1: silver holds the latest row per key; insert new members, overwrite changed ones.
        sql.Append($"DROP TABLE IF EXISTS {changes};\nCREATE TEMPORARY TABLE {changes} AS\nSELECT\n");
        sql.Append($"    {PlanSql.SurrogateKey(plan.SurrogateKey, dialect, "s.")} AS {surrogate},\n");
        foreach (var column in attributes)
        {
            sql.Append($"    {PlanSql.Value(column.Value!, dialect, n => "s." + SqlDialect.Quote(n))} AS {SqlDialect.Quote(column.Name)},\n");
        }

        sql.Append($"    s.\"_batch_at\"\nFROM {SqlDialect.Table(plan.Upstream)} AS s;\n");
        var columnList = string.Join(", ", plan.Columns.Select(c => SqlDialect.Quote(c.Name)));
        var changed = string.Join("\n    OR ", attributes.Select(c => dialect.IsDistinct($"d.{SqlDialect.Quote(c.Name)}", $"c.{SqlDialect.Quote(c.Name)}")));
        sql.Append($"DELETE FROM {table}\nWHERE {surrogate} IN (\n")
            .Append($"    SELECT d.{surrogate} FROM {table} AS d JOIN {changes} AS c ON c.{surrogate} = d.{surrogate}\n")
            .Append($"    WHERE {changed});\n")
            .Append($"INSERT INTO {table} ({columnList}, \"_batch_at\")\n")
            .Append($"SELECT {string.Join(", ", plan.Columns.Select(c => "c." + SqlDialect.Quote(c.Name)))}, c.\"_batch_at\"\n")
            .Append($"FROM {changes} AS c\nWHERE NOT EXISTS (SELECT 1 FROM {table} AS d WHERE d.{surrogate} = c.{surrogate});\n")
            .Append($"DROP TABLE {changes};\n");
        return sql.ToString();
    }

    private static string DimensionType2Script(NodeSpec node, DimensionPlan plan, SqlDialect dialect)
    {
        var table = SqlDialect.Table(plan.Target);
        var bk = SqlDialect.Quote(plan.BusinessKey);
        var changes = SqlDialect.Quote("__changes_" + node.Name);
        var attributes = plan.Attributes;
        var sql = new StringBuilder(Header(node));
        sql.Append(DimensionTable(plan, dialect)).Append(UnknownMember(plan, dialect));

        sql.Append($"-- Type 2: a change in {string.Join(", ", plan.Tracked)} closes the current version and opens a new one.\n")
            .Append($"DROP TABLE IF EXISTS {changes};\nCREATE TEMPORARY TABLE {changes} AS\nSELECT\n");
        foreach (var column in attributes)
        {
            sql.Append($"    s.{SqlDialect.Quote(column.Name)},\n");
        }

        sql.Append($"    CASE WHEN d.{bk} IS NULL THEN {PlanSql.Constant(Constant.ValidFromStart, dialect)} ELSE {BatchAt} END AS \"valid_from\",\n")
            .Append("    s.\"_batch_at\"\nFROM (\n    SELECT\n");
        foreach (var column in attributes)
        {
            sql.Append($"        {PlanSql.Value(column.Value!, dialect, n => "u." + SqlDialect.Quote(n))} AS {SqlDialect.Quote(column.Name)},\n");
        }

        var historyChanged = plan.Tracked.Count == 0 ? "FALSE" : string.Join("\n    OR ", plan.Tracked.Select(c => dialect.IsDistinct($"d.{SqlDialect.Quote(c)}", $"s.{SqlDialect.Quote(c)}")));
        sql.Append($"        u.\"_batch_at\"\n    FROM {SqlDialect.Table(plan.Upstream)} AS u\n) AS s\n")
            .Append($"LEFT JOIN {table} AS d ON d.{bk} = s.{bk} AND d.\"is_current\"\n")
            .Append($"WHERE d.{bk} IS NULL\n    OR {historyChanged};\n");

        sql.Append($"UPDATE {table}\nSET \"valid_to\" = {BatchAt}, \"is_current\" = FALSE\n")
            .Append($"WHERE \"is_current\" AND {bk} IN (SELECT {bk} FROM {changes});\n");

        var columnList = string.Join(", ", plan.Columns.Select(c => SqlDialect.Quote(c.Name)));
        sql.Append($"INSERT INTO {table} ({columnList}, \"valid_from\", \"valid_to\", \"is_current\", \"_batch_at\")\nSELECT\n");
        foreach (var column in plan.Columns)
        {
            var value = column.Role == ColumnRole.SurrogateKey ? PlanSql.SurrogateKey(plan.SurrogateKey, dialect, "c.") : "c." + SqlDialect.Quote(column.Name);
            sql.Append($"    {value},\n");
        }

        sql.Append($"    c.\"valid_from\",\n    {PlanSql.Constant(Constant.ValidToEnd, dialect)},\n    TRUE,\n    c.\"_batch_at\"\nFROM {changes} AS c;\n");

        if (plan.Overwritten.Count > 0)
        {
            // Type-1 columns of a type-2 dimension: the latest value overwrites every version.
            sql.Append($"UPDATE {table}\nSET {string.Join(", ", plan.Overwritten.Select(c => $"{SqlDialect.Quote(c)} = s.{SqlDialect.Quote(c)}"))}\n")
                .Append("FROM (\n    SELECT\n");
            foreach (var column in plan.Overwritten.Concat(new[] { plan.BusinessKey }).Select(plan.Column))
            {
                sql.Append($"        {PlanSql.Value(column.Value!, dialect, n => "u." + SqlDialect.Quote(n))} AS {SqlDialect.Quote(column.Name)},\n");
            }

            sql.Append($"        1 AS \"__one\"\n    FROM {SqlDialect.Table(plan.Upstream)} AS u\n) AS s\n")
                .Append($"WHERE {table}.{bk} = s.{bk}\n    AND ({string.Join("\n    OR ", plan.Overwritten.Select(c => dialect.IsDistinct($"{table}.{SqlDialect.Quote(c)}", $"s.{SqlDialect.Quote(c)}")))});\n");
        }

        sql.Append($"DROP TABLE {changes};\n");
        return sql.ToString();
    }

    private static string FactScript(NodeSpec node, SqlDialect dialect)
    {
        var plan = FactPlanBuilder.Build(node);
        var table = SqlDialect.Table(plan.Target);
        var batch = SqlDialect.Quote("__batch_" + node.Name);
        var sql = new StringBuilder(Header(node));
        if (plan.Grain is { } grain)
        {
            sql.Append(Comment($"Grain: {grain.Description} ({string.Join(", ", grain.Columns)})."));
        }

        sql.Append($"CREATE TABLE IF NOT EXISTS {table} (\n");
        foreach (var column in plan.Columns)
        {
            sql.Append($"    {ColumnDefinition(column.Name, column.Type, column.Nullable, dialect)},\n");
        }

        sql.Append($"    \"_batch_at\" {dialect.Type(Timestamp)} NOT NULL\n)")
            .Append(TableOptions(plan.Layout, dialect))
            .Append(";\n");

        if (plan.Incremental == Incremental.FullRefresh)
        {
            sql.Append($"DELETE FROM {table};\n");
        }

        sql.Append($"DROP TABLE IF EXISTS {batch};\nCREATE TEMPORARY TABLE {batch} AS\nSELECT\n");
        foreach (var column in plan.Columns)
        {
            var value = column.Lookup is { } lookup
                ? $"COALESCE({SqlDialect.Quote(lookup.Alias)}.{SqlDialect.Quote(lookup.SurrogateKey)}, -1)"
                : PlanSql.Value(column.Value!, dialect, n => "s." + SqlDialect.Quote(n));
            sql.Append($"    {value} AS {SqlDialect.Quote(column.Name)},\n");
        }

        sql.Append("    s.\"_batch_at\"\n");
        if (plan.Incremental == Incremental.FullRefresh)
        {
            sql.Append($"FROM {SqlDialect.Table(plan.Upstream)} AS s\n");
        }
        else
        {
            // Pick the silver rows first, then look up their keys: filtered after the joins, every silver row of every
            // batch would be joined to every dimension on each run.
            sql.Append($"FROM (\n    SELECT *\n    FROM {SqlDialect.Table(plan.Upstream)} AS s\n")
                .Append("    -- Silver rows of the latest batch gold has seen, and newer ones: a rerun re-merges the same rows.\n")
                .Append($"    WHERE s.\"_batch_at\" >= (SELECT COALESCE(MAX(\"_batch_at\"), {PlanSql.Constant(Constant.ValidFromStart, dialect)}) FROM {table})")
                .Append(plan.Rekey is { } rekey ? PlanSql.Rekey(rekey, dialect, table, SqlDialect.Table, "        ") : string.Empty)
                .Append("\n) AS s\n");
        }

        foreach (var lookup in plan.Lookups)
        {
            sql.Append($"LEFT JOIN {SqlDialect.Table(lookup.Dimension)} AS {SqlDialect.Quote(lookup.Alias)}\n")
                .Append(PlanSql.LookupCondition(lookup, dialect, "s"));
        }

        sql.Length--; // the last line's newline: the statement ends there
        sql.Append(";\n");
        var grainColumns = plan.GrainColumns.Select(SqlDialect.Quote).ToList();
        if (plan.ReplacesGrain)
        {
            var tuple = grainColumns.Count == 1 ? grainColumns[0] : "(" + string.Join(", ", grainColumns) + ")";
            sql.Append($"DELETE FROM {table}\nWHERE {tuple} IN (SELECT {string.Join(", ", grainColumns)} FROM {batch});\n");
        }

        var columnList = string.Join(", ", plan.Columns.Select(c => SqlDialect.Quote(c.Name)));
        sql.Append($"INSERT INTO {table} ({columnList}, \"_batch_at\")\nSELECT {columnList}, \"_batch_at\"\nFROM {batch};\n")
            .Append($"DROP TABLE {batch};\n");
        return sql.ToString();
    }

    private static string SqlModelScript(NodeSpec node, SqlDialect dialect)
    {
        var view = new TableRef(node.Schema, node.Name);
        // The declared columns are the contract: cast the body's output to them, so a drifting query fails here.
        var select = "SELECT\n" + string.Join(",\n", node.Columns.Select(c => $"    {dialect.Cast("q." + SqlDialect.Quote(c.Name), c.Type)} AS {SqlDialect.Quote(c.Name)}"))
            + $"\nFROM (\n{Indent(RenderSql(node, dialect))}\n) AS q";
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

    /// <summary>The SQL body, rendered from its tree in <paramref name="dialect"/>, each typed reference as its quoted table name.</summary>
    public static string RenderSql(NodeSpec node, SqlDialect dialect) => SqlRenderer.Render(node, dialect, SqlDialect.Table);

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "    " + l));

    private static string TestQuery(NodeSpec node, TestSpec test, SqlDialect dialect)
    {
        var table = SqlDialect.Table(new TableRef(node.Schema, node.Name));
        var column = test.Columns.Count > 0 ? SqlDialect.Quote(test.Columns[0]) : string.Empty;
        var where = test.Where is null ? string.Empty : $" AND {test.Where}";
        var header = $"-- {test.Kind.Name()} test on {node.Id}({string.Join(", ", test.Columns)}), severity {(test.WarnOnly ? "warn" : "error")}: returns the failing rows.\n";
        return header + test.Kind switch
        {
            TestKind.NotNull => $"SELECT *\nFROM {table}\nWHERE {column} IS NULL{where};\n",
            TestKind.Unique => $"SELECT {string.Join(", ", test.Columns.Select(SqlDialect.Quote))}, COUNT(*) AS \"occurrences\"\nFROM {table}\n"
                + (test.Where is null ? string.Empty : $"WHERE {test.Where}\n")
                + $"GROUP BY {string.Join(", ", test.Columns.Select(SqlDialect.Quote))}\nHAVING COUNT(*) > 1;\n",
            TestKind.AcceptedValues => $"SELECT *\nFROM {table}\nWHERE {column} IS NOT NULL\n    AND {dialect.Cast(column, new SqlType(SqlTypeKind.Varchar, Length: 256))} NOT IN ({string.Join(", ", test.Values.Select(dialect.Literal))}){where};\n",
            TestKind.Range => $"SELECT *\nFROM {table}\nWHERE ({column} < {test.Min} OR {column} > {test.Max}){where};\n",
            TestKind.Relationships => $"SELECT c.*\nFROM {table} AS c\nLEFT JOIN {SqlDialect.Table(test.Related!)} AS p ON p.{SqlDialect.Quote(test.RelatedColumn!)} = c.{column}\n"
                + $"WHERE c.{column} IS NOT NULL AND p.{SqlDialect.Quote(test.RelatedColumn!)} IS NULL"
                + (test.Where is null ? string.Empty : " AND c." + test.Where) + ";\n",
            TestKind.KnownMember => $"-- Rows whose dimension member was missing or late: counted, never dropped.\nSELECT *\nFROM {table}\nWHERE {column} = -1;\n",
            _ => throw new InvalidOperationException("unknown test kind " + test.Kind),
        };
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    // The bookkeeping and quarantine columns' types, spelled by the dialect like every model column's.
    private static readonly SqlType Timestamp = new(SqlTypeKind.Timestamp);
    private static readonly SqlType BigInt = new(SqlTypeKind.BigInt);
    private static readonly SqlType Boolean = new(SqlTypeKind.Boolean);

    private static string Varchar(SqlDialect dialect, int length) => dialect.Type(new SqlType(SqlTypeKind.Varchar, length));
}
