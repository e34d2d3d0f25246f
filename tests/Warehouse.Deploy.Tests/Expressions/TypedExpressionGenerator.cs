using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;

namespace Warehouse.Deploy.Tests.Expressions;

/// <summary>The kinds of the expression grammar the generator builds well-typed trees over (DOUBLE is left out: see docs/expressions-differential.md).</summary>
internal enum Category
{
    Bool,
    Int,
    Dec,
    Text,
    Date,
    Timestamp,
}

/// <summary>
/// Random, well-typed expressions by construction: <see cref="Generate"/> asks for a kind and picks a production
/// whose result is of that kind from arguments of the kinds it needs (numbers for arithmetic, text for string
/// functions, comparable kinds for comparisons). Every operator of the expression language and every function of
/// <see cref="FunctionCatalog.Arity"/> except the clock's (<see cref="Clock"/>) is a production, with literal
/// arguments where the functions take them (<c>round(x, 2)</c>, <c>substring(s, 0, 3)</c>, <c>left(s, -1)</c>).
/// Deterministic for its seed.
/// </summary>
internal sealed class TypedExpressionGenerator(int seed)
{
    /// <summary>The catalog functions whose value changes between evaluations; not generated.</summary>
    public static readonly string[] Clock = ["now", "current_date"];

    /// <summary>Every operator the generator writes, by the name <see cref="NodeName"/> gives it.</summary>
    public static readonly string[] Operators =
        ["+", "-", "*", "/", "%", "neg", "=", "<>", "<", "<=", ">", ">=", "AND", "OR", "NOT", "||", "LIKE", "IS NULL", "IS NOT NULL", "BETWEEN", "NOT BETWEEN", "IN", "NOT IN", "CASE"];

    private readonly Random random = new(seed);

    private static readonly Category[] Comparable = [Category.Int, Category.Dec, Category.Text, Category.Date, Category.Timestamp];
    private static readonly Category[] Any = [Category.Bool, Category.Int, Category.Dec, Category.Text, Category.Date, Category.Timestamp];

    private static readonly string[] IntLiterals = ["0", "1", "2", "3", "7", "10", "100", "32767", "2147483647", "9223372036854775807"];
    private static readonly string[] DecLiterals = ["0.5", "2.5", "1.005", "0.125", "100.00", "12345678901234.5678", "0.0", "-1.5"];
    private static readonly string[] TextLiterals = ["", " ", "a", "ab ", "é", "x'y", "%", "_", "l", "hello", "ß", "Straße", "😀", "ABC"];
    private static readonly string[] Patterns = ["%", "a%", "%a", "_", "%l%", "h_llo%", "", "% ", "é%", "%'%", "%\\%%", "_%_", "%ß%", "ABC"];
    private static readonly string[] Units = ["year", "quarter", "month", "week", "day", "hour", "minute", "second", "MONTH"];
    private static readonly string[] Positions = ["-1", "0", "1", "2", "3", "10"];
    private static readonly string[] Counts = ["-2", "-1", "0", "1", "3", "100"];
    private static readonly string[] Digits = ["0", "1", "2", "3", "-1"];

    /// <summary>An expression of kind <paramref name="category"/> at most <paramref name="depth"/> levels of operators deep.</summary>
    public Expr Generate(Category category, int depth)
    {
        if (depth <= 0 || random.Next(10) < 2) return Leaf(category);
        return category switch
        {
            Category.Bool => Boolean(depth - 1),
            Category.Int => Integer(depth - 1),
            Category.Dec => Number(Category.Dec, depth - 1),
            Category.Text => Text(depth - 1),
            Category.Date => Temporal(Category.Date, depth - 1),
            _ => Temporal(Category.Timestamp, depth - 1),
        };
    }

    /// <summary>A top-level expression: any kind, two to four levels deep.</summary>
    public Expr Next() => Generate(Pick(Any), random.Next(2, 5));

    private Expr Leaf(Category category)
    {
        if (category is Category.Date or Category.Timestamp || random.Next(3) > 0)
            return Column(category);
        return category switch
        {
            Category.Bool => new LiteralExpr(LiteralKind.Boolean, random.Next(2) == 0 ? "true" : "false"),
            Category.Int => NumberLiteral(Pick(IntLiterals)),
            Category.Dec => NumberLiteral(Pick(DecLiterals)),
            _ => Str(Pick(TextLiterals)),
        };
    }

