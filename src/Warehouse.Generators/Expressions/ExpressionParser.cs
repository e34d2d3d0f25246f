using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Expressions;

/// <summary>
/// The outcome of parsing an expression: the tree, or an error with its character offset; <paramref name="Limit"/>
/// says when the error is a limit the expression exceeds rather than its syntax.
/// </summary>
internal readonly record struct ParseOutcome(Expr? Expression, string? Error, int ErrorOffset, ExpressionLimit Limit = ExpressionLimit.None);

/// <summary>Which of the parser's limits an expression exceeds.</summary>
internal enum ExpressionLimit
{
    None,

    /// <summary>Deeper than <see cref="ExpressionParser.MaxDepth"/>.</summary>
    Depth,

    /// <summary>Longer than <see cref="ExpressionParser.MaxLength"/> characters.</summary>
    Length,
}

/// <summary>
/// Parses the SQL-like expression language of <c>[Derived]</c>, <c>[Default]</c> and <c>[Rule]</c>: literals,
/// columns, function calls, arithmetic, comparisons, AND/OR/NOT, LIKE, IS [NOT] NULL, [NOT] BETWEEN, [NOT] IN,
/// CASE WHEN and <c>||</c>. A recursive-descent parser with precedence climbing; it never throws.
/// </summary>
/// <remarks>
/// Every later step walks the tree recursively (binding, rendering, the spec codec, record equality), inside the
/// compiler and the IDE, where a stack overflow ends the process. So the parser bounds the tree: its nesting (its
/// own recursion) and its depth, which a chain of operators (<c>a + a + …</c>) deepens one level per term, are at
/// most <see cref="MaxDepth"/>, and the text at most <see cref="MaxLength"/> characters. Both are WH errors
/// (WH0051, WH0052), and within them every walk is linear in the text.
/// </remarks>
internal sealed class ExpressionParser
{
    /// <summary>The deepest tree accepted: nesting and operator chains alike.</summary>
    public const int MaxDepth = 128;

    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 10_000;

    private readonly string _text;
    private readonly List<Token> _tokens = new();
    private int _position;
    private string? _error;
    private int _errorOffset;
    private ExpressionLimit _limit;

    // How deeply the parser has recursed into nested sub-expressions (parentheses, arguments, CASE, NOT, minus).
    private int _nesting;

    private ExpressionParser(string text) => _text = text;

    public static ParseOutcome Parse(string? text)
    {
        if (text is null || text.Trim().Length == 0)
        {
            return new ParseOutcome(null, "the expression is empty", 0);
        }

        if (text.Length > MaxLength)
        {
            return new ParseOutcome(null, $"it has {text.Length} characters, more than {MaxLength}", MaxLength, ExpressionLimit.Length);
        }

        var parser = new ExpressionParser(text);
        if (!parser.Tokenize())
        {
            return new ParseOutcome(null, parser._error, parser._errorOffset);
        }

        var expression = parser.ParseOr();
        if (expression is not null && parser.Current.Kind != TokenKind.End)
        {
            parser.Fail($"unexpected '{parser.Current.Text}'");
        }

        if (parser._error is null && expression is not null && DepthOf(expression) > MaxDepth)
        {
            parser._limit = ExpressionLimit.Depth;
            parser.FailAt(0, $"it is more than {MaxDepth} levels deep");
        }

        return parser._error is null
            ? new ParseOutcome(expression, null, 0)
            : new ParseOutcome(null, parser._error, parser._errorOffset, parser._limit);
    }

    /// <summary>The depth of a tree, walked with a stack of its own so that no tree can overflow the thread's.</summary>
    private static int DepthOf(Expr root)
    {
        var deepest = 0;
        var pending = new Stack<(Expr Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > deepest) deepest = depth;
            foreach (var child in ChildrenOf(node)) pending.Push((child, depth + 1));
        }

