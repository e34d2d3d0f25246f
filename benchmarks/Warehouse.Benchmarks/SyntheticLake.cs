using System.Globalization;
using System.Text;
using Warehouse.Deploy;
using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Benchmarks;

/// <summary>
/// Writes a lake for the synthetic warehouse (<see cref="SyntheticModel"/>): one file per source, under the source's
/// prefix and named to match its file pattern, with the header and delimiter the manifest declares and R rows.
/// Every row passes staging and the tests, so a deploy measures the runner rather than quarantine: ids run 1..R in
/// every source, so a fact's reference to any dimension hits a member; amounts are non-negative, categories A-D,
/// scores 0-100, labels unique per source. Deterministic: the same manifest and R give the same bytes.
/// Unlike the runner's default generator (Lake/Synthetic), it writes no changes, duplicates or late members, so the
/// timings measure the runner alone; <c>deploy</c> generates only into a lake with no source file
/// (RunCommands.PrepareLake), so a lake written here is deployed as is.
/// </summary>
public static class SyntheticLake
{
    /// <returns>How many files were written.</returns>
    public static int Write(string artifactsDirectory, string lakeRoot, int rows)
    {
        var manifest = ManifestLoader.Load(new FolderArtifactSource(artifactsDirectory));
        int files = 0;
        foreach (var source in manifest.Sources)
        {
            WriteFile(lakeRoot, source, rows);
            files++;
        }

        return files;
    }

    private static void WriteFile(string lakeRoot, ManifestNode source, int rows)
    {
        var spec = source.Source!;
        if (spec.FilePattern.Contains('?', StringComparison.Ordinal))
            throw new InvalidOperationException($"{source.Id}: file pattern {spec.FilePattern} has a '?' (only '*' is expected)");
        // "ent0007*.csv" -> "ent0007.csv": '*' also matches nothing.
        string path = LakeLayout.FullPath(lakeRoot, spec.Prefix.TrimEnd('/') + "/" + spec.FilePattern.Replace("*", "", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // The columns the runner expects in a lake file, in order (the bronze columns without _source_file).
        var columns = CsvValidator.ExpectedColumns(source);
        string ownId = source.Name + "_id";
        string delimiter = spec.Delimiter;
        var text = new StringBuilder();
        if (spec.Header)
            text.Append(string.Join(delimiter, columns)).Append('\n');
        for (int row = 1; row <= rows; row++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                    text.Append(delimiter);
                text.Append(Value(source.Name, columns[c], ownId, row, rows));
            }

            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>A value of the synthetic model's columns (SyntheticModel.Source); any other column is a maker change to follow here.</summary>
    private static string Value(string source, string column, string ownId, int row, int rows)
    {
        string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
        return column switch
        {
            _ when column == ownId => Number(row),
            // A business key of a dimension the fact references: spread over that dimension's ids 1..R.
            _ when column.EndsWith("_id", StringComparison.Ordinal) => Number((((long)row * 7) % rows) + 1),
            // Unique among the dimension's members (its [Unique] test); initcap in staging keeps it unique.
            "label_text" => $"label {source} {Number(row)}",
            // Staging upper-cases it; the tests accept A-D.
            "category_code" => ((char)('a' + (row % 4))).ToString(),
            "amount_value" => (row % 100_000 * 1.25m).ToString("0.00", CultureInfo.InvariantCulture),
            "score_value" => Number(row % 101),
            // Nullable: every fifth row leaves it empty (NULL).
            "note_text" => row % 5 == 0 ? "" : $"note {Number(row)}",
            _ => throw new InvalidOperationException($"{source}: no value for column {column}; SyntheticLake follows SyntheticModel's columns"),
        };
    }
}
