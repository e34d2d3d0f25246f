using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing;
using Warehouse.Generators.SqlFrontEnd;

namespace Warehouse.Generators.Resolution;

/// <summary>
/// The build-time check of a <c>[SqlModel]</c>, <c>[Analysis]</c> or <c>[SingularTest]</c> body: it must parse, bind
/// (tables, columns, functions, grouping, every dialect's constructs: <see cref="SqlBinder"/>), and a SQL model must
/// return exactly the columns its record declares, each in a type that fits the declared one. Every problem is
/// reported at its line and column inside the attribute's string (<see cref="SqlBodyLocations"/>). A body that binds
/// gives its output columns with what each reads, the SQL model's column lineage (<see cref="ColumnLineage"/>).
/// </summary>
internal static class SqlBodies
{
    /// <param name="referenced">The node a reference part (by index) resolved to; null when it did not (already reported).</param>
    /// <returns>The body's output columns when it parsed and bound without a problem, else null.</returns>
    public static IReadOnlyList<SqlOutputColumn>? Check(ParsedNode node, NodeSpec resolved, Func<int, NodeSpec?> referenced, DiagnosticSink sink)
    {
        var owner = resolved.TypeName;
        var outcome = SqlParser.Parse(resolved.Sql);
        if (outcome.Query is null)
        {
            sink.Report(DiagnosticDescriptors.UnparseableSql, At(node, outcome.ErrorOffset, outcome.ErrorLength), owner, outcome.Error ?? "unknown error");
            return null;
        }

        var binding = SqlBinder.Bind(outcome.Query, owner, part => referenced(part) is { } target ? Table(target) : null, SqlDialect.All);
        foreach (var problem in binding.Problems)
        {
            var descriptor = problem.Kind switch
            {
                SqlProblemKind.UnknownColumn => DiagnosticDescriptors.UnknownSqlColumn,
                SqlProblemKind.AmbiguousColumn => DiagnosticDescriptors.AmbiguousSqlColumn,
                SqlProblemKind.NotGrouped => DiagnosticDescriptors.UngroupedSqlColumn,
                SqlProblemKind.DialectLacks => DiagnosticDescriptors.SqlUnsupportedByDialect,
                _ => DiagnosticDescriptors.InvalidSql,
            };
            sink.Report(descriptor, At(node, problem.Offset, problem.Length), problem.Arguments.ToArray());
        }

        if (binding.Problems.Count > 0) return null;
        if (resolved.Kind == NodeKind.SqlModel) CheckContract(node, resolved, binding.Outputs, sink);
        return binding.Outputs;
    }

    /// <summary>The record declares the output contract: each property is a returned column of a type that fits it, and nothing else is returned.</summary>
    private static void CheckContract(ParsedNode node, NodeSpec model, IReadOnlyList<SqlOutputColumn> outputs, DiagnosticSink sink)
    {
        var declared = model.Columns.Select(c => c.Name).ToList();
        var returned = outputs.Select(o => o.Name).ToList();
        foreach (var column in model.Columns)
        {
            var output = outputs.FirstOrDefault(o => o.Name == column.Name);
            if (output is null)
            {
                var suggestion = SqlBinder.Nearest(column.Name, returned.Where(r => !declared.Contains(r)));
                var hint = suggestion is null ? string.Empty : $"; it returns '{suggestion}', did you mean that?";
                sink.Report(DiagnosticDescriptors.MissingSqlOutput, node.FindFirst("prop:" + column.PropertyName), model.TypeName, column.PropertyName, column.Name, hint);
                continue;
            }

            if (output.Type is { } type && SqlTyping.Truncation(type, column.Type) is { } reason)
            {
                sink.Report(DiagnosticDescriptors.TruncatingSqlOutput, At(node, output.Offset, output.Length), model.TypeName, output.Name, type.ToString(), column.PropertyName, column.Type.ToString(), reason);
            }
        }

        foreach (var output in outputs.Where(o => !declared.Contains(o.Name)))
        {
            var suggestion = SqlBinder.Nearest(output.Name, declared.Where(d => !returned.Contains(d)));
            var hint = suggestion is null ? string.Empty : $" (it declares '{suggestion}', which the SQL does not return)";
            sink.Report(DiagnosticDescriptors.UndeclaredSqlOutput, At(node, output.Offset, output.Length), model.TypeName, output.Name, hint);
        }
    }

    /// <summary>A model as a table of a SQL body: its declared columns and the ones the warehouse adds (as docs/manifest.md lists them).</summary>
    public static SqlBoundTable Table(NodeSpec target)
    {
        var text = new SqlType(SqlTypeKind.Varchar, Length: SqlTyping.UnboundedText);
        var timestamp = new SqlType(SqlTypeKind.Timestamp);
        var columns = target.Columns.Select(c => (c.Name, target.Kind == NodeKind.Source ? text : c.Type)).ToList();
        if (target.Kind == NodeKind.Dimension && target.Scd == 2)
        {
            columns.Add(("valid_from", timestamp));
            columns.Add(("valid_to", timestamp));
            columns.Add(("is_current", new SqlType(SqlTypeKind.Boolean)));
        }

        if (target.Kind == NodeKind.Staging) columns.Add(("_source_file", new SqlType(SqlTypeKind.Varchar, Length: 1024)));
        if (target.Kind is NodeKind.Staging or NodeKind.Dimension or NodeKind.Fact) columns.Add(("_batch_at", timestamp));
        return new SqlBoundTable(target.Name, target.Id, target.Id, columns);
    }

    private static LocationInfo? At(ParsedNode node, int offset, int length) => SqlBodyLocations.Find(node, offset, length) ?? node.FindFirst("sql");
}
