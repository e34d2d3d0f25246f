using Warehouse.Testing.Servers;
using Xunit;
using Xunit.Sdk;

namespace Warehouse.Testing.Tests.Servers;

/// <summary>Missing binaries skip a test locally and fail it in CI (WAREHOUSE_REQUIRE_SERVERS=1).</summary>
public sealed class ServerPolicyTests
{
    [Fact]
    public void Missing_server_skips_by_default()
    {
        var error = ServerFixture.Unavailable(PostgresServer.MissingBinariesReason, requireServers: false);

        Assert.Equal(PostgresServer.MissingBinariesReason, Assert.IsType<Xunit.SkipException>(error).Message);
    }

    [Fact]
    public void Missing_server_fails_when_servers_are_required()
    {
        var error = ServerFixture.Unavailable(PostgresServer.MissingBinariesReason, requireServers: true);

        Assert.StartsWith(PostgresServer.MissingBinariesReason, Assert.IsType<XunitException>(error).Message);
    }
}
