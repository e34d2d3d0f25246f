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
    /// <summary>Base of the column tests; every test has a severity.</summary>
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    abstract class ColumnTestAttribute : Attribute
    {
        /// <summary>Error (default) fails the deploy; Warn only reports.</summary>
        public Severity Severity { get; set; } = Severity.Error;
    }

    /// <summary>Tests that no two rows share the column's value (among current rows, for a type-2 dimension).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class UniqueAttribute : ColumnTestAttribute
    {
    }

    /// <summary>Tests that the column holds no NULL. Implied for every non-nullable property; use it to set a severity.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class NotNullAttribute : ColumnTestAttribute
    {
    }

    /// <summary>Tests that the column holds only the listed values (NULL passes).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class AcceptedValuesAttribute : ColumnTestAttribute
    {
        /// <summary>Lists the accepted values.</summary>
        public AcceptedValuesAttribute(params string[] values) { Values = values; }

        /// <summary>The accepted values.</summary>
        public string[] Values { get; }
    }

    /// <summary>Tests that the column's value lies within [<see cref="Min"/>, <see cref="Max"/>] (NULL passes).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class RangeAttribute : ColumnTestAttribute
    {
        /// <summary>Sets the inclusive bounds.</summary>
        public RangeAttribute(double min, double max)
        {
            Min = min;
            Max = max;
        }

        /// <summary>The smallest accepted value.</summary>
        public double Min { get; }

        /// <summary>The largest accepted value.</summary>
        public double Max { get; }
    }

    /// <summary>Tests that every non-NULL value of the column exists in <see cref="Column"/> of <see cref="Model"/>.</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class RelationshipAttribute : ColumnTestAttribute
    {
        /// <summary>Declares the relationship.</summary>
        public RelationshipAttribute(Type model, string column)
        {
            Model = model;
            Column = column;
        }

        /// <summary>The referenced model record.</summary>
        public Type Model { get; }

        /// <summary>The referenced property name (use <c>nameof</c>).</summary>
        public string Column { get; }
    }

    /// <summary>
    /// A singular test: a query that returns the failing rows. Name models as <c>{nameof(Model)}</c> inside a
    /// constant interpolated string. Put it on any record or class; the type's name names the test.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
#if WAREHOUSE_GENERATOR
    internal
#else
    public
#endif
    sealed class SingularTestAttribute : Attribute
    {
        /// <summary>Declares the query.</summary>
        public SingularTestAttribute(string sql) { Sql = sql; }

        /// <summary>The query returning failing rows.</summary>
        public string Sql { get; }

        /// <summary>Error (default) fails the deploy; Warn only reports.</summary>
        public Severity Severity { get; set; } = Severity.Error;

        /// <summary>What the test checks, in words.</summary>
        public string? Description { get; set; }
    }
}
