using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.SqlFrontEnd;

/// <summary>A model a SQL body reads: the name its columns are qualified by when it has no alias, its node id (the origin of its columns), and its columns.</summary>
internal sealed record SqlBoundTable(string Name, string Id, string Display, IReadOnlyList<(string Name, SqlType Type)> Columns);

/// <summary>A column the query returns: its name, its type where known, and where the SELECT list says so.</summary>
internal sealed record SqlOutputColumn(string Name, SqlType? Type, int Offset, int Length)
{
    /// <summary>
    /// The columns of the models read (through CTEs and subqueries) that the value is computed from: every column its
    /// expression names, inside aggregates, CASE, window clauses and scalar subqueries too, but not those that only
    /// filter, join or group rows (WHERE, ON, GROUP BY, HAVING). Empty for a value that names no column (a literal,
    /// <c>COUNT(*)</c>). In order of first use.
    /// </summary>
    public IReadOnlyList<ColumnOrigin> Reads { get; init; } = Array.Empty<ColumnOrigin>();
}

internal enum SqlProblemKind
{
    UnknownColumn,
    AmbiguousColumn,
    Invalid,
    NotGrouped,
    DialectLacks,
}

/// <summary>What is wrong at a span of the body; the generator turns it into a WH diagnostic at that line and column.</summary>
internal sealed record SqlProblem(SqlProblemKind Kind, int Offset, int Length, IReadOnlyList<string> Arguments);

internal sealed record SqlBinding(IReadOnlyList<SqlOutputColumn> Outputs, IReadOnlyList<SqlProblem> Problems);

/// <summary>
/// Binds a parsed body: every table to a model (a <c>{nameof(...)}</c> reference) or a CTE, every column to a column of
/// a table in scope (correlated subqueries see the outer query's tables), every function to the aggregates, window
/// functions or the expression functions; infers the output columns' types (<see cref="SqlTyping"/>); and checks
/// that a grouped query returns only grouped columns and aggregates, and that each dialect of the registry has every
/// construct used (FILTER is rewritten where it is missing, so only constructs without a rewrite are reported). It
/// reports every problem it finds, each at its own span, and never throws.
/// </summary>
internal sealed class SqlBinder
{
    private readonly string _owner;
    private readonly Func<int, SqlBoundTable?> _reference;
    private readonly IReadOnlyList<SqlDialect> _dialects;
    private readonly List<SqlProblem> _problems = new();
    private readonly Dictionary<SqlColumn, (Relation Relation, Scope Scope)> _resolved = new();
    private readonly Dictionary<SqlExpr, List<SqlOutputColumn>> _subqueries = new();
    private int _relations;

    private SqlBinder(string owner, Func<int, SqlBoundTable?> reference, IReadOnlyList<SqlDialect> dialects)
    {
        _owner = owner;
        _reference = reference;
        _dialects = dialects;
    }

    /// <param name="owner">The record's name, for messages.</param>
    /// <param name="reference">The model a reference (by part index) names; null when it did not resolve (reported elsewhere).</param>
    public static SqlBinding Bind(SqlQuery query, string owner, Func<int, SqlBoundTable?> reference, IReadOnlyList<SqlDialect> dialects)
    {
        var binder = new SqlBinder(owner, reference, dialects);
        var outputs = binder.BindQuery(query, null);
        return new SqlBinding(outputs, binder._problems);
    }

    private sealed class Relation
    {
        public Relation(int id, string name, string display, List<(string Name, SqlType? Type, IReadOnlyList<ColumnOrigin> Reads)> columns)
        {
            Id = id;
            Name = name;
            Display = display;
            Columns = columns;
        }

        public int Id { get; }

        public string Name { get; }

        public string Display { get; }

        public List<(string Name, SqlType? Type, IReadOnlyList<ColumnOrigin> Reads)> Columns { get; }

        public (string Name, SqlType? Type, IReadOnlyList<ColumnOrigin> Reads)? Find(string name)
        {
            foreach (var column in Columns)
            {
                if (column.Name == name) return column;
            }

            return null;
        }
    }

    private sealed class Scope
    {
        public Scope(Scope? parent) => Parent = parent;

