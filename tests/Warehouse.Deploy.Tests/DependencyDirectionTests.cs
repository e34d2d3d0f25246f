using System.Text.RegularExpressions;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Targets;
using Warehouse.Testing;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// The runner's rooms depend one way: the command line on targets and engines, never the reverse, and only engines know
/// which engine they are. A source scan of the checkout, so a reintroduced cycle or name check fails here.
/// </summary>
public sealed partial class DependencyDirectionTests
{
    private static readonly string Runner = Path.Combine(Repository.Root, "src", "Warehouse.Deploy");

    [GeneratedRegex(@"\bWarehouse\.Deploy\.Cli\b")]
    private static partial Regex CliNamespace();

    [Theory]
    [InlineData("Targets")]
    [InlineData("Engines")]
    public void Targets_and_engines_never_use_the_command_line(string folder)
    {
        var files = SourceFiles(folder);
        Assert.NotEmpty(files);
        var offending = files.Where(f => CliNamespace().IsMatch(File.ReadAllText(f))).Select(Relative).ToList();
        Assert.True(offending.Count == 0, $"these files use Warehouse.Deploy.Cli (the command line depends on them, not the reverse): {string.Join(", ", offending)}");
    }

    [Theory]
    [InlineData("Cli")]
    [InlineData("Execution")]
    public void No_engine_or_target_is_named_outside_its_folder(string folder)
    {
        var names = EngineRegistry.All.Select(e => e.Name).Concat(DeployTargets.Create().Select(t => t.Name));
        var literal = new Regex("\"(" + string.Join('|', names.Select(Regex.Escape)) + ")\"", RegexOptions.IgnoreCase);
        var files = SourceFiles(folder);
        Assert.NotEmpty(files);
        var offending = files.SelectMany(f => literal.Matches(File.ReadAllText(f)).Select(m => $"{Relative(f)}: {m.Value}")).ToList();
        Assert.True(offending.Count == 0, $"switch on EngineCapabilities or the registries instead of a name: {string.Join(", ", offending)}");
    }

    private static List<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Runner, folder), "*.cs", SearchOption.AllDirectories).ToList();

    private static string Relative(string path) => Path.GetRelativePath(Runner, path).Replace('\\', '/');
}
