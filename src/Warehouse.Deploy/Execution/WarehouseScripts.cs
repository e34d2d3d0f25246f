using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Sql;
using Warehouse.Generators.Emitters.Escaping;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// The manifest's SQL for one dialect, read, variable-substituted and split up front so a missing file or an unknown
/// variable stops the run before any statement reaches the target. A script that uses <c>{{processed_files}}</c>
/// (DuckDB staging) is checked up front too, but rendered when its node runs: the value is read from the target then.
/// </summary>
public sealed class WarehouseScripts
{
    /// <summary>The files a staging node has already processed (its rows in _warehouse.processed_files), one per line.</summary>
    public const string ProcessedFilesVariable = "processed_files";

    private readonly IArtifactSource _artifacts;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly Dictionary<string, IReadOnlyList<string>> _rendered = new(StringComparer.Ordinal);
    // Scripts rendered when their node runs, by node id: their path and text (read once, up front).
    private readonly Dictionary<string, (string Path, string Script)> _perRun = new(StringComparer.Ordinal);
    // Every node's script as the manifest's file holds it, before substitution: what the node state records.
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

    public WarehouseScripts(WarehouseManifest manifest, IArtifactSource artifacts, string dialect, IReadOnlyDictionary<string, string> variables)
    {
        _artifacts = artifacts;
        _variables = variables;
        if (!manifest.Dialects.Contains(dialect, StringComparer.Ordinal) || !manifest.Setup.TryGetValue(dialect, out var setup))
            throw new WarehouseException(ExitCodes.BadInput,
                $"manifest: dialect '{dialect}' is not generated (dialects: {string.Join(", ", manifest.Dialects)})");
        Dialect = dialect;
        // The manifest lists what the dialect's scripts use: a variable this runner does not supply (a manifest
        // from a newer compiler) stops the run here, naming it, before any file is read.
        var missing = (manifest.Variables.GetValueOrDefault(dialect) ?? [])
            .Where(v => v != ProcessedFilesVariable && v != RunnerText.BraceVariable && !variables.ContainsKey(v)).ToList();
        if (missing.Count > 0)
            throw new WarehouseException(ExitCodes.BadInput,
                $"manifest: the {dialect} scripts use {string.Join(", ", missing.Select(v => $"{{{{{v}}}}}"))}, which this runner does not supply " +
                $"(it supplies {string.Join(", ", variables.Keys.Append(ProcessedFilesVariable).Order(StringComparer.Ordinal))})");
        Setup = Render(setup, _artifacts.Read(setup), _variables);
        foreach (var node in manifest.Nodes)
        {
            string path = PathOf(node);
            string script = _artifacts.Read(path);
            _sources[node.Id] = script;
            if (SqlVariables.Uses(script, ProcessedFilesVariable))
            {
                _perRun[node.Id] = (path, script);
                Render(path, script, WithProcessedFiles([]));
            }
            else
            {
                _rendered[node.Id] = Render(path, script, _variables);
            }
        }
    }

    public string Dialect { get; }

    public IReadOnlyList<string> Setup { get; }

    /// <summary>Whether the node's script needs <see cref="ProcessedFilesVariable"/> (pass it to <see cref="Of"/>).</summary>
    public bool NeedsProcessedFiles(ManifestNode node) => _perRun.ContainsKey(node.Id);

    public IReadOnlyList<string> Of(ManifestNode node, IReadOnlyCollection<string>? processedFiles = null)
    {
        if (!_perRun.TryGetValue(node.Id, out var perRun))
            return _rendered[node.Id];
        if (processedFiles is null)
            throw new InvalidOperationException($"{node.Id}: its script needs the node's processed files");
        return Render(perRun.Path, perRun.Script, WithProcessedFiles(processedFiles));
    }

    /// <summary>The node's script before substitution (its <c>{{variables}}</c> as written): what <c>plan --diff</c> compares.</summary>
    public string SourceOf(ManifestNode node) => _sources[node.Id];

    private Dictionary<string, string> WithProcessedFiles(IReadOnlyCollection<string> files) =>
        new(_variables, StringComparer.Ordinal) { [ProcessedFilesVariable] = string.Join('\n', files) };

    private string PathOf(ManifestNode node) =>
        node.Sql is not null && node.Sql.TryGetValue(Dialect, out var path)
            ? path
            : throw new WarehouseException(ExitCodes.BadInput, $"manifest: node '{node.Id}' has no {Dialect} SQL");

    private IReadOnlyList<string> Render(string relativePath, string script, IReadOnlyDictionary<string, string> variables) =>
        SqlScriptSplitter.Split(SqlVariables.Substitute(script, variables, _artifacts.Describe(relativePath)));
}