        public Scope? Parent { get; }

        public List<Relation> Relations { get; } = new();

        public Dictionary<string, List<(string Name, SqlType? Type, IReadOnlyList<ColumnOrigin> Reads)>> Ctes { get; } = new(StringComparer.Ordinal);

        /// <summary>A table of its FROM did not bind (reported): its columns are unknown, so no column is reported unknown here.</summary>
        public bool Incomplete { get; set; }

        /// <summary>Columns merged by JOIN ... USING: unqualified, they name the left table's column.</summary>
        public Dictionary<string, Relation> Merged { get; } = new(StringComparer.Ordinal);
    }

    private void Report(SqlProblemKind kind, SqlNode at, params string[] arguments) => Report(kind, at.Offset, at.Length, arguments);

    private void Report(SqlProblemKind kind, int offset, int length, params string[] arguments) =>
        _problems.Add(new SqlProblem(kind, offset, Math.Max(length, 1), arguments));

    private void Invalid(SqlNode at, string message) => Report(SqlProblemKind.Invalid, at, _owner, message);

    // ---- queries ----

    private List<SqlOutputColumn> BindQuery(SqlQuery query, Scope? outer)
    {
        var scope = new Scope(outer);
        foreach (var cte in query.With)
        {
            if (query.Recursive && cte.Query.Body is SqlSetOperation recursive && cte.Query.With.Count == 0)
            {
                // WITH RECURSIVE: the anchor (the left side) gives the columns the recursive side reads itself by.
                var anchor = CteColumns(cte, BindBody(recursive.Left, scope).Item1);
                scope.Ctes[cte.Name] = anchor;
                var step = BindBody(recursive.Right, scope).Item1;
                if (step.Count != anchor.Count) Invalid(recursive.Right, $"each side of {recursive.Operator} must return the same number of columns: the left returns {anchor.Count}, the right {step.Count}");
                // Rows of the recursive side are the CTE's rows too: what it reads joins the anchor's.
                scope.Ctes[cte.Name] = anchor.Select((c, i) => i < step.Count ? c with { Reads = Union(c.Reads, step[i].Reads) } : c).ToList();
                continue;
            }

            scope.Ctes[cte.Name] = CteColumns(cte, BindQuery(cte.Query, scope));
        }

        var (result, selectScope, select) = BindBody(query.Body, scope);
        foreach (var item in query.OrderBy)
        {
            // ORDER BY sees the output names first, then (for a plain SELECT) the tables in its FROM.
            if (item.Expression is SqlColumn { Qualifier: null } column && result.Any(o => o.Name == column.Name)) continue;
            if (item.Expression is SqlLiteral { Kind: SqlLiteralKind.Number }) continue;
            BindExpression(item.Expression, selectScope ?? scope);
            if (select is not null && selectScope is not null) CheckGrouped(select, selectScope, item.Expression);
        }

        if (query.Limit is not null) BindExpression(query.Limit, scope);
        if (query.OffsetRows is not null) BindExpression(query.OffsetRows, scope);
        return result;
    }

    /// <summary>A CTE's columns: its query's outputs, renamed by its column list when it has one.</summary>
    private List<(string Name, SqlType? Type, IReadOnlyList<ColumnOrigin> Reads)> CteColumns(SqlCte cte, List<SqlOutputColumn> outputs)
    {
        var columns = outputs.Select(o => (o.Name, o.Type, o.Reads)).ToList();
        if (cte.Columns.Count == 0) return columns;
        if (cte.Columns.Count != columns.Count) Invalid(cte, $"the CTE '{cte.Name}' names {cte.Columns.Count} columns but its query returns {columns.Count}");
        return columns.Select((c, i) => (i < cte.Columns.Count ? cte.Columns[i] : c.Name, c.Type, c.Reads)).ToList();
    }

