using System.Collections.Generic;
using System.Globalization;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.SqlFrontEnd;

/// <summary>What parsing a SQL body gave: the tree, or the first error and the body offset it is at.</summary>
internal sealed record SqlParseOutcome(SqlQuery? Query, string? Error, int ErrorOffset, int ErrorLength);

/// <summary>
/// A recursive-descent parser for the SELECT language of <c>[SqlModel]</c>, <c>[Analysis]</c> and
/// <c>[SingularTest]</c> bodies (PostgreSQL's grammar, which DuckDB and Redshift share for SELECT): WITH, joins,
/// subqueries, GROUP BY/HAVING, window functions, CASE, set operations, FILTER, DISTINCT [ON], ORDER BY, LIMIT/OFFSET,
/// CAST and <c>::</c>. It never throws and never backtracks more than two tokens, so it is linear in the body; nesting
/// deeper than <see cref="MaxDepth"/> is an error rather than a stack overflow. After the first error it stops: the
/// position jumps to the end, so every loop ends, and the outcome carries that error alone.
/// </summary>
internal sealed class SqlParser
{
    public const int MaxDepth = 200;

    // Words that end an expression or a FROM item, so they cannot be an implicit alias (quote them to use them as names).
    private static readonly HashSet<string> Reserved = new(
        ("all and any as asc between by case cast cross desc distinct else end except exists false fetch filter for from full group having ilike in inner intersect "
            + "interval is join lateral left like limit natural not null nulls offset on or order outer over partition right rows range groups select similar some "
            + "then true union using when where window with").Split(' '));

    private readonly List<SqlToken> _tokens;
    private int _position;
    private int _depth;
    private string? _error;
    private int _errorOffset;
    private int _errorLength;

    private SqlParser(List<SqlToken> tokens) => _tokens = tokens;

    public static SqlParseOutcome Parse(SqlBody body)
    {
        var (tokens, error, errorOffset) = SqlTokenizer.Tokenize(body);
        if (error is not null) return new SqlParseOutcome(null, error, errorOffset, 1);
        var parser = new SqlParser(tokens);
        var query = parser.ParseQuery();
        if (parser.Current.IsSymbol(";")) parser.Advance();
        if (parser._error is null && parser.Current.Kind != SqlTokenKind.End) parser.Fail($"expected the end of the query, found {Describe(parser.Current)}");
        return parser._error is null
            ? new SqlParseOutcome(query, null, 0, 0)
            : new SqlParseOutcome(null, parser._error, parser._errorOffset, parser._errorLength);
    }

    public static SqlParseOutcome Parse(EquatableArray<SqlPart> parts) => Parse(SqlBody.From(parts));

    private SqlToken Current => _tokens[_position];

    private SqlToken Peek(int ahead = 1) => _tokens[System.Math.Min(_position + ahead, _tokens.Count - 1)];

    private SqlToken Advance()
    {
        var token = Current;
        if (_position < _tokens.Count - 1) _position++;
        return token;
    }

    private bool Accept(string word)
    {
        if (!Current.IsWord(word)) return false;
        Advance();
        return true;
    }

    private bool AcceptSymbol(string symbol)
    {
        if (!Current.IsSymbol(symbol)) return false;
        Advance();
        return true;
    }

    private void Expect(string word)
    {
        if (!Accept(word)) Fail($"expected {word.ToUpperInvariant()}, found {Describe(Current)}");
    }

    private void ExpectSymbol(string symbol)
    {
        if (!AcceptSymbol(symbol)) Fail($"expected '{symbol}', found {Describe(Current)}");
    }

    private void Fail(string message) => Fail(message, Current);

    private void Fail(string message, SqlToken at)
    {
        if (_error is null)
        {
            _error = message;
            _errorOffset = at.Offset;
            _errorLength = System.Math.Max(at.Length, 1);
        }

        _position = _tokens.Count - 1;
    }

