using Warehouse.Testing.Servers;

namespace Warehouse.Aws.Tests;

// xunit finds collection definitions only in the test assembly; one moto_server serves the whole assembly.
[CollectionDefinition(MotoServer.Collection)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>;
