using System;

#if WAREHOUSE_GENERATOR
namespace Warehouse.Generators.Parsing.ModelAttributes
#else
namespace Warehouse.Model
#endif
{
    /// <summary>
    /// Overrides the table name (and optionally the schema) that convention derives from the record's name:
    /// <c>DimAccounts</c> becomes <c>dim_accounts</c> in the schema of its layer.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class TableAttribute : Attribute
    {
        /// <summary>Names the table.</summary>
        public TableAttribute(string name) { Name = name; }

        /// <summary>The table name, used as is.</summary>
        public string Name { get; }

        /// <summary>The schema; defaults to the layer's name (bronze, silver, gold).</summary>
        public string? Schema { get; set; }
    }

    /// <summary>Overrides the column name convention derives from the property name (<c>AccountId</c> → <c>account_id</c>).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class ColumnAttribute : Attribute
    {
        /// <summary>Names the column.</summary>
        public ColumnAttribute(string name) { Name = name; }

        /// <summary>The column name, used as is.</summary>
        public string Name { get; }
    }

    /// <summary>Documents a model or column; carried into the manifest, the dbt property files and the catalog.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class DescriptionAttribute : Attribute
    {
        /// <summary>Sets the description.</summary>
        public DescriptionAttribute(string text) { Text = text; }

        /// <summary>The description text.</summary>
        public string Text { get; }
    }

    /// <summary>
    /// Tags a model (repeatable: <c>[Tag("finance")][Tag("daily")]</c>), as dbt's <c>tags</c>: the runner's
    /// <c>--select tag:finance</c> picks the tagged models, and the tags are carried into the manifest and the dbt
    /// property files. A tag is one word: no spaces, commas, <c>+</c> or <c>@</c> (the selector syntax's separators).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class TagAttribute : Attribute
    {
        /// <summary>Adds the tag.</summary>
        public TagAttribute(string name) { Name = name; }

        /// <summary>The tag, as <c>--select tag:NAME</c> spells it.</summary>
        public string Name { get; }
    }

    /// <summary>Precision and scale of a <c>decimal</c> column (without it: <see cref="DefaultPrecision"/>, <see cref="DefaultScale"/>).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class PrecisionAttribute : Attribute
    {
        /// <summary>Sets precision and scale.</summary>
        public PrecisionAttribute(int precision, int scale) { Precision = precision; Scale = scale; }

        /// <summary>The precision of a <c>decimal</c> column without this attribute: 18.</summary>
        public const int DefaultPrecision = 18;

        /// <summary>The scale of a <c>decimal</c> column without this attribute: 2.</summary>
        public const int DefaultScale = 2;

        /// <summary>Total number of digits.</summary>
        public int Precision { get; }

        /// <summary>Digits after the decimal point.</summary>
        public int Scale { get; }
    }

    /// <summary>Maximum length of a <c>string</c> column (VARCHAR(n)); without it strings are VARCHAR(256).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class MaxLengthAttribute : Attribute
    {
        /// <summary>Sets the maximum length.</summary>
        public MaxLengthAttribute(int length) { Length = length; }

        /// <summary>The length of a <c>string</c> column without this attribute: 256.</summary>
        public const int DefaultLength = 256;

        /// <summary>The maximum length in characters.</summary>
        public int Length { get; }
    }
}