        return deepest;
    }

    private static IEnumerable<Expr> ChildrenOf(Expr node)
    {
        switch (node)
        {
            case FunctionExpr function:
                foreach (var argument in function.Arguments) yield return argument;
                break;
            case BinaryExpr binary:
                yield return binary.Left;
                yield return binary.Right;
                break;
            case UnaryExpr unary:
                yield return unary.Operand;
                break;
            case IsNullExpr isNull:
                yield return isNull.Operand;
                break;
            case BetweenExpr between:
                yield return between.Operand;
                yield return between.Low;
                yield return between.High;
                break;
            case InExpr inList:
                yield return inList.Operand;
                foreach (var item in inList.Items) yield return item;
                break;
            case CaseExpr caseExpr:
                foreach (var when in caseExpr.Whens)
                {
                    yield return when.Condition;
                    yield return when.Result;
                }

                if (caseExpr.Else is not null) yield return caseExpr.Else;
                break;
        }
    }

    /// <summary>
    /// Runs <paramref name="parse"/> one nesting level deeper, or fails once the nesting passes <see cref="MaxDepth"/>
    /// (before the recursion can reach the end of the stack).
    /// </summary>
    private Expr? Nested(System.Func<Expr?> parse)
    {
        if (_nesting >= MaxDepth)
        {
            _limit = ExpressionLimit.Depth;
            return Fail($"it is more than {MaxDepth} levels deep");
        }

        _nesting++;
        try
        {
            return parse();
        }
        finally
        {
            _nesting--;
        }
    }


    private Token Current => _tokens[_position];

    private Expr? ParseOr()
    {
        var left = ParseAnd();
        while (left is not null && IsKeyword("or"))
        {
            _position++;
            var right = ParseAnd();
            if (right is null) return null;
            left = new BinaryExpr("OR", left, right);
        }

        return left;
    }

    private Expr? ParseAnd()
    {
        var left = ParseNot();
        while (left is not null && IsKeyword("and"))
        {
            _position++;
            var right = ParseNot();
            if (right is null) return null;
            left = new BinaryExpr("AND", left, right);
        }

        return left;
    }

    private Expr? ParseNot()
    {
        if (IsKeyword("not"))
        {
            _position++;
            var operand = Nested(ParseNot);
            return operand is null ? null : new UnaryExpr("NOT", operand);
        }

        return ParsePredicate();
    }

    private Expr? ParsePredicate()
    {
        var left = ParseConcat();
        if (left is null) return null;

        if (IsKeyword("is"))
        {
            _position++;
            var negated = Accept("not");
            if (!Accept("null")) return Fail("expected NULL after IS");
            return new IsNullExpr(left, negated);
        }

        var not = false;
        if (IsKeyword("not") && (PeekKeyword("between") || PeekKeyword("in") || PeekKeyword("like")))
        {
            _position++;
            not = true;
        }

        if (Accept("between"))
        {
            var low = ParseConcat();
            if (low is null) return null;
            if (!Accept("and")) return Fail("expected AND in BETWEEN");
            var high = ParseConcat();
            return high is null ? null : new BetweenExpr(left, low, high, not);
        }

        if (Accept("in"))
        {
            if (!AcceptSymbol("(")) return Fail("expected ( after IN");
            var items = new List<Expr>();
            do
            {
                var item = ParseConcat();
                if (item is null) return null;
                items.Add(item);
            }
            while (AcceptSymbol(","));

            if (!AcceptSymbol(")")) return Fail("expected ) to close IN");
            return new InExpr(left, items.ToEquatableArray(), not);
        }

        if (Accept("like"))
        {
            var pattern = ParseConcat();
            if (pattern is null) return null;
            Expr like = new BinaryExpr("LIKE", left, pattern);
            return not ? new UnaryExpr("NOT", like) : like;
        }

        if (Current.Kind == TokenKind.Symbol && Current.Text is "=" or "<>" or "!=" or "<" or "<=" or ">" or ">=")
        {
            var op = Current.Text == "!=" ? "<>" : Current.Text;
            _position++;
            var right = ParseConcat();
            return right is null ? null : new BinaryExpr(op, left, right);
        }

        return left;
    }

    private Expr? ParseConcat()
    {
        var left = ParseAdditive();
        while (left is not null && Current.Kind == TokenKind.Symbol && Current.Text == "||")
        {
            _position++;
            var right = ParseAdditive();
            if (right is null) return null;
            left = new BinaryExpr("||", left, right);
        }

        return left;
    }

    private Expr? ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (left is not null && Current.Kind == TokenKind.Symbol && Current.Text is "+" or "-")
        {
            var op = Current.Text;
            _position++;
            var right = ParseMultiplicative();
            if (right is null) return null;
            left = new BinaryExpr(op, left, right);
        }

        return left;
    }

    private Expr? ParseMultiplicative()
    {
        var left = ParseUnary();
        while (left is not null && Current.Kind == TokenKind.Symbol && Current.Text is "*" or "/" or "%")
        {
            var op = Current.Text;
            _position++;
            var right = ParseUnary();
            if (right is null) return null;
            left = new BinaryExpr(op, left, right);
        }

        return left;
    }

    private Expr? ParseUnary()
    {
        if (Current.Kind == TokenKind.Symbol && Current.Text == "-")
        {
            _position++;
            var operand = Nested(ParseUnary);
            return operand is null ? null : new UnaryExpr("-", operand);
        }

        return ParsePrimary();
    }

    private Expr? ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _position++;
                return new LiteralExpr(LiteralKind.Number, token.Text);
            case TokenKind.String:
                _position++;
                return new LiteralExpr(LiteralKind.String, token.Text);
            case TokenKind.Symbol when token.Text == "(":
                _position++;
                var inner = Nested(ParseOr);
                if (inner is null) return null;
                return AcceptSymbol(")") ? inner : Fail("expected )");
            case TokenKind.Identifier:
                return ParseIdentifier();
            case TokenKind.End:
                return Fail("the expression ends too early");
            default:
                return Fail($"unexpected '{token.Text}'");
        }
    }

    private Expr? ParseIdentifier()
    {
        var token = Current;
        var lower = token.Text.ToLowerInvariant();
        switch (lower)
        {
            case "null":
                _position++;
                return new LiteralExpr(LiteralKind.Null, "NULL");
            case "true":
            case "false":
                _position++;
                return new LiteralExpr(LiteralKind.Boolean, lower);
            case "case":
                return Nested(ParseCase);
            case "current_date":
            case "current_timestamp":
                _position++;
                return new FunctionExpr(lower == "current_date" ? "current_date" : "now", EquatableArray<Expr>.Empty);
        }

        _position++;
        if (!AcceptSymbol("("))
        {
            return new ColumnExpr(token.Text);
        }

        if (!FunctionCatalog.Arity.TryGetValue(lower, out var arity))
        {
            return FailAt(token.Offset, $"unknown function '{token.Text}'; supported: {string.Join(", ", FunctionCatalog.Arity.Keys)}");
        }

        var arguments = new List<Expr>();
        if (!AcceptSymbol(")"))
        {
            do
            {
                var argument = Nested(ParseOr);
                if (argument is null) return null;
                arguments.Add(argument);
            }
            while (AcceptSymbol(","));

            if (!AcceptSymbol(")")) return Fail($"expected ) to close {token.Text}(");
        }

        if (arguments.Count < arity.Min || arguments.Count > arity.Max)
        {
            var expected = arity.Min == arity.Max ? arity.Min.ToString(CultureInfo.InvariantCulture) : $"{arity.Min} to {arity.Max}";
            return FailAt(token.Offset, $"{lower}() takes {expected} argument(s), not {arguments.Count}");
        }

        return new FunctionExpr(lower, arguments.ToEquatableArray());
    }

    private Expr? ParseCase()
    {
        _position++;
        var whens = new List<WhenClause>();
        while (Accept("when"))
        {
            var condition = ParseOr();
            if (condition is null) return null;
            if (!Accept("then")) return Fail("expected THEN");
            var result = ParseOr();
            if (result is null) return null;
            whens.Add(new WhenClause(condition, result));
        }

        if (whens.Count == 0) return Fail("expected WHEN after CASE");
        Expr? otherwise = null;
        if (Accept("else"))
        {
            otherwise = ParseOr();
            if (otherwise is null) return null;
        }

        return Accept("end") ? new CaseExpr(whens.ToEquatableArray(), otherwise) : Fail("expected END to close CASE");
    }

    private bool IsKeyword(string keyword) =>
        Current.Kind == TokenKind.Identifier && string.Equals(Current.Text, keyword, System.StringComparison.OrdinalIgnoreCase);

    private bool PeekKeyword(string keyword) =>
        _position + 1 < _tokens.Count && _tokens[_position + 1].Kind == TokenKind.Identifier
        && string.Equals(_tokens[_position + 1].Text, keyword, System.StringComparison.OrdinalIgnoreCase);

    private bool Accept(string keyword)
    {
        if (!IsKeyword(keyword)) return false;
        _position++;
        return true;
    }

    private bool AcceptSymbol(string symbol)
    {
        if (Current.Kind != TokenKind.Symbol || Current.Text != symbol) return false;
        _position++;
        return true;
    }

    private Expr? Fail(string message) => FailAt(Current.Offset, message);

    private Expr? FailAt(int offset, string message)
    {
        if (_error is null)
        {
            _error = message;
            _errorOffset = offset;
        }

        return null;
    }

    private bool Tokenize()
    {
        var i = 0;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsDigit(c) || (c == '.' && i + 1 < _text.Length && char.IsDigit(_text[i + 1])))
            {
                while (i < _text.Length && (char.IsDigit(_text[i]) || _text[i] == '.')) i++;
                var number = _text.Substring(start, i - start);
                if (number.IndexOf('.') != number.LastIndexOf('.'))
                {
                    _error = $"'{number}' is not a number: it has more than one decimal point";
                    _errorOffset = start;
                    return false;
                }

                _tokens.Add(new Token(TokenKind.Number, number, start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < _text.Length && (char.IsLetterOrDigit(_text[i]) || _text[i] == '_')) i++;
                _tokens.Add(new Token(TokenKind.Identifier, _text.Substring(start, i - start), start));
            }
            else if (c == '\'')
            {
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= _text.Length)
                    {
                        _error = "a string literal is not closed with '";
                        _errorOffset = start;
                        return false;
                    }

                    if (_text[i] == '\'')
                    {
                        if (i + 1 < _text.Length && _text[i + 1] == '\'')
                        {
                            value.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(_text[i++]);
                }

                _tokens.Add(new Token(TokenKind.String, value.ToString(), start));
            }
            else
            {
                var two = i + 1 < _text.Length ? _text.Substring(i, 2) : null;
                if (two is "<=" or ">=" or "<>" or "!=" or "||")
                {
                    _tokens.Add(new Token(TokenKind.Symbol, two, start));
                    i += 2;
                }
                else if ("()+-*/%,=<>".IndexOf(c) >= 0)
                {
                    _tokens.Add(new Token(TokenKind.Symbol, c.ToString(), start));
                    i++;
                }
                else
                {
                    _error = $"unexpected character '{c}'";
                    _errorOffset = start;
                    return false;
                }
            }
        }

        _tokens.Add(new Token(TokenKind.End, "end of expression", _text.Length));
        return true;
    }

    private enum TokenKind
    {
        Number,
        String,
        Identifier,
        Symbol,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Offset);
}
