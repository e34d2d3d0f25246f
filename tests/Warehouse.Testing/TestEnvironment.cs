namespace Warehouse.Testing;

/// <summary>The environment switches the test suite honours; documented in the README's "Tests" section.</summary>
public static class TestEnvironment
{
    /// <summary>WAREHOUSE_ACCEPT_SNAPSHOTS=1: snapshot mismatches overwrite the verified files instead of failing.</summary>
    public static bool AcceptSnapshots => IsSet("WAREHOUSE_ACCEPT_SNAPSHOTS");

    /// <summary>WAREHOUSE_REQUIRE_SERVERS=1 (set by CI): a missing server fails its tests instead of skipping them.</summary>
    public static bool RequireServers => IsSet("WAREHOUSE_REQUIRE_SERVERS");

    static bool IsSet(string name) =>
        Environment.GetEnvironmentVariable(name) is "1" or "true" or "TRUE" or "True";
}
