using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Sql;

/// <summary>
/// The state the scripts and the runner share in the target: the tables of the bookkeeping schema and the columns
/// the scripts add to every table. <c>_setup.sql</c> creates the tables the scripts and the bulk loader use, and the
/// manifest's <c>bookkeeping</c> block names all of them, so the runner reads these names from the manifest instead
/// of keeping copies (docs/manifest.md).
/// </summary>
internal static class Bookkeeping
{
    public const string Schema = "_warehouse";

    /// <summary>The lake files each staging node has processed, with their row counts (written by the staging scripts).</summary>
    public static readonly TableRef ProcessedFiles = new(Schema, "processed_files");

    /// <summary>The lake files the runner has bulk-loaded into bronze tables (<see cref="Dialects.BronzeAccess.LoadedByRunner"/>).</summary>
    public static readonly TableRef LoadedFiles = new(Schema, "loaded_files");

    /// <summary>
    /// Lake rows no engine loads because they are not valid UTF-8, with file, line and column; the runner creates and
    /// writes it (docs/bronze-casts.md).
    /// </summary>
    public static readonly TableRef RejectedRows = new(Schema, "rejected_rows");

    /// <summary>The runner's record of its runs, which it creates and writes itself (read by <c>status</c>).</summary>
    public static readonly TableRef RunHistory = new(Schema, "deploy_runs");

    /// <summary>
    /// The runner's record of what each deployed node was built with (checksums, columns, SQL), written in the node's
    /// own transaction; <c>plan</c> compares the compiled model with it.
    /// </summary>
    public static readonly TableRef NodeState = new(Schema, "node_state");

    /// <summary>The bronze and silver column holding the lake file a row came from, relative to the lake root.</summary>
    public const string SourceFile = "_source_file";

    /// <summary>
    /// The bronze column holding a row's position among the records its lake file delivered (1 = the first after the
    /// header), so staging keeps a key's latest row: the last file, then the last row (docs/bronze-casts.md).
    /// </summary>
    public const string SourceRow = "_source_row";

    /// <summary>When the run that wrote a row started (the <c>batch_at</c> variable).</summary>
    public const string BatchAt = "_batch_at";

    public const string QuarantineRule = "_rule";

    public const string QuarantineReason = "_reason";

    /// <summary>Every column the scripts add beside the model's own, sorted: no model declares them, so a plan ignores them.</summary>
    public static readonly string[] Columns = { BatchAt, QuarantineReason, QuarantineRule, SourceFile, SourceRow };
}
