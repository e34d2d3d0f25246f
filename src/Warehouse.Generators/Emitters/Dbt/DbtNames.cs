using System.Collections.Generic;
using System.Linq;
using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters.Escaping;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing;

namespace Warehouse.Generators.Emitters.Dbt;

/// <summary>Where dbt files go and how dbt names things: project name, folders, <c>ref</c> and <c>source</c>.</summary>
internal static class DbtNames
{
    public const string Root = "dbt/";

    /// <summary>The schema dbt snapshots (type-2 history) are written to.</summary>
    public const string SnapshotSchema = "snapshots";

    /// <summary><c>Banking</c> → <c>banking</c>; anything that is not a letter, digit or underscore becomes one.</summary>
    public static string Project(string assemblyName)
    {
        var snake = Naming.ToSnakeCase(assemblyName);
        var name = new StringBuilder(snake.Length);
        foreach (var c in snake)
        {
            name.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        if (name.Length == 0 || name[0] is >= '0' and <= '9') name.Insert(0, "warehouse_");
        return name.ToString();
    }

    public static string Folder(LayerKind layer) => layer.ToString().ToLowerInvariant();

    public static string ModelPath(NodeSpec node) => $"{Root}models/{Folder(node.Layer)}/{node.Name}.sql";

    public static string QuarantineName(NodeSpec node) => node.Name + "__quarantine";

    public static string SnapshotName(NodeSpec node) => node.Name + "_snapshot";

    /// <summary><c>'text'</c> as a Jinja string literal.</summary>
    public static string Literal(string text) => JinjaText.StringLiteral(text);

    public static string Ref(string name) => "{{ ref(" + Literal(name) + ") }}";

    public static string Source(string sourceName, string table) => "{{ source(" + Literal(sourceName) + ", " + Literal(table) + ") }}";

    /// <summary>The dbt relation for a resolved table: <c>source(...)</c> for bronze sources, <c>ref(...)</c> otherwise.</summary>
    public static string Relation(TableRef table) => table.IsSource ? Source(table.Schema, table.Name) : Ref(table.Name);

    /// <summary><c>{{ config(key=value, ...) }}</c>; values are already Jinja expressions.</summary>
    public static string Config(IEnumerable<(string Key, string Value)> settings) =>
        "{{ config(" + string.Join(", ", settings.Select(s => s.Key + "=" + s.Value)) + ") }}\n";

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";

    /// <summary>dbt-redshift's incremental_strategy for a Warehouse strategy; null when the model is rebuilt.</summary>
    public static string? Strategy(Incremental incremental, bool hasKey) => incremental switch
    {
        Incremental.FullRefresh => null,
        Incremental.Append => "append",
        _ when !hasKey => "append",
        Incremental.DeleteInsert => "delete+insert",
        _ => "merge",
    };

    /// <summary>Free text as comment lines of a dbt file: no line of it can leave the comment or open a Jinja tag.</summary>
    public static string Comment(string text) => JinjaText.Escape(SqlComment.Lines(text));

    /// <summary>
    /// The dialect the dbt project's SQL is spelled in: it is a dbt-redshift project (docs/dbt.md), so a dbt run
    /// computes the same values as the runner on Redshift. The one place the dbt emitters name a dialect.
    /// </summary>
    public static readonly SqlDialect Adapter = SqlDialect.Redshift;

    /// <summary>The data_type of a column as the adapter's dialect spells it.</summary>
    public static string DataType(SqlType type) => Adapter.Type(type).ToLowerInvariant();
}
