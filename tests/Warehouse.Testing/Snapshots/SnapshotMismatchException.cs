using Xunit.Sdk;

namespace Warehouse.Testing.Snapshots;

/// <summary>A failed snapshot comparison; derives from XunitException so runners show the message without a stack-trace wrapper.</summary>
public sealed class SnapshotMismatchException(string message) : XunitException(message);
