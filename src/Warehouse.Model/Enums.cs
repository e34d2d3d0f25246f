#if WAREHOUSE_GENERATOR
namespace Warehouse.Generators.Parsing.ModelAttributes
#else
namespace Warehouse.Model
#endif
{
    /// <summary>The medallion layer a node belongs to; it is also the default schema name.</summary>
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    enum Layer
    {
        /// <summary>Raw lake files, as delivered.</summary>
        Bronze,
        /// <summary>Cleansed, typed, de-duplicated staging tables.</summary>
        Silver,
        /// <summary>Kimball dimensions, facts and typed SQL models.</summary>
        Gold,
    }

    /// <summary>How a model loads new data into an existing table.</summary>
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    enum IncrementalStrategy
    {
        /// <summary>Rebuild the whole table on every run.</summary>
        FullRefresh,
        /// <summary>Insert the rows of new batches only; existing rows are never touched.</summary>
        Append,
        /// <summary>Delete the rows whose unique key appears in the new batch, then insert the batch.</summary>
        DeleteInsert,
        /// <summary>Update rows whose unique key exists, insert the others (SQL MERGE).</summary>
        Merge,
    }

    /// <summary>Slowly changing dimension type.</summary>
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    enum ScdType
    {
        /// <summary>Type 1: changed attributes overwrite the row; no history.</summary>
        Type1 = 1,
        /// <summary>Type 2: a change to a history column closes the current version and opens a new one.</summary>
        Type2 = 2,
    }

    /// <summary>How a measure may be summed.</summary>
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    enum Additivity
    {
        /// <summary>Can be summed across every dimension (amounts, counts).</summary>
        Additive,
        /// <summary>Can be summed across every dimension but time (balances).</summary>
        SemiAdditive,
        /// <summary>Cannot be summed (rates, ratios, scores).</summary>
        NonAdditive,
    }

    /// <summary>What a failing data-quality test does to the run.</summary>
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    enum Severity
    {
        /// <summary>A failure fails the deploy and nothing is published.</summary>
        Error,
        /// <summary>A failure is reported; the deploy goes on.</summary>
        Warn,
    }

    /// <summary>How a typed SQL model is stored.</summary>
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    enum Materialization
    {
        /// <summary>A view: always current, computed when queried.</summary>
        View,
        /// <summary>A table rebuilt on every run.</summary>
        Table,
    }

    /// <summary>How Redshift spreads a table's rows over the cluster's slices (<see cref="DistributionAttribute"/>).</summary>
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    enum DistributionStyle
    {
        /// <summary>Redshift chooses, and changes its choice as the table grows (DISTSTYLE AUTO).</summary>
        Auto,
        /// <summary>Rows go round-robin over the slices (DISTSTYLE EVEN).</summary>
        Even,
        /// <summary>Rows go to the slice of one column's hash (DISTSTYLE KEY): name the column with <c>[Distribution(nameof(Column))]</c>.</summary>
        Key,
        /// <summary>A copy of the whole table on every node (DISTSTYLE ALL): for small tables that many others join.</summary>
        All,
    }
}
