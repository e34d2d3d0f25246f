using System;
#if WAREHOUSE_GENERATOR
// The generator reads these attributes as their own types (Parsing/AttributeReader.cs), where a typeof(...) argument
// is a type of the user's compilation, known by name only.
using Type = Warehouse.Generators.Parsing.ModelTypeName;
#endif

#if WAREHOUSE_GENERATOR
namespace Warehouse.Generators.Parsing.ModelAttributes
#else
namespace Warehouse.Model
#endif
{
    /// <summary>
    /// Computes a column from an expression over the source's columns instead of copying the column of the same
    /// name, for example <c>"initcap(first_name) || ' ' || initcap(last_name)"</c>. The expression is parsed at
    /// compile time: an unknown column or function is a compile error at this attribute. Functions are rendered in
    /// each dialect (now, initcap, nvl/coalesce, date_trunc, concat, ...).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class DerivedAttribute : Attribute
    {
        /// <summary>Sets the expression.</summary>
        public DerivedAttribute(string expression) { Expression = expression; }

        /// <summary>The expression, in the warehouse's small SQL expression language.</summary>
        public string Expression { get; }
    }

    /// <summary>Replaces NULL (or text that is empty after trimming) with an expression, such as <c>"'Unknown'"</c>.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class DefaultAttribute : Attribute
    {
        /// <summary>Sets the default expression.</summary>
        public DefaultAttribute(string expression) { Expression = expression; }

        /// <summary>The default expression.</summary>
        public string Expression { get; }
    }

    /// <summary>Keeps leading and trailing white space of a text column, which staging otherwise trims.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class NoTrimAttribute : Attribute
    {
    }

    /// <summary>
    /// A silver rule: rows for which <see cref="Condition"/> is not true go to the model's quarantine table with
    /// <see cref="Name"/> and <see cref="Reason"/>, instead of the model.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class RuleAttribute : Attribute
    {
        /// <summary>Declares a rule.</summary>
        public RuleAttribute(string name, string condition, string reason)
        {
            Name = name;
            Condition = condition;
            Reason = reason;
        }

        /// <summary>A snake_case name, unique in the model.</summary>
        public string Name { get; }

        /// <summary>The condition a good row satisfies, over the model's (typed) columns.</summary>
        public string Condition { get; }

        /// <summary>Why a failing row is quarantined, in words a data owner understands.</summary>
        public string Reason { get; }
    }

    /// <summary>The dimension's generated surrogate key: a deterministic BIGINT hash of the business key (and, for type 2, the version's start).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class SurrogateKeyAttribute : Attribute
    {
    }

    /// <summary>The dimension's business (natural) key, as delivered by the source system.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class BusinessKeyAttribute : Attribute
    {
    }

    /// <summary>
    /// In a type-2 dimension: a change to this column opens a new version. Columns without it are overwritten in
    /// every version (type 1). A type-2 dimension without any <see cref="HistoryAttribute"/> keeps history on all columns.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class HistoryAttribute : Attribute
    {
    }

    /// <summary>A drill path of a dimension, from the coarsest level to the finest (year → quarter → month → day).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class HierarchyAttribute : Attribute
    {
        /// <summary>Declares a hierarchy by its levels, as property names (use <c>nameof</c>).</summary>
        public HierarchyAttribute(string name, params string[] levels)
        {
            Name = name;
            Levels = levels;
        }

        /// <summary>The hierarchy's name.</summary>
        public string Name { get; }

        /// <summary>The levels, coarsest first.</summary>
        public string[] Levels { get; }
    }

    /// <summary>
    /// The grain of a fact: the members (dimension references and degenerate keys, as property names) that
    /// identify one row, and a sentence that names it. A uniqueness test on the members is derived automatically.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class GrainAttribute : Attribute
    {
        /// <summary>Declares the grain.</summary>
        public GrainAttribute(string description, params string[] members)
        {
            Description = description;
            Members = members;
        }

        /// <summary>One sentence: "one row per ...".</summary>
        public string Description { get; }

        /// <summary>The property names that identify a row.</summary>
        public string[] Members { get; }
    }

    /// <summary>
    /// A fact column that holds the surrogate key of <see cref="Dimension"/>. The fact's source column
    /// <see cref="On"/> (default: the dimension's business key column) is looked up in the dimension; a missing
    /// or late member gets the unknown member (-1). For a type-2 dimension the version valid at the fact's date is used.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class ReferencesAttribute : Attribute
    {
        /// <summary>Declares the reference.</summary>
        public ReferencesAttribute(Type dimension) { Dimension = dimension; }

        /// <summary>The referenced dimension record.</summary>
        public Type Dimension { get; }

        /// <summary>The fact source's column holding the business key (property or column name).</summary>
        public string? On { get; set; }
    }

    /// <summary>A degenerate dimension: an identifier kept on the fact with no dimension table of its own (an order or transaction number).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class DegenerateKeyAttribute : Attribute
    {
    }

    /// <summary>A fact measure.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class MeasureAttribute : Attribute
    {
        /// <summary>Declares a measure with its additivity (default additive).</summary>
        public MeasureAttribute(Additivity additivity = Additivity.Additive) { Additivity = additivity; }

        /// <summary>How the measure may be summed.</summary>
        public Additivity Additivity { get; }
    }
}
