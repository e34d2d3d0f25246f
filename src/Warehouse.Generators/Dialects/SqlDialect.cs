using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Emitters.Escaping;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Dialects;

/// <summary>How a dialect's warehouse reaches the bronze lake files.</summary>
internal enum BronzeAccess
{
    /// <summary>A view reads the lake files directly (DuckDB's read_csv); silver can skip processed files by name.</summary>
    ReadsLakeFiles,

    /// <summary>A table of text columns that the runner fills from the lake files by bulk copy (PostgreSQL).</summary>
    LoadedByRunner,

    /// <summary>An external schema over a data catalog (Redshift Spectrum over Glue); the runner creates nothing.</summary>
    ExternalSchema,
}

/// <summary>
/// What differs between the engines, in the manner of sqlglot's dialects: each dialect is one file in this folder
/// with its name, type mapping, casts, function spellings, capability flags, reserved words and identifier limit.
/// The emitters write one logical plan and ask the dialect how to spell it; no code outside this folder asks which
/// dialect it has. A new dialect derives from this class (or from a dialect it resembles, as Redshift does from
/// PostgreSQL), implements the abstract members, and is added to <see cref="All"/>; docs/contributing.md lists the
/// rest (a snapshot folder, the runner's engine).
/// </summary>
internal abstract class SqlDialect
{
    public static readonly SqlDialect DuckDb = new DuckDbDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();
    public static readonly SqlDialect Redshift = new RedshiftDialect();

    /// <summary>The registry: every dialect the compiler emits, in the order of the manifest's <c>dialects</c>.</summary>
    public static readonly IReadOnlyList<SqlDialect> All = new[] { DuckDb, Postgres, Redshift };

    /// <summary>The folder and manifest key: duckdb, postgres, redshift.</summary>
    public abstract string Name { get; }

    /// <summary>The engine's name in messages.</summary>
    public abstract string DisplayName { get; }

    /// <summary>How bronze reaches the lake files (see <see cref="BronzeAccess"/>).</summary>
    public abstract BronzeAccess Bronze { get; }

    /// <summary>The longest identifier, in bytes, the engine keeps without truncating.</summary>
    public abstract int MaxIdentifierLength { get; }

    /// <summary>The longest VARCHAR(n) the engine accepts; <c>[MaxLength]</c> must fit every dialect (WH0041).</summary>
    public abstract int MaxVarcharLength { get; }

    /// <summary>The largest DECIMAL precision the engine accepts; <c>[Precision]</c> must fit every dialect (WH0042).</summary>
    public abstract int MaxDecimalPrecision { get; }

    /// <summary>The dialect of the registry with the smallest <paramref name="limit"/>: what a model must fit.</summary>
    public static SqlDialect Strictest(System.Func<SqlDialect, int> limit) => All.OrderBy(limit).First();

    /// <summary>Words that cannot name a table or column without quoting in hand-written SQL, dbt models or analyses.</summary>
    public abstract IReadOnlyCollection<string> ReservedWords { get; }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    public static string Table(TableRef table) => Quote(table.Schema) + "." + Quote(table.Name);

