using Warehouse.Testing.Servers;
using Xunit;

namespace Warehouse.Testing.Tests;

// xunit finds collection definitions only in the test assembly; one server of each kind serves the whole assembly.
[CollectionDefinition(PostgresServer.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;

[CollectionDefinition(MotoServer.Collection)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>;
