using Microsoft.CodeAnalysis;

namespace Warehouse.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the warehouse compiler reports. IDs are stable: never renumber or reuse one (see
/// AnalyzerReleases.Shipped.md). Each message says what is wrong and how to fix it.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Warehouse";
    private const string HelpRoot = "https://github.com/warehouse-dotnet/warehouse/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor UnknownReference = Error(
        "WH0001",
        "Reference to a type that is not a warehouse model",
        "'{0}' is not a warehouse model, so {1} cannot reference it; reference a record marked with {2}");

    public static readonly DiagnosticDescriptor WrongReferenceKind = Error(
        "WH0002",
        "Reference to the wrong kind of model",
        "{0} must reference a record marked with {1}, but '{2}' is a {3}");

    public static readonly DiagnosticDescriptor Cycle = Error(
        "WH0003",
        "Models depend on each other in a cycle",
        "'{0}' depends on itself: {1}; remove one of these references");

    public static readonly DiagnosticDescriptor FactWithoutGrain = Error(
        "WH0004",
        "Fact without a grain",
        "Fact '{0}' declares no grain; add [Grain(\"one row per ...\", nameof(...), ...)] naming the dimension references and degenerate keys that identify a row");

    public static readonly DiagnosticDescriptor InvalidGrainMember = Error(
        "WH0005",
        "Grain member is neither a dimension reference nor a degenerate key",
        "Grain member '{0}' of fact '{1}' is {2}; a grain member must be a property with [References(typeof(...))] or [DegenerateKey]");

    public static readonly DiagnosticDescriptor MissingBusinessKey = Error(
        "WH0006",
        "Dimension without a business key",
        "Dimension '{0}' has no [BusinessKey] property; {1} needs one to recognise the same member across loads");

    public static readonly DiagnosticDescriptor KeyTypeMismatch = Error(
        "WH0007",
        "Key type differs from the referenced key",
        "'{0}' is {1} but {2} is {3}; declare both with the same type");

    public static readonly DiagnosticDescriptor DuplicateTable = Error(
        "WH0008",
        "Two models have the same table name",
        "Table '{0}' is declared by both '{1}' and '{2}'; rename one of the records or give it [Table(\"...\")]");

    public static readonly DiagnosticDescriptor DuplicateColumn = Error(
        "WH0009",
        "Two properties map to the same column",
        "Column '{0}' of '{1}' comes from both '{2}' and '{3}'; rename one of the properties or give it [Column(\"...\")]");

    public static readonly DiagnosticDescriptor UnparseableExpression = Error(
        "WH0010",
        "Expression cannot be parsed",
        "Cannot parse {0} \"{1}\": {2} (at character {3})");

    public static readonly DiagnosticDescriptor UnknownColumn = Error(
        "WH0011",
        "Unknown column",
        "{0} names column '{1}', which '{2}' does not have; known columns: {3}");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Error(
        "WH0012",
        "Invalid SQL identifier",
        "'{0}' is not a valid identifier in {1}: {2}; use [Table(\"...\")] or [Column(\"...\")] to choose a name of lowercase letters, digits and underscores");

    public static readonly DiagnosticDescriptor ReservedIdentifier = Error(
        "WH0013",
        "Reserved SQL identifier",
        "'{0}' is a reserved word in {1}; rename the property or give it [Column(\"...\")] (or [Table(\"...\")] for a model)");

    public static readonly DiagnosticDescriptor UnsupportedType = Error(
        "WH0014",
        "Property type has no SQL mapping",
        "Property '{0}' has type '{1}', which has no SQL type; use long, int, short, decimal, double, float, string, bool, DateOnly or DateTime");

    public static readonly DiagnosticDescriptor MissingUpstreamColumn = Error(
        "WH0015",
        "Column has no upstream column",
        "'{0}' has no column '{1}' to read {2} from; rename the property, or compute it with [Derived(\"...\")]");

    public static readonly DiagnosticDescriptor MissingIncrementalKey = Error(
        "WH0016",
        "Incremental strategy needs a key",
        "Staging model '{0}' loads with {1}, which needs a unique key; set Key = nameof(...) or use IncrementalStrategy.Append");

    public static readonly DiagnosticDescriptor MissingSurrogateKey = Error(
        "WH0017",
        "Dimension without a surrogate key",
        "Dimension '{0}' has no [SurrogateKey] property; add 'public long {1}Key {{ get; init; }}' with [SurrogateKey]");

    public static readonly DiagnosticDescriptor NoColumns = Error(
        "WH0018",
        "Model without columns",
        "'{0}' declares no public properties, so it has no columns; add one property per column");

    public static readonly DiagnosticDescriptor InvalidSourceFormat = Error(
        "WH0019",
        "Invalid source format",
        "Source '{0}': {1}");

    public static readonly DiagnosticDescriptor InvalidAttributeUse = Error(
        "WH0020",
        "Attribute used where it has no meaning",
        "{0}");

    public static readonly DiagnosticDescriptor InvalidTag = Error(
        "WH0021",
        "Invalid tag",
        "[Tag(\"{0}\")] on '{1}' is not a tag: a tag is one word of letters, digits, '_', '-' and '.', such as \"finance\" (--select tag:finance)");

    public static readonly DiagnosticDescriptor InvalidDistribution = Error(
        "WH0025",
        "Invalid distribution",
        "[Distribution] on '{0}': {1}");

    public static readonly DiagnosticDescriptor InvalidSortKey = Error(
        "WH0026",
        "Invalid sort key",
        "[SortKey] on '{0}': {1}");

    public static readonly DiagnosticDescriptor InvalidRowCount = Error(
        "WH0027",
        "Invalid row count",
        "{0} on '{1}' is {2}: it is a number of rows, so 0 or more (ExpectedRows: 0 means not declared; AllBelowRows: 1 or more)");

    public static readonly DiagnosticDescriptor LowCardinalityDistribution = new(
        "WH0028",
        "Fact distributed on a small dimension's key",
        "'{0}' is distributed on '{1}', the key of '{2}', which is small enough to be copied to every node (DISTSTYLE ALL): its few values put the fact's rows on few slices; distribute on the key of a large dimension, or remove [Distribution] and let the warehouse choose",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpRoot + "wh0028");
    public static readonly DiagnosticDescriptor IncompleteAttribute = Error(
        "WH0040",
        "Attribute whose arguments do not compile",
        "[{0}] on {1} has arguments that do not compile ({2}), so {3} until they do; the C# error at the same place says what is missing");

    public static readonly DiagnosticDescriptor InvalidMaxLength = Error(
        "WH0041",
        "Invalid text length",
        "[MaxLength({0})] on '{1}' is not a length: a VARCHAR holds 1 to {2} characters in every dialect ({3}'s limit)");

    public static readonly DiagnosticDescriptor InvalidPrecision = Error(
        "WH0042",
        "Invalid decimal precision or scale",
        "[Precision({0}, {1})] on '{2}' is not a DECIMAL: {3}");

    public static readonly DiagnosticDescriptor InvalidRange = Error(
        "WH0043",
        "Invalid range",
        "[Range({0}, {1})] on '{2}' is not a range: {3}");

    public static readonly DiagnosticDescriptor EmptyAcceptedValues = Error(
        "WH0044",
        "No accepted values",
        "[AcceptedValues] on '{0}' lists no value, so every row would fail; list the values, such as [AcceptedValues(\"open\", \"closed\")]");

    public static readonly DiagnosticDescriptor EmptySql = Error(
        "WH0045",
        "Empty SQL body",
        "[{0}] on '{1}' has no SQL; write the SELECT it runs");

    public static readonly DiagnosticDescriptor IneffectiveAttribute = Warning(
        "WH0046",
        "Attribute has no effect here",
        "{0}");

    public static readonly DiagnosticDescriptor DuplicateKey = Error(
        "WH0047",
        "Two keys of the same role",
        "Dimension '{0}' marks both '{1}' and '{2}' with {3}; a dimension has one {3}, remove it from one of them");

    public static readonly DiagnosticDescriptor DuplicateRule = Error(
        "WH0048",
        "Two rules with the same name",
        "'{0}' declares rule '{1}' twice; rules are told apart by name in the quarantine, so give each its own");

    public static readonly DiagnosticDescriptor ConflictingKinds = Error(
        "WH0049",
        "Record marked as two kinds of model",
        "'{0}' is marked with both {1} and {2}; a record is one model, so remove one of them (or split the record in two)");

    public static readonly DiagnosticDescriptor GenericModel = Error(
        "WH0050",
        "Generic record as a model",
        "'{0}' is generic, so it has no single table; remove its type parameters");

    public static readonly DiagnosticDescriptor ExpressionTooDeep = Error(
        "WH0051",
        "Expression nested too deeply",
        "{0} nests more than {1} levels deep (parentheses, function calls, operators in a chain); split it into [Derived] columns that build on each other");

    public static readonly DiagnosticDescriptor ExpressionTooLarge = Error(
        "WH0052",
        "Expression too large",
        "{0} has {1} characters, more than the {2} an expression may have; split it into [Derived] columns that build on each other, or move it into a [SqlModel]");

    public static readonly DiagnosticDescriptor MissingReference = Error(
        "WH0053",
        "Reference to no model",
        "{0} names no model (its typeof argument is null); give it typeof(TheModel)");

    public static readonly DiagnosticDescriptor CollidingNames = Error(
        "WH0054",
        "Names that collide in the generated C#",
        "Table '{0}' is named '{1}' in the generated WarehouseModel.Nodes.{2}, as '{3}' is; give one of them another [Table(\"...\")] name");

    public static readonly DiagnosticDescriptor ExpressionTypeMismatch = Error(
        "WH0060",
        "Expression types do not match",
        "{0} has a type error: {1}");

    public static readonly DiagnosticDescriptor ExpressionDoesNotFitColumn = Error(
        "WH0061",
        "Expression result does not suit its column",
        "{0} gives {1}, which does not go into its column of type {2}: {3}");

    public static readonly DiagnosticDescriptor RuleNotBoolean = Error(
        "WH0062",
        "Rule condition is not boolean",
        "{0} is {1}, not a condition; a rule's condition must be true or false (compare it: x > 0, x IS NOT NULL)");

    public static readonly DiagnosticDescriptor UnparseableSql = Error(
        "WH0090",
        "SQL body does not parse",
        "The SQL of '{0}' does not parse: {1}");

    public static readonly DiagnosticDescriptor UnknownSqlColumn = Error(
        "WH0091",
        "Unknown column in SQL",
        "'{0}' is not a column of {1} in the SQL of '{2}'{3}; the columns are: {4}");

    public static readonly DiagnosticDescriptor AmbiguousSqlColumn = Error(
        "WH0092",
        "Ambiguous column in SQL",
        "'{0}' in the SQL of '{1}' is a column of {2}; qualify it, as {3}.{0}");

    public static readonly DiagnosticDescriptor InvalidSql = Error(
        "WH0093",
        "SQL that does not bind",
        "The SQL of '{0}': {1}");

    public static readonly DiagnosticDescriptor MissingSqlOutput = Error(
        "WH0094",
        "SQL model does not return a declared column",
        "[SqlModel] '{0}' declares '{1}' (column {2}), which its SQL does not return{3}; return it, as ... AS {2}");

    public static readonly DiagnosticDescriptor UndeclaredSqlOutput = Error(
        "WH0095",
        "SQL model returns an undeclared column",
        "The SQL of [SqlModel] '{0}' returns '{1}', which the record does not declare{2}; add a property for it or leave it out of the SELECT list");

    public static readonly DiagnosticDescriptor TruncatingSqlOutput = Error(
        "WH0096",
        "SQL model output does not fit its declared type",
        "The SQL of [SqlModel] '{0}' returns '{1}' as {2}, but '{3}' is declared {4}: {5}; cast it in the SQL or change the property");

    public static readonly DiagnosticDescriptor UngroupedSqlColumn = Error(
        "WH0097",
        "Column neither grouped nor aggregated",
        "'{0}' in the SQL of '{1}' is neither in GROUP BY nor inside an aggregate; add it to GROUP BY or aggregate it, as MAX({0})");

    public static readonly DiagnosticDescriptor SqlUnsupportedByDialect = Error(
        "WH0098",
        "SQL construct a dialect lacks",
        "The SQL of '{0}' uses {1}, which {2} does not have{3}");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "WH0099",
        "The warehouse generator failed",
        "The warehouse generator failed on '{0}': {1}; this is a bug in Warehouse, please report it with this message");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id.ToLowerInvariant());

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + id.ToLowerInvariant());
}