    private static string Describe(SqlToken token) => token.Kind switch
    {
        SqlTokenKind.End => "the end of the query",
        SqlTokenKind.String => "a string",
        SqlTokenKind.Reference => $"the model '{token.Text}'",
        _ => $"'{token.Text}'",
    };

    /// <summary>
    /// One more link of a left-deep chain (<c>a + b + c</c>, <c>x AND y AND z</c>): the tree gets one level deeper
    /// per link, and the binder and renderer recurse through it, so links count against <see cref="MaxDepth"/>.
    /// </summary>
    private bool Deeper(ref int chain)
    {
        if (!Enter()) return false;
        chain++;
        return true;
    }

    private bool Enter()
    {
        if (++_depth <= MaxDepth) return true;
        Fail($"the query nests deeper than {MaxDepth} levels");
        return false;
    }

    // ---- queries ----

    private SqlQuery ParseQuery()
    {
        var start = Current;
        if (!Enter()) return new SqlQuery { Body = EmptySelect(start) };
        var with = new List<SqlCte>();
        var recursive = false;
        if (Accept("with"))
        {
            recursive = Accept("recursive");
            do
            {
                with.Add(ParseCte());
            }
            while (AcceptSymbol(","));
        }

        var body = ParseSetOperation();
        var (orderBy, limit, offset) = ParseQueryTail();
        _depth--;
        return new SqlQuery { Offset = start.Offset, With = with, Recursive = recursive, Body = body, OrderBy = orderBy, Limit = limit, OffsetRows = offset };
    }

    private (List<SqlOrderItem>, SqlExpr?, SqlExpr?) ParseQueryTail()
    {
        var orderBy = new List<SqlOrderItem>();
        if (Accept("order"))
        {
            Expect("by");
            orderBy = ParseOrderItems();
        }

        SqlExpr? limit = null, offset = null;
        if (Accept("limit")) limit = Accept("all") ? null : ParseExpression();
        if (Accept("offset"))
        {
            offset = ParseExpression();
            if (!Accept("rows")) Accept("row");
        }

        return (orderBy, limit, offset);
    }

    private SqlCte ParseCte()
    {
        var name = Current;
        var cteName = ParseName("a CTE name");
        var columns = new List<string>();
        if (AcceptSymbol("("))
        {
            do
            {
                columns.Add(ParseName("a column name"));
            }
            while (AcceptSymbol(","));
            ExpectSymbol(")");
        }

        Expect("as");
        ExpectSymbol("(");
        var query = ParseQuery();
        ExpectSymbol(")");
        return new SqlCte { Offset = name.Offset, Length = name.Length, Name = cteName, Columns = columns, Query = query };
    }

    private SqlQueryBody ParseSetOperation()
    {
        // INTERSECT binds tighter than UNION and EXCEPT, as in PostgreSQL.
        var left = ParseIntersect();
        var chain = 0;
        while ((Current.IsWord("union") || Current.IsWord("except")) && Deeper(ref chain))
        {
            var op = Advance();
            var all = Accept("all");
            if (!all) Accept("distinct");
            var right = ParseIntersect();
            left = new SqlSetOperation { Offset = left.Offset, Left = left, Operator = op.Text.ToUpperInvariant(), All = all, Right = right };
        }

        _depth -= chain;
        return left;
    }

    private SqlQueryBody ParseIntersect()
    {
        var left = ParseSetOperand();
        var chain = 0;
        while (Current.IsWord("intersect") && Deeper(ref chain))
        {
            Advance();
            var all = Accept("all");
            if (!all) Accept("distinct");
            var right = ParseSetOperand();
            left = new SqlSetOperation { Offset = left.Offset, Left = left, Operator = "INTERSECT", All = all, Right = right };
        }

        _depth -= chain;
        return left;
    }

    private SqlQueryBody ParseSetOperand()
    {
        var start = Current;
        if (AcceptSymbol("("))
        {
            var query = ParseQuery();
            ExpectSymbol(")");
            return new SqlNestedQuery { Offset = start.Offset, Query = query };
        }

        return ParseSelect();
    }