    private (List<SqlOutputColumn>, Scope?, SqlSelect?) BindBody(SqlQueryBody body, Scope scope)
    {
        switch (body)
        {
            case SqlSelect select:
                var (outputs, selectScope) = BindSelect(select, scope);
                return (outputs, selectScope, select);
            case SqlNestedQuery nested:
                return (BindQuery(nested.Query, scope), null, null);
            case SqlSetOperation operation:
                var left = BindBody(operation.Left, scope).Item1;
                var right = BindBody(operation.Right, scope).Item1;
                if (left.Count != right.Count)
                {
                    Invalid(operation.Right, $"each side of {operation.Operator} must return the same number of columns: the left returns {left.Count}, the right {right.Count}");
                    return (left, null, null);
                }

                return (left.Select((o, i) => o with { Type = SqlTyping.Common(o.Type, right[i].Type), Reads = Union(o.Reads, right[i].Reads) }).ToList(), null, null);
            default:
                return (new List<SqlOutputColumn>(), null, null);
        }
    }

    private (List<SqlOutputColumn>, Scope) BindSelect(SqlSelect select, Scope outer)
    {
        var scope = new Scope(outer);
        foreach (var table in select.From) BindTable(table, scope, outer);
        if (select.Where is not null)
        {
            BindExpression(select.Where, scope);
            if (FirstAggregate(select.Where) is { } aggregate) Invalid(aggregate, $"the aggregate {aggregate.Name.ToUpperInvariant()} cannot be in WHERE; filter groups in HAVING");
        }

        if (select.DistinctOn is { } distinctOn)
        {
            foreach (var expression in distinctOn) BindExpression(expression, scope);
            foreach (var dialect in _dialects.Where(d => !d.SupportsDistinctOn))
            {
                Report(SqlProblemKind.DialectLacks, select.Offset, 6, _owner, "DISTINCT ON", dialect.DisplayName, "; keep the first row per group with ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...) = 1 in a subquery");
            }
        }

        var outputs = new List<SqlOutputColumn>();
        foreach (var item in select.Items)
        {
            if (item.Expression is null)
            {
                outputs.AddRange(Star(item, scope));
                continue;
            }

            var type = BindExpression(item.Expression, scope);
            outputs.Add(new SqlOutputColumn(item.Alias ?? NameOf(item.Expression), type, item.Offset, item.Length) { Reads = ReadsOf(item.Expression) });
        }

        foreach (var expression in select.GroupBy)
        {
            if (GroupedOutput(expression, select, scope) is null) BindExpression(expression, scope);
        }

        if (select.Having is not null) BindExpression(select.Having, scope);
        foreach (var item in select.Items)
        {
            if (item.Expression is not null) CheckGrouped(select, scope, item.Expression);
        }

        if (select.Having is not null) CheckGrouped(select, scope, select.Having);
        return (outputs, scope);
    }

    /// <summary>A GROUP BY item that names an output (by position, or by alias when no input column has that name): the output's expression.</summary>
    private SqlExpr? GroupedOutput(SqlExpr expression, SqlSelect select, Scope scope)
    {
        if (expression is SqlLiteral { Kind: SqlLiteralKind.Number } ordinal && int.TryParse(ordinal.Text, out var position))
        {
            if (position >= 1 && position <= select.Items.Count && select.Items[position - 1].Expression is { } output) return output;
            Invalid(ordinal, $"GROUP BY {position} names no column of the SELECT list (it has {select.Items.Count})");
            return ordinal;
        }

        if (expression is SqlColumn { Qualifier: null } column && !scope.Relations.Any(r => r.Find(column.Name) is not null))
        {
            return select.Items.FirstOrDefault(i => i.Alias == column.Name)?.Expression;
        }

        return null;
    }

    private IEnumerable<SqlOutputColumn> Star(SqlSelectItem item, Scope scope)
    {
        var relations = scope.Relations;
        if (item.StarQualifier is { } qualifier)
        {
            var relation = relations.FirstOrDefault(r => r.Name == qualifier);
            if (relation is null)
            {
                UnknownQualifier(item.Offset, qualifier.Length, qualifier, scope);
                return Enumerable.Empty<SqlOutputColumn>();
            }

            relations = new List<Relation> { relation };
        }

        if (relations.Count == 0) Invalid(item, "SELECT * needs a table in FROM");
        return relations.SelectMany(r => r.Columns).Select(c => new SqlOutputColumn(c.Name, c.Type, item.Offset, item.Length) { Reads = c.Reads });
    }

