namespace Warehouse.Deploy.Engines;

/// <summary>
/// What the command line gives an engine to open a database with; each engine reads the parts it needs (a server
/// engine its connection string, a file engine its file). Members are read when the engine is opened, so an engine
/// that does not need the manifest never loads it.
/// </summary>
public interface IEngineSettings
{
    /// <summary>--connection: a server engine's connection string, or null.</summary>
    string? Connection { get; }

    /// <summary>--database: a file engine's database file, or null.</summary>
    string? DatabaseFile { get; }

    /// <summary>Where a file engine keeps its database when --database is not given: the output folder, named after the project (and the data set), with <paramref name="extension"/>.</summary>
    string DefaultDatabaseFile(string extension);

    /// <summary>How many tables the publish transaction writes (gold models, not tests): what an engine that holds them in memory until the commit sizes for.</summary>
    int PublishedTables { get; }

    /// <summary>An environment variable, or null.</summary>
    string? Variable(string name);
}
