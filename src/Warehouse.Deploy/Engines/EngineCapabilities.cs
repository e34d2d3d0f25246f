namespace Warehouse.Deploy.Engines;

/// <summary>
/// What the runner may ask of an engine beyond running SQL, as flags in the manner of SQLMesh's engine adapters
/// (<c>redshift.py</c> is the PostgreSQL adapter with other flags). The run flows switch on these, never on an engine's
/// name: a new engine says here what it can do, and nothing outside <c>Engines/</c> changes.
/// </summary>
/// <param name="BulkLoadsBronze">
/// The runner fills bronze tables from the lake files (<see cref="IWarehouseEngine.LoadSourceAsync"/>), as PostgreSQL
/// does with binary COPY. False where bronze reads the files itself (DuckDB's views over read_csv) or is an external
/// schema over a catalog (Redshift Spectrum over Glue). It matches the dialect's <c>BronzeAccess</c> (a test checks).
/// </param>
/// <param name="LocksDeploys">
/// Deploys take <see cref="IWarehouseEngine.AcquireDeployLockAsync"/> so two never run at once. False where the
/// database has no lock that outlives a statement and dies with the session (Redshift has no advisory locks).
/// </param>
public sealed record EngineCapabilities(bool BulkLoadsBronze, bool LocksDeploys);