    private ColumnExpr Column(Category category)
    {
        var column = Pick(EdgeTable.Columns.Where(c => c.Category == category).ToArray());
        return new ColumnExpr(column.Name, column.Type);
    }

    private Expr Boolean(int depth)
    {
        switch (random.Next(12))
        {
            case 0:
            case 1:
            {
                var kind = Pick(Comparable);
                return new BinaryExpr(Pick("=", "<>", "<", "<=", ">", ">="), Generate(kind, depth), Generate(Comparand(kind), depth));
            }
            case 2: return new BinaryExpr(Pick("=", "<>"), Generate(Category.Bool, depth), Generate(Category.Bool, depth));
            case 3: return new BinaryExpr(Pick("AND", "OR"), Generate(Category.Bool, depth), Generate(Category.Bool, depth));
            case 4: return new UnaryExpr("NOT", Generate(Category.Bool, depth));
            case 5:
            {
                var like = new BinaryExpr("LIKE", Generate(Category.Text, depth), random.Next(4) == 0 ? Generate(Category.Text, depth) : Str(Pick(Patterns)));
                return random.Next(4) == 0 ? new UnaryExpr("NOT", like) : like;
            }
            case 6: return new IsNullExpr(Generate(Pick(Any), depth), random.Next(2) == 0);
            case 7:
            {
                var kind = Pick(Comparable);
                return new BetweenExpr(Generate(kind, depth), Generate(kind, depth), Generate(kind, depth), random.Next(4) == 0);
            }
            case 8:
            {
                var kind = Pick(Comparable);
                var items = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Generate(kind, depth - 1)).ToEquatableArray();
                return new InExpr(Generate(kind, depth), items, random.Next(4) == 0);
            }
            case 9: return Case(Category.Bool, depth);
            default: return Shared(Category.Bool, depth);
        }
    }

    /// <summary>The kind compared with <paramref name="kind"/>: mostly the same, sometimes its sibling (an integer with a decimal, a date with a timestamp).</summary>
    private Category Comparand(Category kind) => random.Next(4) > 0 ? kind : kind switch
    {
        Category.Int => Category.Dec,
        Category.Dec => Category.Int,
        Category.Date => Category.Timestamp,
        Category.Timestamp => Category.Date,
        _ => kind,
    };

    private Expr Integer(int depth) => random.Next(8) switch
    {
        0 => Call("length", Generate(Category.Text, depth)),
        2 => Call("div", Leaf(Category.Int), random.Next(10) < 7 ? Call("nullif", Leaf(Category.Int), NumberLiteral("0")) : Leaf(Category.Int)),
        1 => Call(Pick("year", "quarter", "month", "day"), Generate(Pick(Category.Date, Category.Timestamp), depth)),
        _ => Number(Category.Int, depth),
    };

    /// <summary>An expression over numbers of kind <paramref name="category"/> (integers stay integers where the operator keeps them so).</summary>
    private Expr Number(Category category, int depth)
    {
        Expr Operand() => Generate(random.Next(4) == 0 ? Pick(Category.Int, Category.Dec) : category, depth);
        switch (random.Next(12))
        {
            case 0:
            case 1:
            case 2:
            {
                var op = Pick("+", "-", "*", "/", "%");
                var right = Operand();
                // Mostly guarded, so that a zero divisor on some row does not hide the other rows' values; a bare zero divisor is its own case.
                if (op is "/" or "%" && random.Next(10) < 7) right = Call("nullif", right, NumberLiteral("0"));
                return new BinaryExpr(op, Operand(), right);
            }
            case 3: return new UnaryExpr("-", Generate(category, depth));
            case 4: return Call(Pick("abs", "ceil", "floor"), Generate(category, depth));
            case 5:
                return random.Next(3) == 0
                    ? Call("round", Generate(category, depth))
                    : Call("round", Generate(category, depth), NumberLiteral(Pick(Digits)));
            case 6: return Case(category, depth);
            default: return Shared(category, depth);
        }
    }

    private Expr Text(int depth)
    {
        switch (random.Next(12))
        {
            case 0:
                // Text with text, and sometimes with another kind, as a model writes code || '-' || id.
                return new BinaryExpr("||", Generate(Category.Text, depth), Generate(random.Next(4) == 0 ? Pick(Any) : Category.Text, depth));
            case 1: return Call("concat", Enumerable.Range(0, random.Next(2, 5)).Select(_ => Generate(Category.Text, depth)).ToArray());
            case 2:
            case 3:
                return Call(Pick("lower", "upper", "initcap", "trim", "ltrim", "rtrim"), Generate(Category.Text, depth));
            case 4: return Call(Pick("left", "right"), Generate(Category.Text, depth), Count(depth));
            case 5:
                return random.Next(2) == 0
                    ? Call("substring", Generate(Category.Text, depth), Position(depth))
                    : Call("substring", Generate(Category.Text, depth), Position(depth), Count(depth));
            case 6: return Call("replace", Generate(Category.Text, depth), Generate(Category.Text, depth), Generate(Category.Text, depth));
            case 7: return Case(Category.Text, depth);
            default: return Shared(Category.Text, depth);
        }
    }

    private Expr Temporal(Category category, int depth)
    {
        if (category == Category.Timestamp && random.Next(3) == 0)
            return Call("date_trunc", Str(Pick(Units)), Generate(Pick(Category.Date, Category.Timestamp), depth));
        return random.Next(4) == 0 ? Case(category, depth) : Shared(category, depth);
    }

    /// <summary>The productions every kind has: coalesce, nvl, nullif, greatest and least (the last two over comparable kinds).</summary>
    private Expr Shared(Category category, int depth)
    {
        var choice = random.Next(category == Category.Bool ? 3 : 5);
        Expr[] Arguments(int count) => Enumerable.Range(0, count).Select(_ => Generate(category, depth)).ToArray();
        return choice switch
        {
            0 => Call("coalesce", Arguments(random.Next(2, 5))),
            1 => Call("nvl", Arguments(2)),
            2 => Call("nullif", Arguments(2)),
            3 => Call("greatest", Arguments(random.Next(2, 5))),
            _ => Call("least", Arguments(random.Next(2, 5))),
        };
    }

    private Expr Case(Category category, int depth)
    {
        var whens = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => new WhenClause(Generate(Category.Bool, depth), Generate(category, depth)))
            .ToEquatableArray();
        return new CaseExpr(whens, random.Next(3) == 0 ? null : Generate(category, depth));
    }

    /// <summary>A character position: mostly a literal (0, negative, past the end), sometimes an integer column.</summary>
    private Expr Position(int depth) => random.Next(4) == 0 ? Column(Category.Int) : NumberLiteral(Pick(Positions));

    private Expr Count(int depth) => random.Next(5) == 0 ? Call("length", Generate(Category.Text, depth - 1)) : NumberLiteral(Pick(Counts));

    private static FunctionExpr Call(string name, params Expr[] arguments) => new(name, arguments.ToEquatableArray());

    /// <summary>A number literal as the parser builds it: a negative one is unary minus on its magnitude.</summary>
    private static Expr NumberLiteral(string value) => value.StartsWith('-')
        ? new UnaryExpr("-", new LiteralExpr(LiteralKind.Number, value[1..]))
        : new LiteralExpr(LiteralKind.Number, value);

    private static LiteralExpr Str(string value) => new(LiteralKind.String, value);

    private T Pick<T>(params T[] choices) => choices[random.Next(choices.Length)];

    /// <summary>The operator or function a node applies, as the report groups it ("column" and "literal" for leaves).</summary>
    public static string NodeName(Expr expression) => expression switch
    {
        FunctionExpr f => f.Name,
        BinaryExpr b => b.Operator,
        UnaryExpr { Operator: "NOT" } => "NOT",
        UnaryExpr => "neg",
        IsNullExpr n => n.Negated ? "IS NOT NULL" : "IS NULL",
        BetweenExpr b => b.Negated ? "NOT BETWEEN" : "BETWEEN",
        InExpr i => i.Negated ? "NOT IN" : "IN",
        CaseExpr => "CASE",
        ColumnExpr => "column",
        _ => "literal",
    };

    /// <summary>The direct subexpressions of <paramref name="expression"/>.</summary>
    public static IEnumerable<Expr> Children(Expr expression) => expression switch
    {
        FunctionExpr f => f.Arguments,
        BinaryExpr b => [b.Left, b.Right],
        UnaryExpr u => [u.Operand],
        IsNullExpr n => [n.Operand],
        BetweenExpr b => [b.Operand, b.Low, b.High],
        InExpr i => [i.Operand, .. i.Items],
        CaseExpr c => c.Whens.SelectMany(w => new[] { w.Condition, w.Result }).Concat(c.Else is null ? [] : [c.Else]),
        _ => [],
    };

    public static IEnumerable<Expr> Subtrees(Expr expression) => Children(expression).SelectMany(Subtrees).Append(expression);

    public static int Size(Expr expression) => 1 + Children(expression).Sum(Size);

    /// <summary>
    /// <paramref name="text"/> parsed by the compiler's <see cref="ExpressionParser"/>, each column bound to its edge
    /// column's type as the compiler binds a model's columns.
    /// </summary>
    public static Expr Parse(string text)
    {
        var outcome = ExpressionParser.Parse(text);
        if (outcome.Expression is null) throw new ArgumentException($"'{text}' does not parse: {outcome.Error} at {outcome.ErrorOffset}");
        return Bind(outcome.Expression);
    }

    private static Expr Bind(Expr expression)
    {
        var unknown = new List<string>();
        var bound = ExpressionBinder.Bind(expression, name => new ColumnSpec { PropertyName = name, Name = name, Type = EdgeTable.Column(name).Type, Nullable = true }, unknown);
        if (unknown.Count > 0) throw new ArgumentException("no edge column " + string.Join(", ", unknown));
        return bound;
    }

    /// <summary>The expression as a model writes it in <c>[Derived("...")]</c> (the parser's language; <see cref="Parse"/> reads it back).</summary>
    public static string Written(Expr expression)
    {
        var text = new StringBuilder();
        Write(text, expression);
        return text.ToString();
    }

    private static void Write(StringBuilder text, Expr expression)
    {
        void W(Expr e) => Write(text, e);
        void List(IEnumerable<Expr> items)
        {
            var first = true;
            foreach (var item in items)
            {
                if (!first) text.Append(", ");
                first = false;
                W(item);
            }
        }

        switch (expression)
        {
            case LiteralExpr { Kind: LiteralKind.String } s:
                text.Append('\'').Append(s.Value.Replace("'", "''")).Append('\'');
                break;
            case LiteralExpr l:
                text.Append(l.Kind == LiteralKind.Boolean ? l.Value.ToUpperInvariant() : l.Value);
                break;
            case ColumnExpr c:
                text.Append(c.Name);
                break;
            case FunctionExpr f:
                text.Append(f.Name).Append('(');
                List(f.Arguments);
                text.Append(')');
                break;
            case BinaryExpr b:
                text.Append('(');
                W(b.Left);
                text.Append(' ').Append(b.Operator).Append(' ');
                W(b.Right);
                text.Append(')');
                break;
            case UnaryExpr { Operator: "NOT" } not:
                // Parenthesized whole: NOT binds looser than a comparison, so "a <> NOT b" does not parse.
                text.Append("(NOT ");
                W(not.Operand);
                text.Append(')');
                break;
            case UnaryExpr minus:
                text.Append("-(");
                W(minus.Operand);
                text.Append(')');
                break;
            case IsNullExpr n:
                text.Append('(');
                W(n.Operand);
                text.Append(n.Negated ? " IS NOT NULL)" : " IS NULL)");
                break;
            case BetweenExpr b:
                text.Append('(');
                W(b.Operand);
                text.Append(b.Negated ? " NOT BETWEEN " : " BETWEEN ");
                W(b.Low);
                text.Append(" AND ");
                W(b.High);
                text.Append(')');
                break;
            case InExpr i:
                text.Append('(');
                W(i.Operand);
                text.Append(i.Negated ? " NOT IN (" : " IN (");
                List(i.Items);
                text.Append("))");
                break;
            case CaseExpr c:
                text.Append("CASE");
                foreach (var when in c.Whens)
                {
                    text.Append(" WHEN ");
                    W(when.Condition);
                    text.Append(" THEN ");
                    W(when.Result);
                }

                if (c.Else is not null)
                {
                    text.Append(" ELSE ");
                    W(c.Else);
                }

                text.Append(" END");
                break;
        }
    }
}