    private void BindTable(SqlTable table, Scope scope, Scope outer)
    {
        switch (table)
        {
            case SqlNamedTable { Reference: >= 0 } named:
                if (_reference(named.Reference) is { } model)
                {
                    Add(scope, named, named.Alias ?? model.Name, model.Display,
                        model.Columns.Select(c => (c.Name, (SqlType?)c.Type, (IReadOnlyList<ColumnOrigin>)new[] { new ColumnOrigin(model.Id, c.Name) })).ToList());
                }
                else
                {
                    scope.Incomplete = true;
                }

                break;
            case SqlNamedTable named:
                var name = named.Name ?? string.Empty;
                var cte = FindCte(outer, name);
                if (cte is null)
                {
                    Invalid(named, $"the table '{name}' is neither a model, named as {{nameof(Model)}}, nor a CTE of the query");
                    scope.Incomplete = true;
                    break;
                }

                Add(scope, named, named.Alias ?? name, $"the CTE '{name}'", cte);
                break;
            case SqlDerivedTable derived:
                var outputs = BindQuery(derived.Query, derived.Lateral ? scope : outer);
                Add(scope, derived, derived.Alias, $"the subquery '{derived.Alias}'", outputs.Select(o => (o.Name, o.Type, o.Reads)).ToList());
                break;
            case SqlJoin join:
                BindTable(join.Left, scope, outer);
                var before = scope.Relations.Count;
                BindTable(join.Right, scope, outer);
                var rightRelations = scope.Relations.Skip(before).ToList();
                var leftRelations = scope.Relations.Take(before).ToList();
                if (join.On is not null) BindExpression(join.On, scope);
                var usingColumns = join.Natural
                    ? leftRelations.SelectMany(r => r.Columns).Select(c => c.Name).Where(n => rightRelations.Any(r => r.Find(n) is not null)).Distinct()
                        .Select(n => new SqlColumn { Offset = join.Offset, Name = n }).ToList()
                    : join.Using.ToList();
                foreach (var column in usingColumns)
                {
                    var left = leftRelations.FirstOrDefault(r => r.Find(column.Name) is not null);
                    var right = rightRelations.FirstOrDefault(r => r.Find(column.Name) is not null);
                    if (left is null || right is null) UnknownColumn(column, column.Name, left is null ? leftRelations : rightRelations, "USING");
                    else scope.Merged[column.Name] = left;
                }

                break;
        }
    }

    private void Add(Scope scope, SqlNode at, string name, string display, List<(string Name, SqlType? Type, IReadOnlyList<ColumnOrigin> Reads)> columns)
    {
        if (scope.Relations.Any(r => r.Name == name))
        {
            Invalid(at, $"the name '{name}' is given to two tables in FROM; give one of them another alias");
            return;
        }

        scope.Relations.Add(new Relation(++_relations, name, display, columns));
    }

    private static List<(string Name, SqlType? Type, IReadOnlyList<ColumnOrigin> Reads)>? FindCte(Scope? scope, string name)
    {
        for (; scope is not null; scope = scope.Parent)
        {
            if (scope.Ctes.TryGetValue(name, out var columns)) return columns;
        }

        return null;
    }

    // ---- expressions ----

