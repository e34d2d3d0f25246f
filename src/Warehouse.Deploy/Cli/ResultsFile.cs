using System.Text.Json;
using Warehouse.Deploy.Execution;

namespace Warehouse.Deploy.Cli;

/// <summary>Writes warehouse/run_results.json for machines (CI, orchestrators).</summary>
public static class ResultsFile
{
    public const string FileName = "run_results.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Write(string outputDirectory, RunResults results)
    {
        Directory.CreateDirectory(outputDirectory);
        string path = Path.Combine(outputDirectory, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(results, Options));
        return path;
    }
}
