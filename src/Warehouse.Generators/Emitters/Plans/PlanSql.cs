using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Plans;

/// <summary>
/// The SQL spelling of plan values in one dialect, shared by the two renderers: the runner's scripts spell them in
/// each target dialect, dbt in its adapter's (<c>DbtNames.Adapter</c>). Statements, CTE layout, bookkeeping and
/// Jinja stay in the renderers; what a value, a check or a key <em>is</em> stays in the plans.
/// </summary>
internal static class PlanSql
{
    private static readonly SqlType KeyText = new(SqlTypeKind.Varchar, Length: 256);

    /// <summary>The staging CTEs' column names: the delivered text, the typed source column, the model column.</summary>
    public static string Raw(string column) => SqlDialect.Quote("raw__" + column);

    public static string Typed(string column) => SqlDialect.Quote("src__" + column);

    public static string Out(string column) => SqlDialect.Quote("out__" + column);

    /// <summary>
    /// A delivered bronze value as silver reads it: spaces around it trimmed, empty as NULL. Only U+0020 is trimmed,
    /// spelled out because DuckDB's one-argument TRIM also strips other Unicode spaces (U+00A0, U+2007) and
    /// PostgreSQL's does not; tabs and line breaks stay on every engine (docs/bronze-casts.md).
    /// </summary>
    public static string Delivered(string text) => $"NULLIF(TRIM(BOTH ' ' FROM {text}), '')";

    /// <summary>
    /// The order that ranks a key's staging rows, latest first: the last file (paths in byte order), then the last row
    /// of that file. Where bronze does not number its rows (<see cref="SqlDialect.BronzeSourceRow"/> is null) every
    /// delivered column breaks the tie instead, a fixed order that is not the file's.
    /// </summary>
    public static string LatestFirst(StagingPlan plan, SqlDialect dialect)
    {
        var file = dialect.BinaryOrder(SqlDialect.Quote("_source_file")) + " DESC";
        return dialect.BronzeSourceRow is null
            ? string.Join(", ", new[] { file }.Concat(plan.SourceColumns.Select(c => Raw(c.Name) + " DESC")))
            : file + ", \"_source_row\" DESC NULLS LAST";
    }

    /// <summary>A model column's value; <paramref name="upstream"/> spells a reference to an upstream column.</summary>
    public static string Value(ValuePlan value, SqlDialect dialect, Func<string, string> upstream)
    {
        var text = value.Derived is not null ? ExpressionRenderer.Render(value.Derived, dialect, upstream) : upstream(value.Column!);
        if (value.Cast) text = dialect.Cast(text, value.Type);
        return value.Default is null ? text : $"COALESCE({text}, {dialect.Cast(ExpressionRenderer.Render(value.Default, dialect, upstream), value.Type)})";
    }

    public static string Constant(Constant constant, SqlDialect dialect) => constant.Value is not { } value ? "NULL" : constant.Kind switch
    {
        SqlTypeKind.Varchar => dialect.Literal(value),
        SqlTypeKind.Date => $"CAST({dialect.Literal(value)} AS DATE)",
        SqlTypeKind.Timestamp => dialect.Timestamp(value),
        _ => value,
    };

