using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.SqlFrontEnd;

/// <summary>
/// Spells a parsed SQL body in a dialect: names quoted, keywords upper case, one clause per line; the expression
/// functions, casts and IS DISTINCT FROM as the dialect spells them (<see cref="FunctionCatalog"/>,
/// <see cref="SqlDialect"/>); an aggregate's FILTER moved into a CASE inside it where the dialect has no FILTER.
/// Each typed reference is spelled by the caller (a quoted table for the runner, <c>ref()</c> for dbt).
/// </summary>
internal sealed class SqlRenderer
{
    private readonly SqlDialect _dialect;
    private readonly Func<int, string> _table;

    private SqlRenderer(SqlDialect dialect, Func<int, string> table)
    {
        _dialect = dialect;
        _table = table;
    }

    /// <summary>The body of <paramref name="node"/> in <paramref name="dialect"/>, each reference spelled by <paramref name="table"/>.</summary>
    public static string Render(NodeSpec node, SqlDialect dialect, Func<TableRef, string> table)
    {
        // The generator parsed and bound this body before encoding the spec (WH0090-WH0098 stop the build otherwise),
        // so a spec whose body does not parse did not come from the compiler.
        var outcome = SqlParser.Parse(node.Sql);
        if (outcome.Query is null) throw new InvalidOperationException($"The SQL of '{node.TypeName}' does not parse ({outcome.Error}); rebuild the model.");
        return Render(outcome.Query, dialect, part => node.Sql[part].Target is { } target ? table(target) : SqlDialect.Quote(node.Sql[part].Text));
    }