    private static SqlSelect EmptySelect(SqlToken at) => new() { Offset = at.Offset, Items = new SqlSelectItem[0] };

    private SqlSelect ParseSelect()
    {
        var start = Current;
        if (!Accept("select"))
        {
            Fail($"expected SELECT, found {Describe(Current)}");
            return EmptySelect(start);
        }

        var distinct = false;
        List<SqlExpr>? distinctOn = null;
        if (Accept("distinct"))
        {
            distinct = true;
            if (Accept("on"))
            {
                ExpectSymbol("(");
                distinctOn = ParseExpressions();
                ExpectSymbol(")");
            }
        }
        else
        {
            Accept("all");
        }

        var items = new List<SqlSelectItem>();
        do
        {
            items.Add(ParseSelectItem());
        }
        while (AcceptSymbol(","));

        var from = new List<SqlTable>();
        if (Accept("from"))
        {
            do
            {
                from.Add(ParseJoinedTable());
            }
            while (AcceptSymbol(","));
        }

        var where = Accept("where") ? ParseExpression() : null;
        var groupBy = new List<SqlExpr>();
        if (Accept("group"))
        {
            Expect("by");
            groupBy = ParseExpressions();
        }

        var having = Accept("having") ? ParseExpression() : null;
        return new SqlSelect { Offset = start.Offset, Distinct = distinct, DistinctOn = distinctOn, Items = items, From = from, Where = where, GroupBy = groupBy, Having = having };
    }

    private SqlSelectItem ParseSelectItem()
    {
        var start = Current;
        if (AcceptSymbol("*")) return new SqlSelectItem { Offset = start.Offset, Length = 1 };
        if (Current.Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier && Peek().IsSymbol(".") && Peek(2).IsSymbol("*"))
        {
            var qualifier = Advance().Text;
            Advance();
            var star = Advance();
            return new SqlSelectItem { Offset = start.Offset, Length = star.Offset + 1 - start.Offset, StarQualifier = qualifier };
        }

        var expression = ParseExpression();
        var alias = ParseAlias();
        var end = _tokens[System.Math.Max(_position - 1, 0)];
        return new SqlSelectItem { Offset = start.Offset, Length = System.Math.Max(end.Offset + end.Length - start.Offset, 1), Expression = expression, Alias = alias };
    }

    /// <summary><c>AS name</c>, or a bare name that is not a reserved word.</summary>
    private string? ParseAlias()
    {
        if (Accept("as")) return ParseName("an alias");
        if (Current.Kind == SqlTokenKind.QuotedIdentifier || (Current.Kind == SqlTokenKind.Identifier && !Reserved.Contains(Current.Text))) return Advance().Text;
        return null;
    }

    private string ParseName(string what)
    {
        if (Current.Kind == SqlTokenKind.QuotedIdentifier || (Current.Kind == SqlTokenKind.Identifier && !Reserved.Contains(Current.Text))) return Advance().Text;
        Fail($"expected {what}, found {Describe(Current)}");
        return string.Empty;
    }

    // ---- FROM ----

    private SqlTable ParseJoinedTable()
    {
        var left = ParseTablePrimary();
        var chain = 0;
        while (Deeper(ref chain))
        {
            var start = Current;
            var natural = Accept("natural");
            SqlJoinKind kind;
            if (Accept("cross")) kind = SqlJoinKind.Cross;
            else if (Accept("inner")) kind = SqlJoinKind.Inner;
            else if (Accept("left")) kind = SqlJoinKind.Left;
            else if (Accept("right")) kind = SqlJoinKind.Right;
            else if (Accept("full")) kind = SqlJoinKind.Full;
            else if (Current.IsWord("join")) kind = SqlJoinKind.Inner;
            else
            {
                if (natural) Fail($"expected JOIN, found {Describe(Current)}");
                break;
            }

            if (kind is SqlJoinKind.Left or SqlJoinKind.Right or SqlJoinKind.Full) Accept("outer");
            Expect("join");
            var right = ParseTablePrimary();
            SqlExpr? on = null;
            var usingColumns = new List<SqlColumn>();
            if (kind != SqlJoinKind.Cross && !natural)
            {
                if (Accept("on"))
                {
                    on = ParseExpression();
                }
                else if (Accept("using"))
                {
                    ExpectSymbol("(");
                    do
                    {
                        var column = Current;
                        usingColumns.Add(new SqlColumn { Offset = column.Offset, Length = column.Length, Name = ParseName("a column name") });
                    }
                    while (AcceptSymbol(","));
                    ExpectSymbol(")");
                }
                else
                {
                    Fail($"expected ON or USING after the joined table, found {Describe(Current)}");
                }
            }

            left = new SqlJoin { Offset = start.Offset, Left = left, Kind = kind, Natural = natural, Right = right, On = on, Using = usingColumns };
        }

        _depth -= chain;
        return left;
    }