    /// <summary>The text a surrogate key hashes: the business key, and for a type-2 version its valid_from.</summary>
    public static string SurrogateKey(SurrogateKeyPlan key, SqlDialect dialect, string qualifier)
    {
        var text = dialect.Cast(qualifier + SqlDialect.Quote(key.HashedColumn), KeyText);
        if (key.WithValidFrom) text += $" || '|' || {dialect.FormatTimestamp(qualifier + "\"valid_from\"")}";
        return dialect.HashToBigInt(text);
    }

    /// <summary>The condition under which a staging row fails <paramref name="check"/>, over the staging CTE columns.</summary>
    public static string Condition(StagingCheck check, SqlDialect dialect) => check switch
    {
        TooLongCheck tooLong => $"LENGTH({Raw(tooLong.Column)}) > {tooLong.Length.ToString(CultureInfo.InvariantCulture)}",
        InvalidCheck invalid => $"{Raw(invalid.Column)} IS NOT NULL AND {Typed(invalid.Column)} IS NULL",
        MissingCheck missing => $"{Out(missing.Column)} IS NULL",
        RuleCheck rule => $"NOT ({ExpressionRenderer.Render(rule.Condition, dialect, Out)})",
        _ => throw new InvalidOperationException("unknown staging check " + check.GetType().Name),
    };

    /// <summary>The reason a failing row is quarantined with, in words (with the offending text where there is one).</summary>
    public static string Reason(StagingCheck check, SqlDialect dialect) => check switch
    {
        TooLongCheck tooLong => dialect.Literal($"{tooLong.Column} is longer than {tooLong.Length.ToString(CultureInfo.InvariantCulture)} characters"),
        InvalidCheck invalid => $"{dialect.Literal($"{invalid.Column}: '")} || {Raw(invalid.Column)} || {dialect.Literal($"' is not a valid {invalid.Type}")}",
        MissingCheck missing => dialect.Literal($"{missing.Column} is required but missing"),
        RuleCheck rule => dialect.Literal(rule.Reason),
        _ => throw new InvalidOperationException("unknown staging check " + check.GetType().Name),
    };

    /// <summary>
    /// The join condition that picks the dimension row a fact row looks up: on the business key, never the unknown
    /// member, and for a type-2 dimension the version valid on the fact's date or else the current one.
    /// </summary>
    public static string LookupCondition(LookupPlan lookup, SqlDialect dialect, string fact)
    {
        var alias = SqlDialect.Quote(lookup.Alias);
        var on = $"    ON {alias}.{SqlDialect.Quote(lookup.BusinessKey)} = {fact}.{SqlDialect.Quote(lookup.FactColumn)}\n    AND {alias}.{SqlDialect.Quote(lookup.SurrogateKey)} <> -1\n";
        return lookup.Version switch
        {
            LookupVersion.AsOfDate => on + $"    AND {ValidOn(lookup.AsOf!, dialect, alias)}\n",
            LookupVersion.Current => on + $"    AND {alias}.\"is_current\"\n",
            _ => on,
        };
    }

    /// <summary>A type-2 version (<paramref name="version"/> alias) is valid on the date: valid_from &lt;= date &lt; valid_to.</summary>
    public static string ValidOn(DateRef date, SqlDialect dialect, string version)
    {
        var at = dialect.Cast($"{SqlDialect.Quote(date.Alias)}.{SqlDialect.Quote(date.Column)}", new SqlType(SqlTypeKind.Timestamp));
        return $"{at} >= {version}.\"valid_from\" AND {at} < {version}.\"valid_to\"";
    }

    /// <summary>
    /// The older facts to merge again (<see cref="RekeyPlan"/>): a condition OR-ed to the new-batch filter, over
    /// silver as <c>s</c>; <paramref name="self"/> is the fact table and <paramref name="relation"/> spells a dimension.
    /// </summary>
    public static string Rekey(RekeyPlan rekey, SqlDialect dialect, string self, Func<TableRef, string> relation, string indent)
    {
        var inner = indent + "    ";
        var grain = rekey.Grain.Select(SqlDialect.Quote).ToList();
        var stale = rekey.References.Select(r => $"f.{SqlDialect.Quote(r)} = -1").ToList();
        var joins = new StringBuilder();
        if (rekey.Calendar is { } dated)
        {
            var calendar = dated.Calendar;
            joins.Append($"{inner}JOIN {relation(calendar.Dimension)} AS \"c\" ON \"c\".{SqlDialect.Quote(calendar.SurrogateKey)} = f.{SqlDialect.Quote(calendar.Column)}\n");
            foreach (var reference in dated.Versioned)
            {
                var alias = SqlDialect.Quote("v__" + reference.Column);
                joins.Append($"{inner}LEFT JOIN {relation(reference.Dimension)} AS {alias} ON {alias}.{SqlDialect.Quote(reference.SurrogateKey)} = f.{SqlDialect.Quote(reference.Column)}\n");
                stale.Add($"NOT ({ValidOn(new DateRef("c", dated.DateColumn), dialect, alias)})");
            }
        }

        var tuple = grain.Count == 1 ? "s." + grain[0] : "(" + string.Join(", ", grain.Select(g => "s." + g)) + ")";
        return $"\n{indent}-- Re-key older facts on the unknown member or on a version that no longer covers their date.\n"
            + $"{indent}OR {tuple} IN (\n{inner}SELECT {string.Join(", ", grain.Select(g => "f." + g))}\n{inner}FROM {self} AS f\n{joins}"
            + $"{inner}WHERE {string.Join($"\n{inner}    OR ", stale)}\n{indent})";
    }
}