    public static string Render(SqlQuery query, SqlDialect dialect, Func<int, string> table) => new SqlRenderer(dialect, table).Query(query);

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : "    " + l));

    /// <summary>
    /// A name as written when it reads the same unquoted in every dialect (lower-case letters, digits and '_', and
    /// reserved in none), quoted otherwise: bare names fold to lower case, so quoting them would change nothing.
    /// </summary>
    private static string Q(string name)
    {
        var plain = name.Length > 0 && (char.IsLower(name[0]) || name[0] == '_') && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
        return plain && SqlDialect.ReservingDialects(name).Count == 0 ? name : SqlDialect.Quote(name);
    }

    private string Query(SqlQuery query)
    {
        var sql = new StringBuilder();
        if (query.With.Count > 0)
        {
            sql.Append(query.Recursive ? "WITH RECURSIVE " : "WITH ");
            sql.Append(string.Join(",\n", query.With.Select(c =>
                Q(c.Name) + (c.Columns.Count > 0 ? " (" + string.Join(", ", c.Columns.Select(Q)) + ")" : string.Empty) + " AS (\n" + Indent(Query(c.Query)) + "\n)")));
            sql.Append('\n');
        }

        sql.Append(Body(query.Body));
        if (query.OrderBy.Count > 0) sql.Append("\nORDER BY ").Append(OrderItems(query.OrderBy));
        if (query.Limit is not null) sql.Append("\nLIMIT ").Append(Expression(query.Limit));
        if (query.OffsetRows is not null) sql.Append("\nOFFSET ").Append(Expression(query.OffsetRows));
        return sql.ToString();
    }

    private string Body(SqlQueryBody body) => body switch
    {
        SqlSelect select => Select(select),
        SqlNestedQuery nested => "(\n" + Indent(Query(nested.Query)) + "\n)",
        SqlSetOperation operation => Body(operation.Left) + "\n" + operation.Operator + (operation.All ? " ALL" : string.Empty) + "\n" + Body(operation.Right),
        _ => string.Empty,
    };

    private string Select(SqlSelect select)
    {
        var sql = new StringBuilder("SELECT");
        if (select.Distinct) sql.Append(" DISTINCT");
        if (select.DistinctOn is { } on) sql.Append(" ON (").Append(List(on)).Append(')');
        sql.Append('\n').Append(string.Join(",\n", select.Items.Select(i => "    " + Item(i))));
        if (select.From.Count > 0) sql.Append("\nFROM ").Append(string.Join(",\n    ", select.From.Select(Table)));
        if (select.Where is not null) sql.Append("\nWHERE ").Append(Expression(select.Where));
        if (select.GroupBy.Count > 0) sql.Append("\nGROUP BY ").Append(List(select.GroupBy));
        if (select.Having is not null) sql.Append("\nHAVING ").Append(Expression(select.Having));
        return sql.ToString();
    }

    private string Item(SqlSelectItem item)
    {
        if (item.Expression is null) return item.StarQualifier is null ? "*" : Q(item.StarQualifier) + ".*";
        var text = Expression(item.Expression);
        return item.Alias is null ? text : text + " AS " + Q(item.Alias);
    }

    private string Table(SqlTable table)
    {
        switch (table)
        {
            case SqlNamedTable named:
                var name = named.Reference >= 0 ? _table(named.Reference) : Q(named.Name ?? string.Empty);
                return named.Alias is null ? name : name + " AS " + Q(named.Alias);
            case SqlDerivedTable derived:
                return (derived.Lateral ? "LATERAL " : string.Empty) + "(\n" + Indent(Query(derived.Query)) + "\n) AS " + Q(derived.Alias);
            case SqlJoin join:
                var kind = join.Kind switch
                {
                    SqlJoinKind.Left => "LEFT JOIN",
                    SqlJoinKind.Right => "RIGHT JOIN",
                    SqlJoinKind.Full => "FULL JOIN",
                    SqlJoinKind.Cross => "CROSS JOIN",
                    _ => "JOIN",
                };
                var right = join.Right is SqlJoin ? "(" + Table(join.Right) + ")" : Table(join.Right);
                var sql = Table(join.Left) + "\n" + (join.Natural ? "NATURAL " : string.Empty) + kind + " " + right;
                if (join.On is not null) sql += " ON " + Expression(join.On);
                if (join.Using.Count > 0) sql += " USING (" + string.Join(", ", join.Using.Select(c => Q(c.Name))) + ")";
                return sql;
            default:
                return string.Empty;
        }
    }

    private string List(IEnumerable<SqlExpr> expressions) => string.Join(", ", expressions.Select(Expression));

    private string OrderItems(IEnumerable<SqlOrderItem> items) => string.Join(", ", items.Select(i =>
        Expression(i.Expression) + (i.Descending ? " DESC" : string.Empty) + (i.NullsFirst switch { true => " NULLS FIRST", false => " NULLS LAST", _ => string.Empty })));

    private string Subquery(SqlQuery query) => "(\n" + Indent(Query(query)) + "\n)";

    private string Expression(SqlExpr expression) => expression switch
    {
        SqlColumn column => (column.Qualifier is null ? string.Empty : Q(column.Qualifier) + ".") + Q(column.Name),
        // The dialect's literal never holds a Jinja or runner-variable delimiter (SqlDialect.Literal).
        SqlLiteral { Kind: SqlLiteralKind.String } literal => _dialect.Literal(literal.Text),
        SqlLiteral literal => literal.Text,
        SqlInterval interval => "INTERVAL " + _dialect.Literal(interval.Text),
        SqlUnary { Operator: "NOT" } unary => "NOT " + Expression(unary.Operand),
        SqlUnary unary => unary.Operator + Expression(unary.Operand),
        SqlBinary binary => Expression(binary.Left) + " " + binary.Operator + " " + Expression(binary.Right),
        SqlParenthesized parenthesized => "(" + Expression(parenthesized.Inner) + ")",
        SqlFunctionCall call => Call(call),
        SqlCase @case => "CASE" + (@case.Operand is null ? string.Empty : " " + Expression(@case.Operand))
            + string.Concat(@case.Whens.Select(w => " WHEN " + Expression(w.When) + " THEN " + Expression(w.Then)))
            + (@case.Else is null ? string.Empty : " ELSE " + Expression(@case.Else)) + " END",
        SqlCast cast => _dialect.Cast(Expression(cast.Operand), cast.Type),
        SqlIs @is => Expression(@is.Operand) + " IS " + (@is.Not ? "NOT " : string.Empty) + @is.What,
        SqlIsDistinct { Not: true } distinct => "NOT (" + _dialect.IsDistinct(Expression(distinct.Left), Expression(distinct.Right)) + ")",
        SqlIsDistinct distinct => _dialect.IsDistinct(Expression(distinct.Left), Expression(distinct.Right)),
        SqlInList inList => Expression(inList.Operand) + (inList.Not ? " NOT IN (" : " IN (") + List(inList.Items) + ")",
        SqlInQuery inQuery => Expression(inQuery.Operand) + (inQuery.Not ? " NOT IN " : " IN ") + Subquery(inQuery.Query),
        SqlBetween between => Expression(between.Operand) + (between.Not ? " NOT BETWEEN " : " BETWEEN ") + Expression(between.Low) + " AND " + Expression(between.High),
        SqlExists exists => "EXISTS " + Subquery(exists.Query),
        SqlSubquery subquery => Subquery(subquery.Query),
        _ => string.Empty,
    };

    /// <summary>
    /// A catalog call as the expression language's tree, for <see cref="FunctionCatalog.Render"/>: the literal
    /// arguments (a unit, a number of places) are what its spelling reads; the rest are placeholders, already rendered.
    /// </summary>
    private static FunctionExpr AsExpression(SqlFunctionCall call) => new(
        call.Name,
        call.Arguments.Select(a => a is SqlLiteral literal
            ? new LiteralExpr(literal.Kind switch
            {
                SqlLiteralKind.String => LiteralKind.String,
                SqlLiteralKind.Boolean => LiteralKind.Boolean,
                SqlLiteralKind.Null => LiteralKind.Null,
                _ => LiteralKind.Number,
            }, literal.Text)
            : (Expr)new ColumnExpr(string.Empty)).ToEquatableArray());

    private string Call(SqlFunctionCall call)
    {
        var arguments = call.Arguments.Select(Expression).ToList();
        if (SqlTyping.KindOf(call.Name) == SqlFunctionKind.Scalar) return FunctionCatalog.Render(AsExpression(call), arguments, new SqlType?[arguments.Count], _dialect);

        var filter = call.Filter is null ? null : Expression(call.Filter);
        string inner;
        if (filter is not null && !_dialect.SupportsAggregateFilter)
        {
            // agg(x) FILTER (WHERE c) is agg(CASE WHEN c THEN x END): aggregates skip NULLs, so the rows c rejects
            // count for nothing; COUNT(*) counts a constant instead.
            var first = call.Star ? "1" : arguments[0];
            arguments = new[] { $"CASE WHEN {filter} THEN {first} END" }.Concat(arguments.Skip(1)).ToList();
            inner = (call.Distinct ? "DISTINCT " : string.Empty) + string.Join(", ", arguments);
            filter = null;
        }
        else
        {
            inner = call.Star ? "*" : (call.Distinct ? "DISTINCT " : string.Empty) + string.Join(", ", arguments);
        }

        var sql = call.Name.ToUpperInvariant() + "(" + inner + ")";
        if (filter is not null) sql += " FILTER (WHERE " + filter + ")";
        if (call.Over is { } over) sql += " OVER (" + Window(over) + ")";
        return sql;
    }

    private string Window(SqlWindow window)
    {
        var parts = new List<string>();
        if (window.PartitionBy.Count > 0) parts.Add("PARTITION BY " + List(window.PartitionBy));
        if (window.OrderBy.Count > 0) parts.Add("ORDER BY " + OrderItems(window.OrderBy));
        if (window.Frame is { } frame)
        {
            parts.Add(frame.End is null ? frame.Units + " " + Bound(frame.Start) : frame.Units + " BETWEEN " + Bound(frame.Start) + " AND " + Bound(frame.End));
        }

        return string.Join(" ", parts);
    }

    private string Bound(SqlFrameBound bound) => bound.Rows is null ? bound.Kind : Expression(bound.Rows) + " " + bound.Kind;
}