    private SqlType? BindExpression(SqlExpr expression, Scope scope)
    {
        switch (expression)
        {
            case SqlColumn column:
                return BindColumn(column, scope);
            case SqlLiteral literal:
                return SqlTyping.Literal(literal);
            case SqlInterval:
                return null;
            case SqlUnary unary:
                return SqlTyping.Unary(unary.Operator, BindExpression(unary.Operand, scope));
            case SqlBinary binary:
                return SqlTyping.Binary(binary.Operator, BindExpression(binary.Left, scope), BindExpression(binary.Right, scope));
            case SqlParenthesized parenthesized:
                return BindExpression(parenthesized.Inner, scope);
            case SqlFunctionCall call:
                return BindCall(call, scope);
            case SqlCase @case:
                if (@case.Operand is not null) BindExpression(@case.Operand, scope);
                SqlType? result = null;
                foreach (var (when, then) in @case.Whens)
                {
                    BindExpression(when, scope);
                    result = SqlTyping.Common(result, BindExpression(then, scope));
                }

                return @case.Else is null ? result : SqlTyping.Common(result, BindExpression(@case.Else, scope));
            case SqlCast cast:
                BindExpression(cast.Operand, scope);
                return cast.Type;
            case SqlInQuery inQuery:
                BindExpression(inQuery.Operand, scope);
                var outputs = BindQuery(inQuery.Query, scope);
                _subqueries[inQuery] = outputs;
                if (outputs.Count != 1) Invalid(inQuery, $"the subquery of IN must return one column; it returns {outputs.Count}");
                return new SqlType(SqlTypeKind.Boolean);
            case SqlExists exists:
                BindQuery(exists.Query, scope);
                return new SqlType(SqlTypeKind.Boolean);
            case SqlSubquery subquery:
                var columns = BindQuery(subquery.Query, scope);
                _subqueries[subquery] = columns;
                if (columns.Count != 1) Invalid(subquery, $"a subquery used as a value must return one column; it returns {columns.Count}");
                return columns.Count == 1 ? columns[0].Type : null;
            default:
                foreach (var child in SqlTree.Children(expression)) BindExpression(child, scope);
                return new SqlType(SqlTypeKind.Boolean);
        }
    }

    private SqlType? BindCall(SqlFunctionCall call, Scope scope)
    {
        var types = call.Arguments.Select(a => BindExpression(a, scope)).ToList();
        if (call.Filter is not null) BindExpression(call.Filter, scope);
        if (call.Over is { } over)
        {
            foreach (var partition in over.PartitionBy) BindExpression(partition, scope);
            foreach (var order in over.OrderBy) BindExpression(order.Expression, scope);
            if (over.Frame is { } frame)
            {
                if (frame.Start.Rows is not null) BindExpression(frame.Start.Rows, scope);
                if (frame.End?.Rows is not null) BindExpression(frame.End.Rows, scope);
            }
        }

        var kind = SqlTyping.KindOf(call.Name);
        if (kind == SqlFunctionKind.Unknown)
        {
            var suggestion = Nearest(call.Name, SqlTyping.FunctionNames);
            Invalid(call, $"'{call.Name}' is not a function it knows (an aggregate, a window function or an expression function){DidYouMean(suggestion)}");
            return null;
        }

        var count = call.Star ? 1 : call.Arguments.Count;
        var (min, max) = SqlTyping.Arity(call.Name);
        if (call.Star && call.Name != "count") Invalid(call, $"only COUNT takes *, not {call.Name.ToUpperInvariant()}");
        else if (count < min || count > max) Invalid(call, $"{call.Name.ToUpperInvariant()} takes {(min == max ? min.ToString() : $"{min} to {max}")} argument{(max == 1 ? string.Empty : "s")}, not {count}");
        if (call.Filter is not null && kind != SqlFunctionKind.Aggregate) Invalid(call, $"FILTER applies to aggregates only, not to {call.Name.ToUpperInvariant()}");
        if (call.Distinct && kind != SqlFunctionKind.Aggregate) Invalid(call, $"DISTINCT applies to aggregates only, not to {call.Name.ToUpperInvariant()}");
        if (kind == SqlFunctionKind.Window && call.Over is null) Invalid(call, $"the window function {call.Name.ToUpperInvariant()} needs OVER (...)");
        if (kind == SqlFunctionKind.Scalar && call.Over is not null) Invalid(call, $"{call.Name.ToUpperInvariant()} is not an aggregate or window function, so it takes no OVER");
        return SqlTyping.Function(call.Name, types, call.Arguments);
    }