    private SqlTable ParseTablePrimary()
    {
        var start = Current;
        if (!Enter()) return new SqlNamedTable { Offset = start.Offset };
        SqlTable table;
        var lateral = Accept("lateral");
        if (Current.Kind == SqlTokenKind.Reference)
        {
            Advance();
            table = new SqlNamedTable { Offset = start.Offset, Length = start.Length, Reference = start.Reference, Alias = ParseAlias() };
        }
        else if (AcceptSymbol("("))
        {
            if (Current.IsWord("select") || Current.IsWord("with") || Current.IsSymbol("("))
            {
                var query = ParseQuery();
                ExpectSymbol(")");
                var alias = ParseAlias();
                if (alias is null) Fail($"a subquery in FROM needs an alias (AS name), found {Describe(Current)}");
                table = new SqlDerivedTable { Offset = start.Offset, Lateral = lateral, Query = query, Alias = alias ?? string.Empty };
            }
            else
            {
                table = ParseJoinedTable();
                ExpectSymbol(")");
            }
        }
        else
        {
            var name = Current;
            var text = ParseName("a table: a model as {nameof(Model)}, or a CTE");
            if (Current.IsSymbol(".")) Fail("name a model with {nameof(Model)} rather than by its schema and table, so that renames refactor it", name);
            table = new SqlNamedTable { Offset = name.Offset, Length = name.Length, Name = text, Alias = ParseAlias() };
        }

        _depth--;
        return table;
    }

    // ---- expressions ----

    private List<SqlExpr> ParseExpressions()
    {
        var list = new List<SqlExpr>();
        do
        {
            list.Add(ParseExpression());
        }
        while (AcceptSymbol(","));
        return list;
    }

    private List<SqlOrderItem> ParseOrderItems()
    {
        var items = new List<SqlOrderItem>();
        do
        {
            var start = Current;
            var expression = ParseExpression();
            var descending = Accept("desc");
            if (!descending) Accept("asc");
            bool? nullsFirst = null;
            if (Accept("nulls"))
            {
                if (Accept("first")) nullsFirst = true;
                else if (Accept("last")) nullsFirst = false;
                else Fail($"expected FIRST or LAST after NULLS, found {Describe(Current)}");
            }

            items.Add(new SqlOrderItem { Offset = start.Offset, Expression = expression, Descending = descending, NullsFirst = nullsFirst });
        }
        while (AcceptSymbol(","));
        return items;
    }

    private SqlExpr ParseExpression()
    {
        var start = Current;
        if (!Enter()) return Null(start);
        var expression = ParseOr();
        _depth--;
        return expression;
    }

    private SqlExpr ParseOr()
    {
        var left = ParseAnd();
        var chain = 0;
        while (Current.IsWord("or") && Deeper(ref chain))
        {
            Advance();
            left = new SqlBinary { Offset = left.Offset, Operator = "OR", Left = left, Right = ParseAnd() };
        }

        _depth -= chain;
        return left;
    }

    private SqlExpr ParseAnd()
    {
        var left = ParseNot();
        var chain = 0;
        while (Current.IsWord("and") && Deeper(ref chain))
        {
            Advance();
            left = new SqlBinary { Offset = left.Offset, Operator = "AND", Left = left, Right = ParseNot() };
        }

        _depth -= chain;
        return left;
    }

