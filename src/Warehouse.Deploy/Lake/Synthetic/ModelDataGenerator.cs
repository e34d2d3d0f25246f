using System.Globalization;
using Bogus;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Lake.Synthetic;

/// <summary>
/// The runner's default data generator, for a model that registers none: it works only from manifest.json (each
/// source's columns, types and nullability, the tests downstream of it, the relationships of
/// <see cref="ModelRelationships"/>) and writes one file per source and batch under the source's prefix, named to
/// match its file_pattern, with its delimiter and header.
/// </summary>
public sealed class ModelDataGenerator : ILakeDataGenerator
{
    /// <summary>The share of a fact's references that name a member the next batch delivers (late-arriving).</summary>
    public double LateMemberRate { get; init; } = 0.02;

    public string Description =>
        "rows made from the manifest (types, tests, relationships, Bogus text by column name): 100 × --scale members " +
        "per dimension, 1,000 × --scale events per fact; --batch N >= 2 adds changed and new members, new events and duplicates";

    public bool WritesBadRows => true;

    public IReadOnlyList<string> Generate(LakeGenerationRequest request, IProgress<GenerationProgress>? progress = null)
    {
        var sizes = GenerationSizes.For(request.Scale);
        // Every file is named and placed before the first is written, so a source that cannot take this batch
        // (a single-file pattern) fails the run with an untouched lake. A file goes under its own source's prefix:
        // matching its name against every source's pattern would make overlapping patterns (a `*.csv` beside an
        // `orders_*.csv`) ambiguous, though the generator knows whose file it writes.
        var planned = new List<(SourcePlan Source, IReadOnlyList<PlannedRow> Rows, string Relative)>();
        foreach (var source in ModelRelationships.Plan(request.Manifest))
        {
            var random = new Randomizer(Seeds.Of(request.Seed, source.Id, -1, request.Batch));
            var rows = BatchContents.Of(source, request.Batch, sizes, random, request.BadRowRate);
            if (rows.Count > 0)
                planned.Add((source, rows, LakeLayout.RelativePathOf(source.Node.Source!, FileName(source, request.Batch))));
        }

        foreach (var (source, rows, relative) in planned)
            Write(request, source, sizes, rows, relative, progress);
        return planned.Select(p => p.Relative).ToList();
    }

    /// <summary>The file_pattern with its '*' as the batch (<c>orders*.csv</c> → <c>orders_0001.csv</c>), each '?' a '0'.</summary>
    public static string FileName(SourcePlan source, int batch)
    {
        string pattern = source.Node.Source!.FilePattern;
        if (!pattern.Contains('*', StringComparison.Ordinal) && batch > 1)
            throw new WarehouseException(ExitCodes.BadInput,
                $"{source.Id}: its file_pattern {pattern} names a single file, so batch {batch} cannot be written beside batch 1 (give the pattern a '*')");
        int star = pattern.IndexOf('*', StringComparison.Ordinal);
        string named = star < 0
            ? pattern
            : string.Concat(pattern.AsSpan(0, star), string.Create(CultureInfo.InvariantCulture, $"_{batch:D4}"),
                pattern[(star + 1)..].Replace("*", "", StringComparison.Ordinal));
        return named.Replace('?', '0');
    }

    private void Write(LakeGenerationRequest request, SourcePlan source, GenerationSizes sizes, IReadOnlyList<PlannedRow> rows,
        string relative, IProgress<GenerationProgress>? progress)
    {
        var spec = source.Node.Source!;
        var faker = new Faker("en");
        var bad = BadRows.ColumnOf(source);
        using var writer = new DelimitedWriter(LakeLayout.FullPath(request.LakeRoot, relative), spec.Delimiter[0]);
        if (spec.Header)
            writer.WriteRecord(CsvValidator.ExpectedColumns(source.Node));
        for (int i = 0; i < rows.Count; i++)
        {
            writer.WriteRecord(Values(request, source, sizes, rows[i], faker, bad));
            if ((i + 1) % 1_000 == 0 || i == rows.Count - 1)
                progress?.Report(new GenerationProgress(relative, i + 1, rows.Count));
        }

        writer.Commit();
    }

    private string[] Values(LakeGenerationRequest request, SourcePlan source, GenerationSizes sizes, PlannedRow planned, Faker faker,
        (ColumnPlan Column, string Rule)? bad)
    {
        var row = new GeneratedRow(source, planned.Id, request.Batch, sizes, LateMemberRate);
        var values = RowValues(request.Seed, row, 0, faker);
        if (planned.Version > 0)
        {
            var changed = RowValues(request.Seed, row, planned.Version, faker);
            for (int c = 0; c < values.Length; c++)
            {
                if (source.Columns[c].MayChange)
                    values[c] = changed[c];
            }
        }

        if (planned.Kind == RowKind.Bad && bad is { } broken)
            values[source.Columns.ToList().IndexOf(broken.Column)] = BadRows.ValueFor(broken.Column);
        return values;
    }

    /// <summary>A row's values at one version: one random stream per (seed, source, id, version), column by column.</summary>
    private static string[] RowValues(int seed, GeneratedRow row, int version, Faker faker)
    {
        faker.Random = new Randomizer(Seeds.Of(seed, row.Source.Id, row.Id, version));
        var values = new string[row.Source.Columns.Count];
        for (int c = 0; c < values.Length; c++)
            values[c] = ColumnValues.Value(row.Source.Columns[c], row, faker);
        return values;
    }
}

/// <summary>Stable seeds (unlike string.GetHashCode, the same in every process): FNV-1a over the source id, mixed with the numbers.</summary>
internal static class Seeds
{
    public static int Of(int seed, string source, long id, int version)
    {
        ulong hash = 14695981039346656037;
        foreach (char ch in source)
            hash = (hash ^ ch) * 1099511628211;
        hash ^= (ulong)(uint)seed * 0x9E3779B97F4A7C15;
        hash = Mix(hash ^ (ulong)id);
        hash = Mix(hash ^ (ulong)(uint)version);
        return (int)(hash ^ (hash >> 32));
    }

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
