using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Sql;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// The manifest's SQL for one dialect, read, variable-substituted and split up front so a missing file or an unknown
/// variable stops the run before any statement reaches the target.
/// </summary>
public sealed class WarehouseScripts
{
    private readonly IArtifactSource _artifacts;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly Dictionary<string, IReadOnlyList<string>> _rendered = new(StringComparer.Ordinal);

    public WarehouseScripts(WarehouseManifest manifest, IArtifactSource artifacts, string dialect, IReadOnlyDictionary<string, string> variables)
    {
        _artifacts = artifacts;
        _variables = variables;
        if (!manifest.Dialects.Contains(dialect, StringComparer.Ordinal) || !manifest.Setup.TryGetValue(dialect, out var setup))
            throw new WarehouseException(ExitCodes.BadInput,
                $"manifest: dialect '{dialect}' is not generated (dialects: {string.Join(", ", manifest.Dialects)})");
        Dialect = dialect;
        Setup = Render(setup);
        foreach (var node in manifest.Nodes)
            _rendered[node.Id] = Render(PathOf(node));
    }

    public string Dialect { get; }

    public IReadOnlyList<string> Setup { get; }

    public IReadOnlyList<string> Of(ManifestNode node) => _rendered[node.Id];

    private string PathOf(ManifestNode node) =>
        node.Sql is not null && node.Sql.TryGetValue(Dialect, out var path)
            ? path
            : throw new WarehouseException(ExitCodes.BadInput, $"manifest: node '{node.Id}' has no {Dialect} SQL");

    private IReadOnlyList<string> Render(string relativePath)
    {
        string script = _artifacts.Read(relativePath);
        return SqlScriptSplitter.Split(SqlVariables.Substitute(script, _variables, _artifacts.Describe(relativePath)));
    }
}
