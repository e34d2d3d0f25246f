using Warehouse.Testing.Servers;

namespace Warehouse.Deploy.Tests;

// xunit finds collection definitions only in the test assembly: one PostgreSQL cluster serves all its tests.
[CollectionDefinition(PostgresServer.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
