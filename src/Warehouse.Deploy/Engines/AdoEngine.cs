using System.Data.Common;
using System.Globalization;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Engines;

/// <summary>What the engines share: they are ADO.NET providers on one connection, described by their registry entry.</summary>
public abstract class AdoEngine(EngineDefinition definition) : IWarehouseEngine
{
    private DbConnection? _connection;

    public string Dialect => definition.Dialect;

    public EngineCapabilities Capabilities => definition.Capabilities;

    /// <summary>The engine's name in messages (postgres, redshift, …).</summary>
    protected string Name => definition.Name;

    public abstract string Target { get; }

    protected DbConnection Connection => _connection ?? throw new InvalidOperationException("engine is not open");

    public async Task OpenAsync(CancellationToken cancellationToken) => _connection = await ConnectAsync(cancellationToken);

    protected abstract Task<DbConnection> ConnectAsync(CancellationToken cancellationToken);

    public abstract Task<IAsyncDisposable> AcquireDeployLockAsync(CancellationToken cancellationToken);

    public virtual string? HintFor(DbException error) => null;

    /// <summary>Overridden by the engines whose capabilities say they bulk-load bronze; a call to any other is a bug of the caller.</summary>
    public virtual Task<long> LoadSourceAsync(ManifestNode source, IReadOnlyList<string> files, string lakeRoot, ManifestBookkeeping bookkeeping, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{Name} does not bulk-load bronze ({nameof(EngineCapabilities.BulkLoadsBronze)} is false)");

    public async Task<DbTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        await Connection.BeginTransactionAsync(cancellationToken);

    public async Task ExecuteAsync(string sql, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<QueryResult> QueryAsync(string sql, DbTransaction? transaction, int keepRows, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<string>>();
        long total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (total++ < keepRows)
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Format(reader.GetValue(i))).ToList());
        }

        return new QueryResult(columns, rows, total);
    }

    public async Task<bool> RelationExistsAsync(string qualifiedName, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        int dot = qualifiedName.IndexOf('.', StringComparison.Ordinal);
        string exists = $"SELECT count(*) FROM information_schema.tables WHERE table_schema = {SqlLiteral.String(qualifiedName[..dot])} " +
                        $"AND table_name = {SqlLiteral.String(qualifiedName[(dot + 1)..])}";
        return Convert.ToInt64(await ScalarAsync(exists, transaction, cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    public async Task<IReadOnlyList<long>> CountRowsAsync(IReadOnlyList<string> qualifiedNames, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (qualifiedNames.Count == 0)
            return [];
        string sql = "SELECT " + string.Join(", ", qualifiedNames.Select(t => $"(SELECT count(*) FROM {SqlLiteral.QualifiedName(t)})"));
        var result = await QueryAsync(sql, transaction, 1, cancellationToken);
        return result.Rows[0].Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList();
    }

    public Task<IReadOnlyList<CatalogColumn>> ReadCatalogAsync(IReadOnlyCollection<string> schemas, CancellationToken cancellationToken) =>
        schemas.Count == 0
            ? Task.FromResult<IReadOnlyList<CatalogColumn>>([])
            : ReadColumnsWhereAsync($"c.table_schema IN ({string.Join(", ", schemas.Select(SqlLiteral.String))})", null, cancellationToken);

    public Task<IReadOnlyList<CatalogColumn>> ReadColumnsAsync(string qualifiedName, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        int dot = qualifiedName.IndexOf('.', StringComparison.Ordinal);
        return ReadColumnsWhereAsync($"c.table_schema = {SqlLiteral.String(qualifiedName[..dot])} AND c.table_name = {SqlLiteral.String(qualifiedName[(dot + 1)..])}",
            transaction, cancellationToken);
    }

    private async Task<IReadOnlyList<CatalogColumn>> ReadColumnsWhereAsync(string where, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        string sql = "SELECT c.table_schema, c.table_name, c.column_name, c.data_type, c.is_nullable, " +
                     "c.character_maximum_length, c.numeric_precision, c.numeric_scale, t.table_type FROM information_schema.columns AS c " +
                     "JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name " +
                     $"WHERE {where} ORDER BY c.table_schema, c.table_name, c.ordinal_position";
        var result = await QueryAsync(sql, transaction, int.MaxValue, cancellationToken);
        return result.Rows.Select(r => new CatalogColumn(r[0], r[1], r[2], r[3], r[4] == "YES", Number(r[5]), Number(r[6]), Number(r[7]),
            r[8] == "VIEW")).ToList();
    }

    /// <summary>How lock messages show when the holder started.</summary>
    protected static string FormatTime(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A catalog number as <see cref="QueryAsync"/> formats it; NULL (no length, no precision) is null.</summary>
    private static int? Number(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number) ? number : null;

    protected async Task<object?> ScalarAsync(string sql, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql, transaction);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private DbCommand CreateCommand(string sql, DbTransaction? transaction)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        return command;
    }

    private static string Format(object value) => value switch
    {
        DBNull => "NULL",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
