namespace Warehouse.Generators.Model;

/// <summary>What a column is for in its model.</summary>
internal enum ColumnRole
{
    Attribute,
    SurrogateKey,
    BusinessKey,
    DegenerateKey,
    Reference,
    Measure,
}

/// <summary>A logical SQL type; each dialect spells it.</summary>
internal enum SqlTypeKind
{
    Boolean,
    SmallInt,
    Integer,
    BigInt,
    Decimal,
    Double,
    Real,
    Varchar,
    Date,
    Timestamp,
}

internal sealed record SqlType(SqlTypeKind Kind, int Length = 0, int Precision = 0, int Scale = 0)
{
    public bool IsNumeric => Kind is SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt
        or SqlTypeKind.Decimal or SqlTypeKind.Double or SqlTypeKind.Real;

    /// <summary>The portable spelling used in the manifest, e.g. <c>DECIMAL(18,2)</c>.</summary>
    public override string ToString() => Kind switch
    {
        SqlTypeKind.Decimal => $"DECIMAL({Precision},{Scale})",
        SqlTypeKind.Varchar => $"VARCHAR({Length})",
        _ => Kind.ToString().ToUpperInvariant(),
    };
}

internal sealed record ColumnSpec
{
    public required string PropertyName { get; init; }

    public required string Name { get; init; }

    public required SqlType Type { get; init; }

    public bool Nullable { get; init; }

    public string? Description { get; init; }

    public ColumnRole Role { get; init; }

    /// <summary>Type-2 dimension: a change to this column opens a new version.</summary>
    public bool History { get; init; }

    /// <summary>Measure: Additive, SemiAdditive or NonAdditive.</summary>
    public string? Additivity { get; init; }

    /// <summary>Reference: the dimension's C# type as parsed.</summary>
    public string? ReferencedType { get; init; }

    /// <summary>Reference: the upstream column holding the business key, as written (property or column name).</summary>
    public string? ReferenceOn { get; init; }

    /// <summary>Resolved reference: how to look the key up.</summary>
    public DimensionLookup? Lookup { get; init; }

    /// <summary>Staging, dimension, fact: the upstream column this column is copied from (resolved), when not derived.</summary>
    public string? UpstreamColumn { get; init; }

    /// <summary>Expression computing the column from the upstream columns.</summary>
    public Expressions.Expr? Derived { get; init; }

    /// <summary>Expression replacing NULL.</summary>
    public Expressions.Expr? Default { get; init; }

    /// <summary>Staging: trim text before casting (default for strings).</summary>
    public bool Trim { get; init; }

    /// <summary>Column tests declared by attributes (not-null is implied by nullability and added by the resolver).</summary>
    public EquatableArray<ColumnTestSpec> DeclaredTests { get; init; } = EquatableArray<ColumnTestSpec>.Empty;

    /// <summary>
    /// Resolved: the columns of the nodes this node reads that the column's value is computed from (one hop), sorted;
    /// empty for a source, and for a value that reads no column (a constant, <c>COUNT(*)</c>). Rules of
    /// <c>Resolution/ColumnLineage.cs</c>.
    /// </summary>
    public EquatableArray<ColumnOrigin> Reads { get; init; } = EquatableArray<ColumnOrigin>.Empty;

    /// <summary>Resolved: the bronze (source) columns the value comes from, through every hop of <see cref="Reads"/>, sorted.</summary>
    public EquatableArray<ColumnOrigin> Lineage { get; init; } = EquatableArray<ColumnOrigin>.Empty;
}

/// <summary>A column of a node: the node's id (<c>schema.name</c>) and the column's name.</summary>
internal sealed record ColumnOrigin(string Node, string Column);

/// <summary>How a fact finds the surrogate key of a referenced dimension.</summary>
internal sealed record DimensionLookup(
    TableRef Dimension,
    string SurrogateKey,
    string BusinessKey,
    string FactColumn,
    bool Type2,
    string? DateColumn);

/// <summary>A test declared on a column; the resolver turns it into a <see cref="TestSpec"/>.</summary>
internal sealed record ColumnTestSpec(TestKind Kind, bool WarnOnly, EquatableArray<string> Values, string? Min, string? Max, string? RelatedType, string? RelatedColumn);

/// <summary>
/// A generic data-quality test on a model, rendered per dialect as a query that returns the failing rows
/// (dbt's convention). Names are deterministic: <c>kind_model_column</c>.
/// </summary>
internal sealed record TestSpec
{
    public required string Name { get; init; }

    public required TestKind Kind { get; init; }

    public required EquatableArray<string> Columns { get; init; }

    public bool WarnOnly { get; init; }

    public EquatableArray<string> Values { get; init; } = EquatableArray<string>.Empty;

    public string? Min { get; init; }

    public string? Max { get; init; }

    public TableRef? Related { get; init; }

    public string? RelatedColumn { get; init; }

    /// <summary>Restricts the test to current, known rows: <c>is_current</c> for type 2, not the unknown member.</summary>
    public string? Where { get; init; }
}