    private SqlType? BindColumn(SqlColumn column, Scope scope)
    {
        if (column.Qualifier is { } qualifier)
        {
            for (var s = scope; s is not null; s = s.Parent)
            {
                var relation = s.Relations.FirstOrDefault(r => r.Name == qualifier);
                if (relation is null) continue;
                if (relation.Find(column.Name) is { } found)
                {
                    _resolved[column] = (relation, s);
                    return found.Type;
                }

                UnknownColumn(column, column.Name, new[] { relation }, null);
                return null;
            }

            if (Incomplete(scope)) return null;
            UnknownQualifier(column.Offset, qualifier.Length, qualifier, scope);
            return null;
        }

        for (var s = scope; s is not null; s = s.Parent)
        {
            if (s.Merged.TryGetValue(column.Name, out var merged))
            {
                _resolved[column] = (merged, s);
                return merged.Find(column.Name)?.Type;
            }

            var matches = s.Relations.Where(r => r.Find(column.Name) is not null).ToList();
            if (matches.Count == 1)
            {
                _resolved[column] = (matches[0], s);
                return matches[0].Find(column.Name)!.Value.Type;
            }

            if (matches.Count > 1)
            {
                Report(SqlProblemKind.AmbiguousColumn, column, column.Name, _owner, string.Join(" and ", matches.Select(r => $"'{r.Name}' ({r.Display})")), matches[0].Name);
                return matches[0].Find(column.Name)!.Value.Type;
            }
        }

        if (Incomplete(scope)) return null;
        var nearest = scope;
        while (nearest is not null && nearest.Relations.Count == 0) nearest = nearest.Parent;
        UnknownColumn(column, column.Name, nearest?.Relations ?? new List<Relation>(), null);
        return null;
    }

    private static bool Incomplete(Scope? scope)
    {
        for (; scope is not null; scope = scope.Parent)
        {
            if (scope.Incomplete) return true;
        }

        return false;
    }

    private void UnknownColumn(SqlNode at, string name, IReadOnlyList<Relation> relations, string? clause)
    {
        var candidates = relations.SelectMany(r => r.Columns.Select(c => c.Name)).Distinct().ToList();
        var where = relations.Count == 0 ? "any table (there is none in FROM)"
            : relations.Count == 1 ? $"'{relations[0].Name}' ({relations[0].Display})"
            : "the tables in FROM (" + string.Join(", ", relations.Select(r => $"'{r.Name}'")) + ")";
        if (clause is not null) where += " in " + clause;
        Report(SqlProblemKind.UnknownColumn, at, name, where, _owner, DidYouMean(Nearest(name, candidates)), string.Join(", ", candidates));
    }

    private void UnknownQualifier(int offset, int length, string qualifier, Scope scope)
    {
        var names = new List<string>();
        for (var s = scope; s is not null; s = s.Parent) names.AddRange(s.Relations.Select(r => r.Name));
        Report(SqlProblemKind.Invalid, offset, length, _owner,
            $"'{qualifier}' names no table in FROM{DidYouMean(Nearest(qualifier, names))}; the tables are {(names.Count == 0 ? "none" : string.Join(", ", names.Select(n => $"'{n}'")))}");
    }

    // ---- lineage ----

    /// <summary>What a bound output expression reads (<see cref="SqlOutputColumn.Reads"/>): its columns' reads and those of its subqueries' outputs.</summary>
    private IReadOnlyList<ColumnOrigin> ReadsOf(SqlExpr expression)
    {
        var reads = new List<ColumnOrigin>();
        var seen = new HashSet<ColumnOrigin>();
        Collect(expression);
        return reads;

        void Collect(SqlExpr e)
        {
            if (e is SqlColumn column && _resolved.TryGetValue(column, out var bound) && bound.Relation.Find(column.Name) is { } found)
            {
                Add(found.Reads);
            }

            if (_subqueries.TryGetValue(e, out var outputs))
            {
                foreach (var output in outputs) Add(output.Reads);
            }

            foreach (var child in SqlTree.Children(e)) Collect(child);
        }

        void Add(IReadOnlyList<ColumnOrigin> more)
        {
            foreach (var read in more)
            {
                if (seen.Add(read)) reads.Add(read);
            }
        }
    }

    private static IReadOnlyList<ColumnOrigin> Union(IReadOnlyList<ColumnOrigin> left, IReadOnlyList<ColumnOrigin> right) =>
        right.Count == 0 ? left : left.Concat(right).Distinct().ToList();

    // ---- grouping ----

