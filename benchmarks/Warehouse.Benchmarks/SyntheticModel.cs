using System.Globalization;
using System.Text;

namespace Warehouse.Benchmarks;

/// <summary>One generated model record: its file, the record's table id and the ids it reads from.</summary>
public sealed record SyntheticRecord(string FileName, string Text, string Id, IReadOnlyList<string> Upstream);

/// <summary>A one-record edit: the text <paramref name="From"/> in the record at <paramref name="FileName"/> becomes <paramref name="To"/>.</summary>
public sealed record SyntheticEdit(string Name, string FileName, string Id, string From, string To)
{
    /// <summary>The record's text after the edit; throws when <see cref="From"/> is not in it exactly once (a stale edit would time nothing).</summary>
    public string Apply(string text)
    {
        int at = text.IndexOf(From, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(From, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"edit '{Name}': '{From}' is not in {FileName} exactly once");
        return string.Concat(text.AsSpan(0, at), To, text.AsSpan(at + From.Length));
    }
}

/// <summary>
/// Makes a warehouse of N model records as C# source text, one file per record, shaped like the Banking sample:
/// chains of source → staging → dimension or fact, where every third chain ends in a fact that references up to
/// four earlier dimensions (so its source and staging carry those business keys). Records have descriptions,
/// rules, derived columns, column tests (accepted values, range, unique), and every sixth dimension is type 2.
/// Left-over records (N not a multiple of 3) are extra sources. Deterministic: the same N gives the same text.
/// </summary>
public sealed class SyntheticModel
{
    private SyntheticModel(IReadOnlyList<SyntheticRecord> records, SyntheticEdit scdTypeEdit, SyntheticEdit descriptionEdit, SyntheticEdit addColumnEdit)
    {
        Records = records;
        ScdTypeEdit = scdTypeEdit;
        DescriptionEdit = descriptionEdit;
        AddColumnEdit = addColumnEdit;
    }

    public IReadOnlyList<SyntheticRecord> Records { get; }

    /// <summary>The incremental benchmark's edit: one dimension that facts reference goes from type 1 to type 2.</summary>
    public SyntheticEdit ScdTypeEdit { get; }

    /// <summary>The same dimension's [Description] text changes (issue 10: the smallest edit a user makes).</summary>
    public SyntheticEdit DescriptionEdit { get; }

    /// <summary>The same dimension gains a derived column (issue 10: an edit that changes its table).</summary>
    public SyntheticEdit AddColumnEdit { get; }

    /// <summary>All three edits; they touch the same record, so <see cref="DependantsOfEdit"/> bounds what each re-renders.</summary>
    public IReadOnlyList<SyntheticEdit> Edits => new[] { ScdTypeEdit, DescriptionEdit, AddColumnEdit };

    // The callers from before the three edits (harness, checks, stage profile) read the type-2 edit through these.

    /// <summary>The file of the dimension the edits change.</summary>
    public string EditedFile => ScdTypeEdit.FileName;

    public string EditedId => ScdTypeEdit.Id;

    public string EditFrom => ScdTypeEdit.From;

    public string EditTo => ScdTypeEdit.To;

    public string EditedText => TextAfter(ScdTypeEdit);

    /// <summary>The edited record's whole text after <paramref name="edit"/>.</summary>
    public string TextAfter(SyntheticEdit edit) => edit.Apply(Records.Single(r => r.FileName == edit.FileName).Text);

