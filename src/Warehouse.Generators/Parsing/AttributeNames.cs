namespace Warehouse.Generators.Parsing;

/// <summary>Fully qualified metadata names of the modelling attributes (Warehouse.Model), matched by name only.</summary>
internal static class AttributeNames
{
    public const string Namespace = "Warehouse.Model.";
    public const string Source = Namespace + "SourceAttribute";
    public const string Staging = Namespace + "StagingAttribute";
    public const string Dimension = Namespace + "DimensionAttribute";
    public const string Fact = Namespace + "FactAttribute";
    public const string SqlModel = Namespace + "SqlModelAttribute";
    public const string Analysis = Namespace + "AnalysisAttribute";
    public const string SingularTest = Namespace + "SingularTestAttribute";
    public const string Table = Namespace + "TableAttribute";
    public const string Column = Namespace + "ColumnAttribute";
    public const string Description = Namespace + "DescriptionAttribute";
    public const string Precision = Namespace + "PrecisionAttribute";
    public const string MaxLength = Namespace + "MaxLengthAttribute";
    public const string Derived = Namespace + "DerivedAttribute";
    public const string Default = Namespace + "DefaultAttribute";
    public const string NoTrim = Namespace + "NoTrimAttribute";
    public const string Rule = Namespace + "RuleAttribute";
    public const string SurrogateKey = Namespace + "SurrogateKeyAttribute";
    public const string BusinessKey = Namespace + "BusinessKeyAttribute";
    public const string History = Namespace + "HistoryAttribute";
    public const string Hierarchy = Namespace + "HierarchyAttribute";
    public const string Grain = Namespace + "GrainAttribute";
    public const string References = Namespace + "ReferencesAttribute";
    public const string DegenerateKey = Namespace + "DegenerateKeyAttribute";
    public const string Measure = Namespace + "MeasureAttribute";
    public const string Unique = Namespace + "UniqueAttribute";
    public const string NotNull = Namespace + "NotNullAttribute";
    public const string AcceptedValues = Namespace + "AcceptedValuesAttribute";
    public const string Range = Namespace + "RangeAttribute";
    public const string Relationship = Namespace + "RelationshipAttribute";
}