    /// <summary>
    /// <paramref name="text"/> as a SQL string literal whose value is exactly the text, for text from the model (a
    /// rule's reason or name, an accepted value, a constant). The same literal goes into the runner's scripts and into
    /// dbt's Jinja templates, so it never holds a template delimiter: between a <c>{</c> and a following <c>{</c>,
    /// <c>%</c> or <c>#</c> it is split into a concatenation (<c>('a{' || '{b')</c>); a control character other than
    /// tab, CR and LF (which no engine accepts inside a literal, and a C string would end at NUL) is spelled
    /// <c>CHR(n)</c>; a lone surrogate becomes U+FFFD. Each piece is quoted by <see cref="QuotedString"/>, the
    /// dialect's rule for quotes and backslashes.
    /// </summary>
    public string Literal(string text)
    {
        text = UnicodeText.WellFormed(text);
        var pieces = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool control = c < ' ' && c is not ('\t' or '\n' or '\r');
            bool opensTemplateTag = c == '{' && i + 1 < text.Length && text[i + 1] is '{' or '%' or '#';
            if (!control && !opensTemplateTag) continue;
            int end = control ? i : i + 1;
            if (end > start) pieces.Add(QuotedString(text.Substring(start, end - start)));
            if (control) pieces.Add("CHR(" + ((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
            start = i + 1;
        }

        if (start < text.Length || pieces.Count == 0) pieces.Add(QuotedString(text.Substring(start)));
        return pieces.Count == 1 ? pieces[0] : "(" + string.Join(" || ", pieces) + ")";
    }

    /// <summary>
    /// Quotes <paramref name="text"/> as one string literal: <c>'</c> doubled (the SQL standard, and DuckDB, where a
    /// backslash is an ordinary character). A dialect whose literals read backslash escapes overrides it. Used as is
    /// only for text the compiler controls (a path around a runner variable); text from the model goes through
    /// <see cref="Literal"/>.
    /// </summary>
    public virtual string QuotedString(string text) => "'" + text.Replace("'", "''") + "'";

    public abstract string Type(SqlType type);

    /// <summary>The type bronze text columns are read as.</summary>
    public virtual string Text => "VARCHAR";

    /// <summary>
    /// Casts bronze text to <paramref name="type"/>, giving NULL where the text is not a valid value: text outside
    /// <see cref="BronzeGrammar"/> never reaches the engine's cast, so every engine accepts the same values.
    /// </summary>
    public string TryCast(string text, SqlType type)
    {
        if (type.Kind == SqlTypeKind.Boolean)
        {
            // Spelled out rather than cast: the engines' boolean casts accept different words.
            var lower = $"LOWER({text})";
            return $"CASE WHEN {lower} IN ({Spellings(BronzeGrammar.TrueSpellings)}) THEN TRUE WHEN {lower} IN ({Spellings(BronzeGrammar.FalseSpellings)}) THEN FALSE END";
        }

        return BronzeGrammar.PatternOf(type.Kind) is { } pattern
            ? $"CASE WHEN {Matches(text, pattern)} THEN {CastMatched(text, type)} END"
            : CastMatched(text, type);
    }

    /// <summary>True when all of <paramref name="text"/> matches <paramref name="pattern"/> (anchored, see <see cref="BronzeGrammar"/>).</summary>
    protected abstract string Matches(string text, string pattern);

    /// <summary>
    /// The engine's cast of text that matched <see cref="BronzeGrammar"/>: NULL where the value does not fit the type
    /// (out of range, a day that does not exist), never a failed statement where the engine can avoid one.
    /// </summary>
    protected abstract string CastMatched(string text, SqlType type);

    private string Spellings(IEnumerable<string> words) => string.Join(", ", words.Select(Literal));

    /// <summary>A raw bronze column as text (Redshift's external tables may be typed).</summary>
    public virtual string RawText(string column) => column;

    /// <summary>The bronze column that names each row's lake file.</summary>
    public virtual string BronzeSourceFile => Quote("_source_file");

    /// <summary>
    /// The bronze column that numbers each row within its lake file (1 = the first record after the header), or null
    /// where the engine cannot tell (Redshift Spectrum): staging then breaks ties within a file by the row's text.
    /// </summary>
    public virtual string? BronzeSourceRow => Quote("_source_row");

    /// <summary>Text compared byte by byte (code point order), whatever the database's collation.</summary>
    public virtual string BinaryOrder(string text) => text;

    public virtual string Cast(string expression, SqlType type) => $"CAST({expression} AS {Type(type)})";

    /// <summary>A deterministic, positive BIGINT from text: the first 60 bits of its MD5, identical on every engine.</summary>
    public abstract string HashToBigInt(string text);

    /// <summary>Formats a timestamp as <c>YYYY-MM-DD HH:MM:SS</c>, identically on every engine.</summary>
    public abstract string FormatTimestamp(string expression);

    public virtual string Timestamp(string literal) => $"CAST({Literal(literal)} AS TIMESTAMP)";

    /// <summary>Null-safe "differs": true when exactly one side is NULL or both differ.</summary>
    public virtual string IsDistinct(string left, string right) => $"{left} IS DISTINCT FROM {right}";

    /// <summary>The current instant, for a TIMESTAMPTZ column's default.</summary>
    public virtual string Now => "NOW()";

    /// <summary>The current time in UTC as a TIMESTAMP (without time zone), whatever the session's time zone: the expression function now().</summary>
    public virtual string UtcNow => "TIMEZONE('UTC', NOW())";

    /// <summary>Today's date in UTC.</summary>
    public virtual string CurrentDate => "CAST(TIMEZONE('UTC', NOW()) AS DATE)";

    /// <summary><paramref name="text"/> without spaces (U+0020 only) at either end.</summary>
    public virtual string TrimSpaces(string text) => $"TRIM({text}, ' ')";

    /// <summary>The number of characters of <paramref name="text"/>, trailing spaces included.</summary>
    public virtual string Length(string text) => $"LENGTH({text})";

    /// <summary>The quotient of two whole numbers truncated toward zero, NULL for a zero divisor (<c>div</c>).</summary>
    public virtual string IntegerDivide(string left, string right) => $"({left} / NULLIF({right}, 0))";

    /// <summary>
    /// <paramref name="left"/> / <paramref name="right"/> (exact decimals of the scales given, or whole numbers:
    /// scale 0) as the exact quotient rounded half away from zero to <paramref name="scale"/> places, NULL for a zero
    /// divisor; the result is cast to DECIMAL(38, scale) by the caller. Each dialect computes it exactly
    /// (docs/expressions.md, "Division").
    /// </summary>
    public abstract string Divide(string left, int leftScale, string right, int rightScale, int scale);

    /// <summary>
    /// A numeric operand of <paramref name="op"/> (an arithmetic operator), or of a CASE, COALESCE, GREATEST or LEAST
    /// when <paramref name="op"/> is null, of type <paramref name="type"/>, as the engine must read it for the node
    /// to compute a value of <paramref name="result"/> (the type docs/expressions.md gives it) without a narrower
    /// intermediate overflowing or losing places. PostgreSQL and Redshift widen integers and keep exact NUMERICs:
    /// the operand as written.
    /// </summary>
    public virtual string Operand(string operand, SqlType? type, SqlType? result, string? op) =>
        // A sum or remainder whose exact type needs more than 38 digits is computed at the 38 digits it keeps, as
        // DuckDB must, so that an operand beyond them is an overflow error on every engine.
        op is "+" or "-" or "%" && result is { Kind: SqlTypeKind.Decimal, Precision: ExpressionTypes.MaxPrecision }
            && type is { IsNumeric: true } && type != result && !ExpressionTypes.IsFloat(type)
            ? Cast(operand, result)
            : operand;

    /// <summary>Text joined by <c>||</c> (<paramref name="joined"/>), as a text value even where a part is a constant NULL.</summary>
    public virtual string Concatenation(string joined) => joined;

    /// <summary>A whole number as SQL writes it.</summary>
    protected static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>10^<paramref name="places"/> as a whole-number literal.</summary>
    internal static string Power10(int places) => "1" + new string('0', places);

    /// <summary>10^-<paramref name="places"/> as a decimal literal of that scale: multiplying by it moves the point exactly (a product's scale is the sum of its factors').</summary>
    protected static string Fraction(int places) => places == 0 ? "1" : "0." + new string('0', places - 1) + "1";

    /// <summary>
    /// Keyword that makes a CTE be computed once. PostgreSQL inlines a CTE used once, so every reference to a typed
    /// column in the checks would call its try-cast function again (8x slower staging without it).
    /// </summary>
    public virtual string MaterializedCte => string.Empty;

    /// <summary>Aggregates take <c>FILTER (WHERE ...)</c>; where not, the SQL front end moves the condition into a CASE inside the aggregate.</summary>
    public virtual bool SupportsAggregateFilter => true;

    /// <summary><c>SELECT DISTINCT ON (...)</c>; a body that uses it where it is missing is a diagnostic (WH0098).</summary>
    public virtual bool SupportsDistinctOn => true;

    public virtual string InitCap(string argument) => $"INITCAP({argument})";

    /// <summary>Table options after CREATE TABLE (...): Redshift's distribution and sort keys.</summary>
    public virtual string TableOptions(DistributionKind distribution, string? distKey, IReadOnlyList<string> sortKeys) => string.Empty;

    public virtual string CreateView(TableRef view, string select) =>
        $"DROP VIEW IF EXISTS {Table(view)};\nCREATE VIEW {Table(view)} AS\n{select};";

    /// <summary>Functions the dialect's casts need, created by _setup.sql on every deploy (idempotent).</summary>
    public virtual string SetupFunctions => string.Empty;

    /// <summary>The dialects that reserve <paramref name="word"/>, by display name in registry order; empty when none does.</summary>
    public static IReadOnlyList<string> ReservingDialects(string word) =>
        All.Where(d => d.ReservedWords.Contains(word)).Select(d => d.DisplayName).ToList();

    /// <summary>PostgreSQL's reserved key words (SQL Key Words appendix, "reserved"), which DuckDB's parser shares.</summary>
    protected static readonly HashSet<string> PostgresReserved = new(
        "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading limit localtime localtimestamp not null offset on only or order placing primary references returning select session_user some symmetric table then to trailing true union unique user using variadic when where window with"
            .Split(' '));
}
