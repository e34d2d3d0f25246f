using System;
using Warehouse.Generators.Expressions;

namespace Warehouse.Generators.Model.Codec;

/// <summary>
/// A resolved <see cref="NodeSpec"/> as compact text and back: the form in which the compiled model leaves the
/// compiler (one constant per node, see docs/architecture.md), so that the build task and the runner render the
/// artifacts with the same emitters the specs were made for. Every field of every spec record is written, in
/// declaration order; <c>NodeSpecCodecTests</c> round-trips whole models and compares the records by value, so a
/// field added to a spec but not here fails there.
/// </summary>
internal static class NodeSpecCodec
{
    /// <summary>The first token of every spec text; bump it when the field list changes.</summary>
    public const string Format = "warehouse-spec/6";

    public static string Encode(NodeSpec node)
    {
        var w = new SpecWriter().String(Format);
        w.Int((int)node.Kind).String(node.TypeName).String(node.Name).String(node.Schema).Int((int)node.Layer).String(node.Description)
            .Strings(node.Tags)
            .List(node.Columns, WriteColumn)
            .Optional(node.Format, static (w, f) => w.String(f.Prefix).String(f.FilePattern).Char(f.Delimiter).Bool(f.Header))
            .String(node.UpstreamType)
            .Optional(node.Upstream, WriteTable)
            .List(node.UpstreamColumns, WriteColumn)
            .String(node.Key)
            .Int((int)node.Incremental)
            .List(node.Rules, static (w, r) => w.String(r.Name).String(r.Condition).String(r.Reason).Optional(r.Parsed, WriteExpr))
            .Int(node.Scd)
            .String(node.DateColumn)
            .Bool(node.UnknownMember)
            .String(node.ExpectedRows.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Optional(node.Distribution, static (w, d) => w.Int((int)d.Kind).String(d.Column))
            .Strings(node.SortKeys)
            .List(node.Hierarchies, static (w, h) => w.String(h.Name).Strings(h.Levels))
            .Optional(node.Grain, static (w, g) => w.String(g.Description).Strings(g.Columns))
            .String(node.EventDateColumn)
            .List(node.Sql, static (w, p) => w.String(p.Text).String(p.ReferencedType).Optional(p.Target, WriteTable))
            .Bool(node.MaterializeAsTable)
            .Bool(node.WarnOnly)
            .Strings(node.DependsOn)
            .List(node.Tests, WriteTest);
        return w.ToString();
    }

    /// <summary>
    /// A generic test's text in the same encoding: with <see cref="Encode(NodeSpec)"/> the canonical form the
    /// manifest's checksums hash, since it writes every field (a record's <c>ToString()</c> prints no array's items).
    /// </summary>
    public static string Encode(TestSpec test)
    {
        var w = new SpecWriter().String(Format);
        WriteTest(w, test);
        return w.ToString();
    }

    /// <exception cref="FormatException">The text is not a spec of this <see cref="Format"/>.</exception>
    public static NodeSpec Decode(string text)
    {
        var r = new SpecReader(text);
        var format = r.String();
        if (format != Format) throw new FormatException($"the spec is in format '{format}', this reader reads '{Format}': rebuild the model project with this version of Warehouse");
        var node = new NodeSpec
        {
            Kind = r.Enum<NodeKind>(),
            TypeName = r.String(),
            Name = r.String(),
            Schema = r.String(),
            Layer = r.Enum<LayerKind>(),
            Description = r.NullableString(),
            Tags = r.Strings(),
            Columns = r.Array(ReadColumn),
            Format = r.Optional(static r => new SourceFormatSpec(r.String(), r.String(), r.Char(), r.Bool())),
            UpstreamType = r.NullableString(),
            Upstream = r.Optional(ReadTable),
            UpstreamColumns = r.Array(ReadColumn),
            Key = r.NullableString(),
            Incremental = r.Enum<Incremental>(),
            Rules = r.Array(static r => new RuleSpec(r.String(), r.String(), r.String()) { Parsed = r.Optional(ReadExpr) }),
            Scd = r.Int(),
            DateColumn = r.NullableString(),
            UnknownMember = r.Bool(),
            ExpectedRows = long.Parse(r.String(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture),
            Distribution = r.Optional(static r => new DistributionSpec(r.Enum<DistributionKind>(), r.NullableString())),
            SortKeys = r.Strings(),
            Hierarchies = r.Array(static r => new HierarchySpec(r.String(), r.Strings())),
            Grain = r.Optional(static r => new GrainSpec(r.String(), r.Strings())),
            EventDateColumn = r.NullableString(),
            Sql = r.Array(static r => new SqlPart(r.String(), r.NullableString()) { Target = r.Optional(ReadTable) }),
            MaterializeAsTable = r.Bool(),
            WarnOnly = r.Bool(),
            DependsOn = r.Strings(),
            Tests = r.Array(ReadTest),
        };
        if (!r.AtEnd) throw r.Error("text after the last field");
        return node;
    }

    private static void WriteTable(SpecWriter w, TableRef table) => w.String(table.Schema).String(table.Name).Bool(table.IsSource);

    private static TableRef ReadTable(SpecReader r) => new(r.String(), r.String()) { IsSource = r.Bool() };

    private static void WriteColumn(SpecWriter w, ColumnSpec c) =>
        w.String(c.PropertyName).String(c.Name)
            .Type(c.Type)
            .Bool(c.Nullable).String(c.Description).Int((int)c.Role).Bool(c.History).String(c.Additivity)
            .String(c.ReferencedType).String(c.ReferenceOn)
            .Optional(c.Lookup, static (w, l) =>
            {
                WriteTable(w, l.Dimension);
                w.String(l.SurrogateKey).String(l.BusinessKey).String(l.FactColumn).Bool(l.Type2).String(l.DateColumn);
            })
            .String(c.UpstreamColumn)
            .Optional(c.Derived, WriteExpr)
            .Optional(c.Default, WriteExpr)
            .Bool(c.Trim)
            .List(c.DeclaredTests, static (w, t) => w.Int((int)t.Kind).Bool(t.WarnOnly).Strings(t.Values).String(t.Min).String(t.Max).String(t.RelatedType).String(t.RelatedColumn))
            .List(c.Reads, WriteOrigin)
            .List(c.Lineage, WriteOrigin);

    private static void WriteOrigin(SpecWriter w, ColumnOrigin o) => w.String(o.Node).String(o.Column);

    private static ColumnOrigin ReadOrigin(SpecReader r) => new(r.String(), r.String());

    private static ColumnSpec ReadColumn(SpecReader r) => new()
    {
        PropertyName = r.String(),
        Name = r.String(),
        Type = ReadType(r),
        Nullable = r.Bool(),
        Description = r.NullableString(),
        Role = r.Enum<ColumnRole>(),
        History = r.Bool(),
        Additivity = r.NullableString(),
        ReferencedType = r.NullableString(),
        ReferenceOn = r.NullableString(),
        Lookup = r.Optional(static r => new DimensionLookup(ReadTable(r), r.String(), r.String(), r.String(), r.Bool(), r.NullableString())),
        UpstreamColumn = r.NullableString(),
        Derived = r.Optional(ReadExpr),
        Default = r.Optional(ReadExpr),
        Trim = r.Bool(),
        DeclaredTests = r.Array(static r => new ColumnTestSpec(r.Enum<TestKind>(), r.Bool(), r.Strings(), r.NullableString(), r.NullableString(), r.NullableString(), r.NullableString())),
        Reads = r.Array(ReadOrigin),
        Lineage = r.Array(ReadOrigin),
    };

    private static SqlType ReadType(SpecReader r) => new(r.Enum<SqlTypeKind>(), r.Int(), r.Int(), r.Int());

    private static void WriteTest(SpecWriter w, TestSpec t) =>
        w.String(t.Name).Int((int)t.Kind).Strings(t.Columns).Bool(t.WarnOnly).Strings(t.Values).String(t.Min).String(t.Max)
            .Optional(t.Related, WriteTable).String(t.RelatedColumn).String(t.Where);

    private static TestSpec ReadTest(SpecReader r) => new()
    {
        Name = r.String(),
        Kind = r.Enum<TestKind>(),
        Columns = r.Strings(),
        WarnOnly = r.Bool(),
        Values = r.Strings(),
        Min = r.NullableString(),
        Max = r.NullableString(),
        Related = r.Optional(ReadTable),
        RelatedColumn = r.NullableString(),
        Where = r.NullableString(),
    };

    // Expressions: a one-letter tag, then the node's fields.
    private static void WriteExpr(SpecWriter w, Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                w.String("L").Int((int)literal.Kind).String(literal.Value);
                break;
            case ColumnExpr column:
                w.String("C").String(column.Name).Optional(column.Type, static (w, t) => w.Type(t));
                break;
            case FunctionExpr function:
                w.String("F").String(function.Name).List(function.Arguments, WriteExpr);
                break;
            case BinaryExpr binary:
                w.String("B").String(binary.Operator);
                WriteExpr(w, binary.Left);
                WriteExpr(w, binary.Right);
                break;
            case UnaryExpr unary:
                w.String("U").String(unary.Operator);
                WriteExpr(w, unary.Operand);
                break;
            case IsNullExpr isNull:
                w.String("N");
                WriteExpr(w, isNull.Operand);
                w.Bool(isNull.Negated);
                break;
            case BetweenExpr between:
                w.String("W");
                WriteExpr(w, between.Operand);
                WriteExpr(w, between.Low);
                WriteExpr(w, between.High);
                w.Bool(between.Negated);
                break;
            case InExpr inList:
                w.String("I");
                WriteExpr(w, inList.Operand);
                w.List(inList.Items, WriteExpr).Bool(inList.Negated);
                break;
            case CaseExpr caseExpr:
                w.String("K").List(caseExpr.Whens, static (w, when) =>
                {
                    WriteExpr(w, when.Condition);
                    WriteExpr(w, when.Result);
                }).Optional(caseExpr.Else, WriteExpr);
                break;
            default:
                throw new InvalidOperationException($"no spec encoding for the expression node {expr.GetType().Name}");
        }
    }

    private static Expr ReadExpr(SpecReader r)
    {
        var tag = r.String();
        switch (tag)
        {
            case "L": return new LiteralExpr(r.Enum<LiteralKind>(), r.String());
            case "C": return new ColumnExpr(r.String(), r.Optional(ReadType));
            case "F": return new FunctionExpr(r.String(), r.Array(ReadExpr));
            case "B": return new BinaryExpr(r.String(), ReadExpr(r), ReadExpr(r));
            case "U": return new UnaryExpr(r.String(), ReadExpr(r));
            case "N": return new IsNullExpr(ReadExpr(r), r.Bool());
            case "W": return new BetweenExpr(ReadExpr(r), ReadExpr(r), ReadExpr(r), r.Bool());
            case "I": return new InExpr(ReadExpr(r), r.Array(ReadExpr), r.Bool());
            case "K": return new CaseExpr(r.Array(static r => new WhenClause(ReadExpr(r), ReadExpr(r))), r.Optional(ReadExpr));
            default: throw r.Error($"'{tag}' is no expression node");
        }
    }
}