    /// <summary>The edited record and every record downstream of it (transitively).</summary>
    public IReadOnlySet<string> DependantsOfEdit()
    {
        var downstream = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var record in Records)
        {
            foreach (var up in record.Upstream)
            {
                if (!downstream.TryGetValue(up, out var list)) downstream[up] = list = new List<string>();
                list.Add(record.Id);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { EditedId };
        var queue = new Queue<string>(seen);
        while (queue.Count > 0)
        {
            foreach (var next in downstream.GetValueOrDefault(queue.Dequeue()) ?? new List<string>())
            {
                if (seen.Add(next)) queue.Enqueue(next);
            }
        }

        return seen;
    }

    public static SyntheticModel Create(int models)
    {
        if (models < 3) throw new ArgumentOutOfRangeException(nameof(models), "at least one chain (3 models)");
        var records = new List<SyntheticRecord>();
        int chains = models / 3;
        var dimensions = new List<int>();
        int? edited = null;
        for (int i = 0; i < chains; i++)
        {
            bool isFact = i % 3 == 2;
            var referenced = isFact ? References(i, dimensions) : new List<int>();
            records.Add(Source(i, referenced));
            records.Add(Staging(i, referenced));
            if (isFact)
            {
                records.Add(Fact(i, referenced));
            }
            else
            {
                records.Add(Dimension(i));
                dimensions.Add(i);
            }
        }

        for (int extra = 0; extra < models - (3 * chains); extra++)
        {
            records.Add(Source(chains + extra, new List<int>()));
        }

        // Edit a type-1 dimension in the middle that facts reference: making it type 2 changes their lookups too.
        var referencedDims = records.Where(r => r.Id.StartsWith("gold.fact_", StringComparison.Ordinal))
            .SelectMany(r => r.Upstream).Where(u => u.StartsWith("gold.dim_", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        foreach (var i in dimensions.OrderBy(d => Math.Abs(d - (chains / 2))))
        {
            if (!IsType2(i) && referencedDims.Contains($"gold.dim_{E(i).ToLowerInvariant()}"))
            {
                edited = i;
                break;
            }
        }

        edited ??= dimensions.First(d => !IsType2(d));
        string e = E(edited.Value);
        string file = $"Gold/Dim{e}.cs", id = $"gold.dim_{e.ToLowerInvariant()}";
        return new SyntheticModel(
            records,
            new SyntheticEdit("scd-type", file, id, $"[Dimension(typeof(Silver.Stg{e}))]", $"[Dimension(typeof(Silver.Stg{e}), Scd = ScdType.Type2)]"),
            new SyntheticEdit("description", file, id, $"[Description(\"The {e} dimension.\")]", $"[Description(\"The {e} dimension, as the business sees it.\")]"),
            // Derived: a dimension column without an upstream column of its name must be computed (WH0015).
            new SyntheticEdit("add-column", file, id, NoteTextColumn,
                NoteTextColumn + Environment.NewLine + "    [MaxLength(10), Derived(\"lower(category_code)\")] public required string CategoryLower { get; init; }"));
    }

    private const string NoteTextColumn = "    [MaxLength(200)] public string? NoteText { get; init; }";

    private static string E(int i) => "Ent" + i.ToString("D4", CultureInfo.InvariantCulture);

    private static bool IsType2(int i) => i % 6 == 0;

    /// <summary>Up to four distinct earlier dimensions, spread over the model.</summary>
    private static List<int> References(int i, List<int> dimensions)
    {
        if (dimensions.Count == 0) return new List<int>();
        var picks = new[] { dimensions.Count - 1, dimensions.Count - 2, dimensions.Count / 2, (i * 7) % dimensions.Count }
            .Where(p => p >= 0).Select(p => dimensions[p]).Distinct().Take(4).ToList();
        return picks;
    }

    private static SyntheticRecord Source(int i, List<int> referenced)
    {
        string e = E(i);
        var b = Header("Bronze");
        b.AppendLine(CultureInfo.InvariantCulture, $"[Source(\"landing/{e.ToLowerInvariant()}/\", FilePattern = \"{e.ToLowerInvariant()}*.csv\", Delimiter = '|')]");
        b.AppendLine(CultureInfo.InvariantCulture, $"[Description(\"Raw {e} records as the upstream system delivers them.\")]");
        b.AppendLine(CultureInfo.InvariantCulture, $"public sealed record {e}");
        b.AppendLine("{");
        b.AppendLine(CultureInfo.InvariantCulture, $"    public long {e}Id {{ get; init; }}");
        foreach (var r in referenced) b.AppendLine(CultureInfo.InvariantCulture, $"    public long {E(r)}Id {{ get; init; }}");
        b.AppendLine("    [MaxLength(100)] public required string LabelText { get; init; }");
        b.AppendLine("    [MaxLength(10)] public required string CategoryCode { get; init; }");
        b.AppendLine("    [Precision(18, 2)] public decimal AmountValue { get; init; }");
        b.AppendLine("    public int ScoreValue { get; init; }");
        b.AppendLine("    [MaxLength(200)] public string? NoteText { get; init; }");
        b.AppendLine("}");
        return new SyntheticRecord($"Bronze/{e}.cs", b.ToString(), $"bronze.{e.ToLowerInvariant()}", Array.Empty<string>());
    }

    private static SyntheticRecord Staging(int i, List<int> referenced)
    {
        string e = E(i);
        var b = Header("Silver");
        b.AppendLine(CultureInfo.InvariantCulture, $"[Staging(typeof(Bronze.{e}), Key = nameof({e}Id))]");
        b.AppendLine(CultureInfo.InvariantCulture, $"[Rule(\"non_negative_amount_{i}\", \"amount_value >= 0\", \"an amount cannot be negative\")]");
        b.AppendLine(CultureInfo.InvariantCulture, $"[Description(\"{e}, cleansed and de-duplicated on its id.\")]");
        b.AppendLine(CultureInfo.InvariantCulture, $"public sealed record Stg{e}");
        b.AppendLine("{");
        b.AppendLine(CultureInfo.InvariantCulture, $"    public long {e}Id {{ get; init; }}");
        foreach (var r in referenced) b.AppendLine(CultureInfo.InvariantCulture, $"    public long {E(r)}Id {{ get; init; }}");
        b.AppendLine("    [MaxLength(100), Derived(\"initcap(label_text)\")] public required string LabelText { get; init; }");
        b.AppendLine("    [MaxLength(10), Derived(\"upper(category_code)\")] public required string CategoryCode { get; init; }");
        b.AppendLine("    [Precision(18, 2)] public decimal AmountValue { get; init; }");
        b.AppendLine("    public int ScoreValue { get; init; }");
        b.AppendLine("    [MaxLength(200)] public string? NoteText { get; init; }");
        b.AppendLine("}");
        return new SyntheticRecord($"Silver/Stg{e}.cs", b.ToString(), $"silver.stg_{e.ToLowerInvariant()}", new[] { $"bronze.{e.ToLowerInvariant()}" });
    }

    private static SyntheticRecord Dimension(int i)
    {
        string e = E(i);
        var b = Header("Gold");
        b.AppendLine(IsType2(i)
            ? $"[Dimension(typeof(Silver.Stg{e}), Scd = ScdType.Type2)]"
            : $"[Dimension(typeof(Silver.Stg{e}))]");
        b.AppendLine(CultureInfo.InvariantCulture, $"[Description(\"The {e} dimension.\")]");
        b.AppendLine(CultureInfo.InvariantCulture, $"public sealed record Dim{e}");
        b.AppendLine("{");
        b.AppendLine(CultureInfo.InvariantCulture, $"    [SurrogateKey] public long {e}Key {{ get; init; }}");
        b.AppendLine(CultureInfo.InvariantCulture, $"    [BusinessKey] public long {e}Id {{ get; init; }}");
        b.AppendLine("    [MaxLength(100), Unique, Description(\"The display label; unique among current members.\")] public required string LabelText { get; init; }");
        b.AppendLine("    [MaxLength(10), AcceptedValues(\"A\", \"B\", \"C\", \"D\")] public required string CategoryCode { get; init; }");
        b.AppendLine(IsType2(i) ? "    [Precision(18, 2), History] public decimal AmountValue { get; init; }" : "    [Precision(18, 2)] public decimal AmountValue { get; init; }");
        b.AppendLine("    [Range(0, 100)] public int ScoreValue { get; init; }");
        b.AppendLine(NoteTextColumn);
        b.AppendLine("}");
        return new SyntheticRecord($"Gold/Dim{e}.cs", b.ToString(), $"gold.dim_{e.ToLowerInvariant()}", new[] { $"silver.stg_{e.ToLowerInvariant()}" });
    }

    private static SyntheticRecord Fact(int i, List<int> referenced)
    {
        string e = E(i);
        var b = Header("Gold");
        b.AppendLine(CultureInfo.InvariantCulture, $"[Fact(typeof(Silver.Stg{e}))]");
        b.AppendLine(CultureInfo.InvariantCulture, $"[Grain(\"One row per {e} event.\", nameof({e}Id))]");
        b.AppendLine(CultureInfo.InvariantCulture, $"[Description(\"{e} events with their dimensions.\")]");
        b.AppendLine(CultureInfo.InvariantCulture, $"public sealed record Fact{e}");
        b.AppendLine("{");
        b.AppendLine(CultureInfo.InvariantCulture, $"    [DegenerateKey] public long {e}Id {{ get; init; }}");
        foreach (var r in referenced) b.AppendLine(CultureInfo.InvariantCulture, $"    [References(typeof(Dim{E(r)}))] public long {E(r)}Key {{ get; init; }}");
        b.AppendLine("    [Measure(Additivity.Additive), Precision(18, 2)] public decimal AmountValue { get; init; }");
        b.AppendLine("    [Measure(Additivity.NonAdditive), Range(0, 100)] public int ScoreValue { get; init; }");
        b.AppendLine("    [MaxLength(10), AcceptedValues(\"A\", \"B\", \"C\", \"D\")] public required string CategoryCode { get; init; }");
        b.AppendLine("}");
        var upstream = new[] { $"silver.stg_{e.ToLowerInvariant()}" }.Concat(referenced.Select(r => $"gold.dim_{E(r).ToLowerInvariant()}")).ToList();
        return new SyntheticRecord($"Gold/Fact{e}.cs", b.ToString(), $"gold.fact_{e.ToLowerInvariant()}", upstream);
    }

    private static StringBuilder Header(string layer)
    {
        var b = new StringBuilder();
        b.AppendLine("using System;");
        b.AppendLine("using Warehouse.Model;");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"namespace Bench.{layer};");
        b.AppendLine();
        return b;
    }
}
