using System;

#if WAREHOUSE_GENERATOR
namespace Warehouse.Generators.Parsing.ModelAttributes
#else
namespace Warehouse.Model
#endif
{
    /// <summary>
    /// Overrides how Redshift distributes a staging, dimension or fact table. Without it: a dimension is copied to
    /// every node (ALL) when it is expected to hold fewer rows than <see cref="DistributionDefaultsAttribute.AllBelowRows"/>,
    /// and distributed on its surrogate key otherwise; a fact is distributed on the key of its largest distributed
    /// dimension, or AUTO when none is clear; staging is AUTO (docs/redshift.md). Only Redshift has distribution: the
    /// other dialects ignore it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class DistributionAttribute : Attribute
    {
        /// <summary>Distributes with a style that names no column: Auto, Even or All.</summary>
        public DistributionAttribute(DistributionStyle style) { Style = style; }

        /// <summary>Distributes on a column (DISTSTYLE KEY), named as <c>nameof(Property)</c>.</summary>
        public DistributionAttribute(string column) { Style = DistributionStyle.Key; Column = column; }

        /// <summary>The distribution style.</summary>
        public DistributionStyle Style { get; }

        /// <summary>The distribution key's property (or column) when <see cref="Style"/> is Key.</summary>
        public string? Column { get; }
    }

    /// <summary>
    /// Overrides a table's Redshift sort key (COMPOUND SORTKEY, in the order given). Without it: a fact sorts on its
    /// date key, a dimension on its surrogate key, staging on its key. Only Redshift has sort keys.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class SortKeyAttribute : Attribute
    {
        /// <summary>Sorts on these properties (or columns), most significant first, as <c>nameof(Property)</c>.</summary>
        public SortKeyAttribute(params string[] columns) { Columns = columns; }

        /// <summary>The sort key's properties, most significant first.</summary>
        public string[] Columns { get; }
    }

    /// <summary>
    /// The model's distribution defaults, once per model project: <c>[assembly: DistributionDefaults(AllBelowRows = 250_000)]</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class DistributionDefaultsAttribute : Attribute
    {
        /// <summary>The row count below which a dimension is copied to every node without it: 1,000,000.</summary>
        public const long DefaultAllBelowRows = 1_000_000;

        /// <summary>
        /// A dimension expected to hold fewer rows than this is copied to every node (DISTSTYLE ALL); a larger one is
        /// distributed on its surrogate key (default <see cref="DefaultAllBelowRows"/>).
        /// </summary>
        public long AllBelowRows { get; set; } = DefaultAllBelowRows;
    }
}
