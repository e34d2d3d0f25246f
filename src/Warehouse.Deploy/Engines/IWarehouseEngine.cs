using System.Data.Common;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Engines;

/// <summary>A column as the target's information_schema reports it.</summary>
/// <remarks>
/// <see cref="Length"/> is information_schema's character_maximum_length, <see cref="Precision"/> and
/// <see cref="Scale"/> its numeric_precision and numeric_scale; null where the engine reports none (DuckDB keeps no
/// VARCHAR length). <see cref="InView"/>: the relation is a view (information_schema.tables' table_type), not a table.
/// </remarks>
public sealed record CatalogColumn(string Schema, string Table, string Column, string DataType, bool Nullable,
    int? Length = null, int? Precision = null, int? Scale = null, bool InView = false);

/// <summary>The first rows of a query and how many rows it returned in all.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, long TotalRows);

/// <summary>One database the warehouse deploys to. Connection and lock failures surface as <see cref="WarehouseException"/>.</summary>
public interface IWarehouseEngine : IAsyncDisposable
{
    /// <summary>The manifest dialect key whose SQL this engine runs (its <see cref="EngineDefinition.Dialect"/>).</summary>
    string Dialect { get; }

    /// <summary>What the run flows may ask of it beyond SQL (its <see cref="EngineDefinition.Capabilities"/>).</summary>
    EngineCapabilities Capabilities { get; }

    /// <summary>Where it deploys, for messages; never contains a password.</summary>
    string Target { get; }

    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>Holds the deploy lock until disposed; throws exit code 4 with who holds it since when. Only when <see cref="EngineCapabilities.LocksDeploys"/>.</summary>
    Task<IAsyncDisposable> AcquireDeployLockAsync(CancellationToken cancellationToken);

    Task<DbTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    Task ExecuteAsync(string sql, DbTransaction? transaction, CancellationToken cancellationToken);

    Task<QueryResult> QueryAsync(string sql, DbTransaction? transaction, int keepRows, CancellationToken cancellationToken);

    /// <summary>Whether a table or view exists.</summary>
    Task<bool> RelationExistsAsync(string qualifiedName, DbTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Row counts of existing tables, in one query (one round trip however many tables).</summary>
    Task<IReadOnlyList<long>> CountRowsAsync(IReadOnlyList<string> qualifiedNames, DbTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Fills a bronze source from its lake files not loaded before; returns the rows loaded. Only when <see cref="EngineCapabilities.BulkLoadsBronze"/>.</summary>
    Task<long> LoadSourceAsync(ManifestNode source, IReadOnlyList<string> files, string lakeRoot, ManifestBookkeeping bookkeeping, CancellationToken cancellationToken);

    /// <summary>How to fix a database error that this engine knows more about than its message says, or null.</summary>
    string? HintFor(DbException error);

    Task<IReadOnlyList<CatalogColumn>> ReadCatalogAsync(IReadOnlyCollection<string> schemas, CancellationToken cancellationToken);

    /// <summary>One relation's columns, in <paramref name="transaction"/> (which sees the DDL it ran).</summary>
    Task<IReadOnlyList<CatalogColumn>> ReadColumnsAsync(string qualifiedName, DbTransaction? transaction, CancellationToken cancellationToken);
}