    private static SqlFunctionCall? FirstAggregate(SqlExpr expression)
    {
        if (expression is SqlFunctionCall { Over: null } call && SqlTyping.KindOf(call.Name) == SqlFunctionKind.Aggregate) return call;
        foreach (var child in SqlTree.Children(expression))
        {
            if (FirstAggregate(child) is { } found) return found;
        }

        return null;
    }

    /// <summary>
    /// In a grouped SELECT (GROUP BY, or an aggregate in its list or HAVING), <paramref name="expression"/> may use a
    /// column of its own FROM only inside an aggregate or as (part of) a GROUP BY expression; anything else the
    /// engines reject at deploy. Outer columns of a correlated subquery are constants here.
    /// </summary>
    private void CheckGrouped(SqlSelect select, Scope scope, SqlExpr expression)
    {
        var grouped = select.GroupBy.Count > 0 || select.Items.Any(i => i.Expression is { } e && FirstAggregate(e) is not null)
            || (select.Having is not null && FirstAggregate(select.Having) is not null);
        if (!grouped) return;
        var keys = new HashSet<string>(select.GroupBy.Select(g => Canonical(GroupedOutput(g, select, scope) ?? g)), StringComparer.Ordinal);
        Check(expression);

        void Check(SqlExpr e)
        {
            if (keys.Contains(Canonical(e))) return;
            switch (e)
            {
                case SqlFunctionCall { Over: null } call when SqlTyping.KindOf(call.Name) == SqlFunctionKind.Aggregate:
                    return;
                case SqlColumn column:
                    if (_resolved.TryGetValue(column, out var resolved) && resolved.Scope == scope)
                    {
                        var text = column.Qualifier is null ? column.Name : column.Qualifier + "." + column.Name;
                        Report(SqlProblemKind.NotGrouped, column, text, _owner);
                    }

                    return;
            }

            foreach (var child in SqlTree.Children(e)) Check(child);
        }
    }

    /// <summary>An expression's identity for GROUP BY: columns by the table they bound to, so <c>d.year</c> and <c>year</c> agree.</summary>
    private string Canonical(SqlExpr expression)
    {
        switch (expression)
        {
            case SqlColumn column:
                return _resolved.TryGetValue(column, out var resolved) ? $"#{resolved.Relation.Id}.{column.Name}" : $"?{column.Qualifier}.{column.Name}";
            case SqlParenthesized parenthesized:
                return Canonical(parenthesized.Inner);
            case SqlSubquery or SqlExists or SqlInQuery:
                return "subquery@" + expression.Offset;
        }

        var own = expression switch
        {
            SqlLiteral literal => literal.Kind + ":" + literal.Text,
            SqlInterval interval => interval.Text,
            SqlUnary unary => unary.Operator,
            SqlBinary binary => binary.Operator,
            SqlFunctionCall call => $"{call.Name}:{call.Distinct}:{call.Star}:{call.Over is not null}",
            SqlCast cast => cast.Type.ToString(),
            SqlIs @is => @is.What + @is.Not,
            SqlIsDistinct distinct => distinct.Not.ToString(),
            SqlInList inList => inList.Not.ToString(),
            SqlBetween between => between.Not.ToString(),
            SqlCase @case => (@case.Operand is not null) + ":" + (@case.Else is not null),
            _ => string.Empty,
        };
        return expression.GetType().Name + "[" + own + "](" + string.Join(",", SqlTree.Children(expression).Select(Canonical)) + ")";
    }

    // ---- names ----

    /// <summary>The name an engine gives an output without an alias: the column's, the function's, or PostgreSQL's <c>?column?</c>.</summary>
    private static string NameOf(SqlExpr expression) => expression switch
    {
        SqlColumn column => column.Name,
        SqlFunctionCall call => call.Name,
        SqlCast cast when cast.Operand is SqlColumn or SqlFunctionCall => NameOf(cast.Operand),
        SqlParenthesized parenthesized => NameOf(parenthesized.Inner),
        SqlCase => "case",
        _ => "?column?",
    };

    private static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";

    /// <summary>The candidate closest to <paramref name="name"/> by edit distance, when it is close enough to be a typo.</summary>
    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
