using System;

namespace Warehouse.Model
{
    /// <summary>
    /// Overrides the table name (and optionally the schema) that convention derives from the record's name:
    /// <c>DimAccounts</c> becomes <c>dim_accounts</c> in the schema of its layer.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class TableAttribute : Attribute
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
    public sealed class ColumnAttribute : Attribute
    {
        /// <summary>Names the column.</summary>
        public ColumnAttribute(string name) { Name = name; }

        /// <summary>The column name, used as is.</summary>
        public string Name { get; }
    }

    /// <summary>Documents a model or column; carried into the manifest, the dbt property files and the catalog.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = false)]
    public sealed class DescriptionAttribute : Attribute
    {
        /// <summary>Sets the description.</summary>
        public DescriptionAttribute(string text) { Text = text; }

        /// <summary>The description text.</summary>
        public string Text { get; }
    }

    /// <summary>Precision and scale of a <c>decimal</c> column (default 18, 2).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class PrecisionAttribute : Attribute
    {
        /// <summary>Sets precision and scale.</summary>
        public PrecisionAttribute(int precision, int scale) { Precision = precision; Scale = scale; }

        /// <summary>Total number of digits.</summary>
        public int Precision { get; }

        /// <summary>Digits after the decimal point.</summary>
        public int Scale { get; }
    }

    /// <summary>Maximum length of a <c>string</c> column (VARCHAR(n)); without it strings are VARCHAR(256).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class MaxLengthAttribute : Attribute
    {
        /// <summary>Sets the maximum length.</summary>
        public MaxLengthAttribute(int length) { Length = length; }

        /// <summary>The maximum length in characters.</summary>
        public int Length { get; }
    }
}
