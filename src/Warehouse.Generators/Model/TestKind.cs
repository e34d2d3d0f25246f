namespace Warehouse.Generators.Model;

/// <summary>What a generic data-quality test checks; <see cref="TestKinds.Name"/> is its name in the artifacts.</summary>
internal enum TestKind
{
    NotNull,
    Unique,
    AcceptedValues,
    Range,
    Relationships,
    /// <summary>Counts the fact rows that got the unknown member (-1) for a missing or late dimension member.</summary>
    KnownMember,
}

internal static class TestKinds
{
    /// <summary>The test's kind as the manifest (<c>test_type</c>), the SQL headers and test names spell it (dbt's names).</summary>
    public static string Name(this TestKind kind) => kind switch
    {
        TestKind.NotNull => "not_null",
        TestKind.Unique => "unique",
        TestKind.AcceptedValues => "accepted_values",
        TestKind.Range => "range",
        TestKind.Relationships => "relationships",
        TestKind.KnownMember => "known_member",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