    private SqlExpr ParseNot()
    {
        var start = Current;
        if (!Accept("not")) return ParseIs();
        if (!Enter()) return Null(start);
        var operand = ParseNot();
        _depth--;
        return new SqlUnary { Offset = start.Offset, Operator = "NOT", Operand = operand };
    }

    private SqlExpr ParseIs()
    {
        var left = ParseComparison();
        var chain = 0;
        while (Current.IsWord("is") && Deeper(ref chain))
        {
            Advance();
            var not = Accept("not");
            if (Accept("distinct"))
            {
                Expect("from");
                left = new SqlIsDistinct { Offset = left.Offset, Left = left, Not = not, Right = ParseComparison() };
            }
            else if (Current.IsWord("null") || Current.IsWord("true") || Current.IsWord("false"))
            {
                left = new SqlIs { Offset = left.Offset, Operand = left, Not = not, What = Advance().Text.ToUpperInvariant() };
            }
            else
            {
                Fail($"expected NULL, TRUE, FALSE or DISTINCT FROM after IS, found {Describe(Current)}");
            }
        }

        _depth -= chain;
        return left;
    }

    private static readonly HashSet<string> Comparisons = new() { "=", "<>", "<", ">", "<=", ">=" };

    private SqlExpr ParseComparison()
    {
        var left = ParsePattern();
        if (Current.Kind == SqlTokenKind.Symbol && Comparisons.Contains(Current.Text))
        {
            var op = Advance().Text;
            left = new SqlBinary { Offset = left.Offset, Operator = op, Left = left, Right = ParsePattern() };
        }

        return left;
    }

    /// <summary>[NOT] IN, BETWEEN, LIKE, ILIKE: above comparison, below the arithmetic, as in PostgreSQL.</summary>
    private SqlExpr ParsePattern()
    {
        var left = ParseConcatenation();
        var not = Current.IsWord("not") && (Peek().IsWord("in") || Peek().IsWord("between") || Peek().IsWord("like") || Peek().IsWord("ilike"));
        if (not) Advance();
        if (Accept("in"))
        {
            ExpectSymbol("(");
            if (Current.IsWord("select") || Current.IsWord("with"))
            {
                var query = ParseQuery();
                ExpectSymbol(")");
                return new SqlInQuery { Offset = left.Offset, Operand = left, Not = not, Query = query };
            }

            var items = ParseExpressions();
            ExpectSymbol(")");
            return new SqlInList { Offset = left.Offset, Operand = left, Not = not, Items = items };
        }

        if (Accept("between"))
        {
            var low = ParseConcatenation();
            Expect("and");
            return new SqlBetween { Offset = left.Offset, Operand = left, Not = not, Low = low, High = ParseConcatenation() };
        }

        if (Current.IsWord("like") || Current.IsWord("ilike"))
        {
            var op = Advance().Text.ToUpperInvariant();
            return new SqlBinary { Offset = left.Offset, Operator = not ? "NOT " + op : op, Left = left, Right = ParseConcatenation() };
        }

        return left;
    }

    private SqlExpr ParseConcatenation()
    {
        var left = ParseAdditive();
        var chain = 0;
        while (Current.IsSymbol("||") && Deeper(ref chain))
        {
            Advance();
            left = new SqlBinary { Offset = left.Offset, Operator = "||", Left = left, Right = ParseAdditive() };
        }

        _depth -= chain;
        return left;
    }

    private SqlExpr ParseAdditive()
    {
        var left = ParseMultiplicative();
        var chain = 0;
        while ((Current.IsSymbol("+") || Current.IsSymbol("-")) && Deeper(ref chain))
        {
            var op = Advance().Text;
            left = new SqlBinary { Offset = left.Offset, Operator = op, Left = left, Right = ParseMultiplicative() };
        }

        _depth -= chain;
        return left;
    }

