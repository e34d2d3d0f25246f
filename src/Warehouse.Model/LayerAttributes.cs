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
    /// Bronze: a set of delimited files in the lake under <see cref="Prefix"/>. The record's properties are the
    /// file's columns, in order; their C# types are what silver casts the raw text to.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class SourceAttribute : Attribute
    {
        /// <summary>Declares a source under a lake prefix such as <c>landing/accounts/</c>.</summary>
        public SourceAttribute(string prefix) { Prefix = prefix; }

        /// <summary>The lake prefix (relative to the bucket or lake folder) that holds the files.</summary>
        public string Prefix { get; }

        /// <summary>Which files under the prefix belong to the source (default <c>*.csv</c>).</summary>
        public string FilePattern { get; set; } = "*.csv";

        /// <summary>The field delimiter (default comma).</summary>
        public char Delimiter { get; set; } = ',';

        /// <summary>Whether the first line of every file is a header naming the columns (default true).</summary>
        public bool Header { get; set; } = true;
    }

    /// <summary>
    /// Silver: cleanses one source. Each property is read from the source column of the same name (or
    /// <see cref="DerivedAttribute"/>), trimmed, empty text turned into NULL, and cast to the property's type.
    /// Rows that fail a cast, a NOT NULL or a <see cref="RuleAttribute"/> go to a quarantine table with the reason.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class StagingAttribute : Attribute
    {
        /// <summary>Declares the staging model of <paramref name="source"/>, a <see cref="SourceAttribute"/> record.</summary>
        public StagingAttribute(Type source) { Source = source; }

        /// <summary>The bronze source record.</summary>
        public Type Source { get; }

        /// <summary>
        /// The property that identifies a row. Duplicates on it are removed, keeping the latest row
        /// (the last one loaded); it is also the unique key of incremental loads.
        /// </summary>
        public string? Key { get; set; }

        /// <summary>How new batches are loaded (default <see cref="IncrementalStrategy.Merge"/>; needs <see cref="Key"/> unless Append or FullRefresh).</summary>
        public IncrementalStrategy Incremental { get; set; } = IncrementalStrategy.Merge;
    }

    /// <summary>Gold: a Kimball dimension loaded from a staging model.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class DimensionAttribute : Attribute
    {
        /// <summary>Declares a dimension loaded from <paramref name="source"/>, a <see cref="StagingAttribute"/> record.</summary>
        public DimensionAttribute(Type source) { Source = source; }

        /// <summary>The staging record the dimension is loaded from.</summary>
        public Type Source { get; }

        /// <summary>Slowly changing dimension type (default type 1).</summary>
        public ScdType Scd { get; set; } = ScdType.Type1;

        /// <summary>
        /// Marks a calendar dimension: names its DATE property. Facts that reference this dimension use that
        /// date to pick the version of each type-2 dimension that was valid on the fact's date.
        /// </summary>
        public string? DateColumn { get; set; }

        /// <summary>Whether the dimension gets an unknown-member row (surrogate key -1) for late or missing references (default true).</summary>
        public bool UnknownMember { get; set; } = true;

        /// <summary>
        /// How many rows the dimension is expected to hold (all versions, for type 2), which decides its Redshift
        /// distribution and which dimension a fact is distributed on. Not declared (0): a type-2 dimension counts as
        /// large (its history grows), a type-1 dimension and the calendar as small lookups (docs/redshift.md).
        /// </summary>
        public long ExpectedRows { get; set; }
    }

    /// <summary>Gold: a fact table loaded from a staging model, at the grain named by <see cref="GrainAttribute"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class FactAttribute : Attribute
    {
        /// <summary>Declares a fact loaded from <paramref name="source"/>, a <see cref="StagingAttribute"/> record.</summary>
        public FactAttribute(Type source) { Source = source; }

        /// <summary>The staging record the fact is loaded from.</summary>
        public Type Source { get; }

        /// <summary>How new batches are loaded (default <see cref="IncrementalStrategy.Merge"/> on the grain).</summary>
        public IncrementalStrategy Incremental { get; set; } = IncrementalStrategy.Merge;
    }

    /// <summary>
    /// Gold: a typed SQL model, the escape hatch for what the declarative attributes do not cover. The record's
    /// properties declare the output columns; the SQL names other models as <c>{nameof(OtherModel)}</c> inside a
    /// constant interpolated string, so a rename refactors it and a typo does not compile.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class SqlModelAttribute : Attribute
    {
        /// <summary>Declares the model's SELECT statement.</summary>
        public SqlModelAttribute(string sql) { Sql = sql; }

        /// <summary>The SELECT statement.</summary>
        public string Sql { get; }

        /// <summary>View or table (default view).</summary>
        public Materialization Materialization { get; set; } = Materialization.View;

        /// <summary>The layer (default gold).</summary>
        public Layer Layer { get; set; } = Layer.Gold;
    }

    /// <summary>A saved query over the warehouse, run by <c>deploy analyze</c>; references models like <see cref="SqlModelAttribute"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class AnalysisAttribute : Attribute
    {
        /// <summary>Declares the analysis' SELECT statement.</summary>
        public AnalysisAttribute(string sql) { Sql = sql; }

        /// <summary>The SELECT statement.</summary>
        public string Sql { get; }
    }
}
