namespace Warehouse.Generators.Parsing;

/// <summary>
/// What a <c>typeof(...)</c> argument of a modelling attribute is inside the generator: the referenced type of the
/// user's compilation, by the name references resolve by (<see cref="ModelParser.TypeNameOf"/>). The linked
/// Warehouse.Model sources spell it <c>Type</c> (an alias under <c>WAREHOUSE_GENERATOR</c>), because a
/// <see cref="System.Type"/> of a type that is being compiled cannot exist.
/// </summary>
internal sealed class ModelTypeName
{
    public ModelTypeName(string fullName) => FullName = fullName;

    /// <summary>The fully qualified C# name without <c>global::</c>, e.g. <c>Banking.Staging.StgAccounts</c>.</summary>
    public string FullName { get; }

    public override string ToString() => FullName;
}
