using System.Text.Json.Serialization;

namespace Warehouse.Deploy.Execution;

/// <summary>One node of a run. Counts are null where the engine cannot know them (views, DuckDB bronze).</summary>
public sealed record NodeResult(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("rows_loaded")] long? RowsLoaded,
    [property: JsonPropertyName("rows_before")] long? RowsBefore,
    [property: JsonPropertyName("rows_after")] long? RowsAfter,
    [property: JsonPropertyName("quarantined")] long? Quarantined,
    [property: JsonPropertyName("duration_ms")] long DurationMs)
{
    [JsonPropertyName("rows_added")]
    public long? RowsAdded => RowsAfter - (RowsBefore ?? 0);
}

/// <summary>One test: its query's failing rows, with the first few kept for the report.</summary>
public sealed record TestResult(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("attached_to")] string? AttachedTo,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("failures")] long Failures,
    [property: JsonPropertyName("duration_ms")] long DurationMs,
    [property: JsonPropertyName("columns")] IReadOnlyList<string> Columns,
    [property: JsonPropertyName("sample")] IReadOnlyList<IReadOnlyList<string>> Sample)
{
    public const string Passed = "pass";
    public const string Failed = "fail";
    public const string Warned = "warn";
}

/// <summary>What <c>warehouse/run_results.json</c> holds: the machine-readable record of the last run.</summary>
public sealed record RunResults(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("started_at")] DateTime StartedAt,
    [property: JsonPropertyName("finished_at")] DateTime FinishedAt,
    [property: JsonPropertyName("batch_at")] string BatchAt,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("exit_code")] int ExitCode,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("nodes")] IReadOnlyList<NodeResult> Nodes,
    [property: JsonPropertyName("tests")] IReadOnlyList<TestResult> Tests,
    [property: JsonPropertyName("selected")] string? Selected = null);
