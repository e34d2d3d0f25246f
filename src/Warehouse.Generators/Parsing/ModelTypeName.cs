namespace Warehouse.Generators.Parsing;

/// <summary>
/// What a <c>typeof(...)</c> argument of a modelling attribute is inside the generator: the referenced type of the
/// user's compilation, by the name references resolve by (<see cref="ModelParser.TypeNameOf"/>). The linked
/// Warehouse.Model sources spell it <c>Type</c> (an alias under <c>WAREHOUSE_GENERATOR</c>), because a
/// <see cref="System.Type"/> of a type that is being compiled cannot exist.
/// </summary>
internal sealed class ModelTypeName
{
    public ModelTypeName(string fullName, bool unsettled)
    {
        FullName = fullName;
        Unsettled = unsettled;
    }

    /// <summary>The fully qualified C# name without <c>global::</c>, e.g. <c>Banking.Staging.StgAccounts</c>.</summary>
    public string FullName { get; }

    /// <summary>
    /// The type is being typed (<see cref="AttributeReader.IsUnsettled"/>: a half-typed <c>[Dimnsion(…)]</c>, or a
    /// syntax error in its declaration): the C# error is there, so that the type is not a model yet is no error of
    /// the record that names it.
    /// </summary>
    public bool Unsettled { get; }

    public override string ToString() => FullName;
}