    private SqlExpr ParseMultiplicative()
    {
        var left = ParseUnary();
        var chain = 0;
        while ((Current.IsSymbol("*") || Current.IsSymbol("/") || Current.IsSymbol("%")) && Deeper(ref chain))
        {
            var op = Advance().Text;
            left = new SqlBinary { Offset = left.Offset, Operator = op, Left = left, Right = ParseUnary() };
        }

        _depth -= chain;
        return left;
    }

    private SqlExpr ParseUnary()
    {
        var start = Current;
        if (!Current.IsSymbol("-") && !Current.IsSymbol("+")) return ParsePostfix();
        Advance();
        if (!Enter()) return Null(start);
        var operand = ParseUnary();
        _depth--;
        return new SqlUnary { Offset = start.Offset, Operator = start.Text, Operand = operand };
    }

    private SqlExpr ParsePostfix()
    {
        var expression = ParsePrimary();
        var chain = 0;
        while (Current.IsSymbol("::") && Deeper(ref chain))
        {
            Advance();
            expression = new SqlCast { Offset = expression.Offset, Operand = expression, Type = ParseType() };
        }

        _depth -= chain;
        return expression;
    }

    private SqlExpr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case SqlTokenKind.Number:
                Advance();
                return new SqlLiteral { Offset = token.Offset, Length = token.Length, Kind = SqlLiteralKind.Number, Text = token.Text };
            case SqlTokenKind.String:
                Advance();
                return new SqlLiteral { Offset = token.Offset, Length = token.Length, Kind = SqlLiteralKind.String, Text = token.Text };
            case SqlTokenKind.QuotedIdentifier:
                return ParseColumn();
            case SqlTokenKind.Symbol when token.Text == "(":
                return ParseParenthesized();
            case SqlTokenKind.Identifier:
                return ParseWord();
            default:
                Fail($"expected an expression, found {Describe(token)}");
                return Null(token);
        }
    }

    private SqlExpr ParseParenthesized()
    {
        var start = Advance();
        if (Current.IsWord("select") || Current.IsWord("with"))
        {
            var query = ParseQuery();
            ExpectSymbol(")");
            return new SqlSubquery { Offset = start.Offset, Query = query };
        }

        var inner = ParseExpression();
        ExpectSymbol(")");
        return new SqlParenthesized { Offset = start.Offset, Inner = inner };
    }

    private SqlExpr ParseWord()
    {
        var token = Current;
        switch (token.Text)
        {
            case "null":
                Advance();
                return new SqlLiteral { Offset = token.Offset, Length = token.Length, Kind = SqlLiteralKind.Null, Text = "NULL" };
            case "true" or "false":
                Advance();
                return new SqlLiteral { Offset = token.Offset, Length = token.Length, Kind = SqlLiteralKind.Boolean, Text = token.Text.ToUpperInvariant() };
            case "case":
                return ParseCase();
            case "cast":
                return ParseCast();
            case "exists":
                Advance();
                ExpectSymbol("(");
                var query = ParseQuery();
                ExpectSymbol(")");
                return new SqlExists { Offset = token.Offset, Query = query };
            case "interval" when Peek().Kind == SqlTokenKind.String:
                Advance();
                return new SqlInterval { Offset = token.Offset, Text = Advance().Text };
            case "date" or "timestamp" when Peek().Kind == SqlTokenKind.String:
                Advance();
                var literal = Advance();
                return new SqlCast
                {
                    Offset = token.Offset,
                    Operand = new SqlLiteral { Offset = literal.Offset, Length = literal.Length, Kind = SqlLiteralKind.String, Text = literal.Text },
                    Type = new SqlType(token.Text == "date" ? SqlTypeKind.Date : SqlTypeKind.Timestamp),
                };
            case "current_date" or "current_timestamp" when !Peek().IsSymbol("("):
                Advance();
                return new SqlFunctionCall { Offset = token.Offset, Length = token.Length, Name = token.Text == "current_date" ? "current_date" : "now" };
        }

        if (Peek().IsSymbol("(")) return ParseFunctionCall();
        if (Reserved.Contains(token.Text))
        {
            Fail($"expected an expression, found {Describe(token)}");
            return Null(token);
        }

        return ParseColumn();
    }

    private SqlExpr ParseColumn()
    {
        var first = Advance();
        if (Current.IsSymbol(".") && Peek().Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier)
        {
            Advance();
            var name = Advance();
            return new SqlColumn { Offset = first.Offset, Length = name.Offset + name.Length - first.Offset, Qualifier = first.Text, Name = name.Text };
        }

        return new SqlColumn { Offset = first.Offset, Length = first.Length, Name = first.Text };
    }

    private SqlExpr ParseFunctionCall()
    {
        var name = Advance();
        Advance();
        var distinct = false;
        var star = false;
        var arguments = new List<SqlExpr>();
        if (AcceptSymbol("*"))
        {
            star = true;
        }
        else if (!Current.IsSymbol(")"))
        {
            distinct = Accept("distinct");
            if (!distinct) Accept("all");
            arguments = ParseExpressions();
        }

        ExpectSymbol(")");
        SqlExpr? filter = null;
        if (Accept("filter"))
        {
            ExpectSymbol("(");
            Expect("where");
            filter = ParseExpression();
            ExpectSymbol(")");
        }

        SqlWindow? over = null;
        if (Current.IsWord("over"))
        {
            var at = Advance();
            over = ParseWindow(at);
        }

        return new SqlFunctionCall { Offset = name.Offset, Length = name.Length, Name = name.Text, Distinct = distinct, Star = star, Arguments = arguments, Filter = filter, Over = over };
    }

    private SqlWindow ParseWindow(SqlToken at)
    {
        ExpectSymbol("(");
        var partitionBy = new List<SqlExpr>();
        if (Accept("partition"))
        {
            Expect("by");
            partitionBy = ParseExpressions();
        }

        var orderBy = new List<SqlOrderItem>();
        if (Accept("order"))
        {
            Expect("by");
            orderBy = ParseOrderItems();
        }

        SqlFrame? frame = null;
        if (Current.IsWord("rows") || Current.IsWord("range") || Current.IsWord("groups"))
        {
            var units = Advance();
            if (Accept("between"))
            {
                var startBound = ParseFrameBound();
                Expect("and");
                frame = new SqlFrame { Offset = units.Offset, Units = units.Text.ToUpperInvariant(), Start = startBound, End = ParseFrameBound() };
            }
            else
            {
                frame = new SqlFrame { Offset = units.Offset, Units = units.Text.ToUpperInvariant(), Start = ParseFrameBound() };
            }
        }

        ExpectSymbol(")");
        return new SqlWindow { Offset = at.Offset, PartitionBy = partitionBy, OrderBy = orderBy, Frame = frame };
    }

    private SqlFrameBound ParseFrameBound()
    {
        var start = Current;
        if (Accept("unbounded"))
        {
            if (Accept("preceding")) return new SqlFrameBound { Offset = start.Offset, Kind = "UNBOUNDED PRECEDING" };
            Expect("following");
            return new SqlFrameBound { Offset = start.Offset, Kind = "UNBOUNDED FOLLOWING" };
        }

        if (Accept("current"))
        {
            Expect("row");
            return new SqlFrameBound { Offset = start.Offset, Kind = "CURRENT ROW" };
        }

        var rows = ParseConcatenation();
        if (Accept("preceding")) return new SqlFrameBound { Offset = start.Offset, Kind = "PRECEDING", Rows = rows };
        Expect("following");
        return new SqlFrameBound { Offset = start.Offset, Kind = "FOLLOWING", Rows = rows };
    }

    private SqlExpr ParseCase()
    {
        var start = Advance();
        var operand = Current.IsWord("when") ? null : ParseExpression();
        var whens = new List<(SqlExpr, SqlExpr)>();
        while (Accept("when"))
        {
            var when = ParseExpression();
            Expect("then");
            whens.Add((when, ParseExpression()));
        }

        if (whens.Count == 0) Fail($"expected WHEN, found {Describe(Current)}");
        var @else = Accept("else") ? ParseExpression() : null;
        Expect("end");
        return new SqlCase { Offset = start.Offset, Length = start.Length, Operand = operand, Whens = whens, Else = @else };
    }

    private SqlExpr ParseCast()
    {
        var start = Advance();
        ExpectSymbol("(");
        var operand = ParseExpression();
        Expect("as");
        var type = ParseType();
        ExpectSymbol(")");
        return new SqlCast { Offset = start.Offset, Length = start.Length, Operand = operand, Type = type };
    }

    /// <summary>
    /// A type name, as one of the logical types every dialect spells (<see cref="SqlType"/>). DECIMAL needs its
    /// precision and scale, because the engines' defaults differ (PostgreSQL's is unbounded, DuckDB's is (18,3)).
    /// </summary>
    private SqlType ParseType()
    {
        var token = Current;
        if (token.Kind != SqlTokenKind.Identifier)
        {
            Fail($"expected a type, found {Describe(token)}");
            return new SqlType(SqlTypeKind.Varchar);
        }

        Advance();
        switch (token.Text)
        {
            case "boolean" or "bool":
                return new SqlType(SqlTypeKind.Boolean);
            case "smallint" or "int2":
                return new SqlType(SqlTypeKind.SmallInt);
            case "int" or "integer" or "int4":
                return new SqlType(SqlTypeKind.Integer);
            case "bigint" or "int8":
                return new SqlType(SqlTypeKind.BigInt);
            case "real" or "float4":
                return new SqlType(SqlTypeKind.Real);
            case "float" or "float8":
                return new SqlType(SqlTypeKind.Double);
            case "double":
                Accept("precision");
                return new SqlType(SqlTypeKind.Double);
            case "date":
                return new SqlType(SqlTypeKind.Date);
            case "timestamp":
                if (Accept("without"))
                {
                    Expect("time");
                    Expect("zone");
                }

                return new SqlType(SqlTypeKind.Timestamp);
            case "text":
                return new SqlType(SqlTypeKind.Varchar, Length: SqlTyping.UnboundedText);
            case "varchar" or "character":
                if (token.Text == "character") Expect("varying");
                if (!AcceptSymbol("(")) return new SqlType(SqlTypeKind.Varchar, Length: SqlTyping.UnboundedText);
                var length = ParseTypeNumber();
                ExpectSymbol(")");
                return new SqlType(SqlTypeKind.Varchar, Length: length);
            case "decimal" or "numeric":
                if (!AcceptSymbol("("))
                {
                    Fail($"give {token.Text.ToUpperInvariant()} its precision and scale, as DECIMAL(18,2): the engines' defaults differ", token);
                    return new SqlType(SqlTypeKind.Decimal);
                }

                var precision = ParseTypeNumber();
                var scale = AcceptSymbol(",") ? ParseTypeNumber() : 0;
                ExpectSymbol(")");
                if (precision < 1 || precision > 38 || scale > precision) Fail($"DECIMAL({precision},{scale}) is not a type every engine has: precision 1 to 38, scale at most the precision", token);
                return new SqlType(SqlTypeKind.Decimal, Precision: precision, Scale: scale);
            default:
                Fail($"'{token.Text}' is not a type this compiler knows: use BOOLEAN, SMALLINT, INTEGER, BIGINT, DECIMAL(p,s), REAL, DOUBLE PRECISION, VARCHAR(n), TEXT, DATE or TIMESTAMP", token);
                return new SqlType(SqlTypeKind.Varchar);
        }
    }

    private int ParseTypeNumber()
    {
        var token = Current;
        if (token.Kind == SqlTokenKind.Number && int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Advance();
            return value;
        }

        Fail($"expected a whole number, found {Describe(token)}");
        return 0;
    }

    private static SqlLiteral Null(SqlToken at) => new() { Offset = at.Offset, Kind = SqlLiteralKind.Null, Text = "NULL" };
}
