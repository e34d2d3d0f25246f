using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Warehouse.Generators.Emitters.Escaping;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>
/// The Glue catalog: the database, one typed external table per source (what Redshift's external schema reads),
/// a CSV classifier per delimiter, and a scheduled crawler over the landing prefixes. The model's tables are the
/// truth: the crawler only logs schema changes to them (SchemaChangePolicy LOG) and puts files the model does not
/// declare into tables named with the crawler prefix.
/// </summary>
internal static class GlueResources
{
    // Glue's limits (characters): a column comment is one line (Glue's single-line string pattern), a description may break lines.
    private const int MaxCommentLength = 255;
    private const int MaxDescriptionLength = 2048;

    public static void Add(Template template, string project, IReadOnlyList<NodeSpec> sources, LogicalIds ids)
    {
        template.Resource(LogicalIds.GlueDatabase, "AWS::Glue::Database", new JsonObject
        {
            ["CatalogId"] = Fn.Ref("AWS::AccountId"),
            ["DatabaseInput"] = new JsonObject
            {
                ["Name"] = Fn.Ref(Parameters.CatalogDatabaseName),
                ["Description"] = CloudFormationText.MultiLine($"Bronze tables of the {project} warehouse: the lake's landing files, typed by the model.", MaxDescriptionLength),
            },
        });

        var classifiers = new List<string>();
        var formats = sources.Select(s => (s.Format!.Delimiter, s.Format.Header)).Distinct().OrderBy(f => f.Delimiter).ThenBy(f => f.Header).ToList();
        if (formats.Count == 0) formats.Add((',', true));
        foreach (var (delimiter, header) in formats)
        {
            var id = "CsvClassifier" + DelimiterName(delimiter) + (header ? string.Empty : "NoHeader");
            classifiers.Add(id);
            template.Resource(id, "AWS::Glue::Classifier", new JsonObject
            {
                ["CsvClassifier"] = new JsonObject
                {
                    ["Delimiter"] = delimiter.ToString(),
                    ["QuoteSymbol"] = "\"",
                    ["ContainsHeader"] = header ? "PRESENT" : "ABSENT",
                    ["AllowSingleColumn"] = false,
                    ["DisableValueTrimming"] = false,
                },
            });
        }

        var targets = sources.Count == 0
            ? new JsonArray { new JsonObject { ["Path"] = LakeResources.Location(string.Empty) } }
            : new JsonArray(sources.Select(s => (JsonValue)new JsonObject { ["Path"] = LakeResources.Location(s.Format!.Prefix) }));
        template.Resource(LogicalIds.Crawler, "AWS::Glue::Crawler", new JsonObject
        {
            ["Description"] = "Crawls the landing prefixes: adds partitions and logs schema drift against the model's tables.",
            ["Role"] = Fn.GetAtt(LogicalIds.CrawlerRole, "Arn"),
            ["DatabaseName"] = Fn.Ref(LogicalIds.GlueDatabase),
            ["TablePrefix"] = Fn.Ref(Parameters.CrawlerTablePrefix),
            ["Classifiers"] = Fn.Refs(classifiers.ToArray()),
            ["Targets"] = new JsonObject { ["S3Targets"] = targets },
            ["SchemaChangePolicy"] = new JsonObject { ["UpdateBehavior"] = "LOG", ["DeleteBehavior"] = "LOG" },
            ["Configuration"] = "{\"Version\":1.0,\"CrawlerOutput\":{\"Partitions\":{\"AddOrUpdateBehavior\":\"InheritFromTable\"}}}",
            ["Tags"] = new JsonObject { ["warehouse:project"] = project },
        });

        template.Resource(LogicalIds.CrawlerSchedule, "AWS::Glue::Trigger", new JsonObject
        {
            ["Description"] = "Starts the lake crawler on the CrawlerSchedule.",
            ["Type"] = "SCHEDULED",
            ["Schedule"] = Fn.Ref(Parameters.CrawlerSchedule),
            ["StartOnCreation"] = true,
            ["Actions"] = new JsonArray { new JsonObject { ["CrawlerName"] = Fn.Ref(LogicalIds.Crawler) } },
        });

        foreach (var source in sources)
        {
            template.Resource(ids.Table(source), "AWS::Glue::Table", Table(source));
        }
    }

    private static JsonObject Table(NodeSpec source)
    {
        var format = source.Format!;
        var delimiter = format.Delimiter.ToString();
        var parameters = new JsonObject
        {
            ["classification"] = "csv",
            ["delimiter"] = delimiter,
            ["EXTERNAL"] = "TRUE",
        };
        if (format.Header) parameters["skip.header.line.count"] = "1";
        parameters["warehouse:file_pattern"] = format.FilePattern;

        var tableInput = new JsonObject
        {
            ["Name"] = source.Name,
            ["Description"] = source.Description is null ? null : CloudFormationText.MultiLine(source.Description, MaxDescriptionLength),
            ["TableType"] = "EXTERNAL_TABLE",
            ["Parameters"] = parameters,
            ["StorageDescriptor"] = new JsonObject
            {
                ["Columns"] = new JsonArray(source.Columns.Select(c => (JsonValue)new JsonObject
                {
                    ["Name"] = c.Name,
                    ["Type"] = GlueTypes.Of(c.Type),
                    ["Comment"] = c.Description is null ? null : CloudFormationText.SingleLine(c.Description, MaxCommentLength),
                })),
                ["Location"] = LakeResources.Location(format.Prefix),
                ["InputFormat"] = "org.apache.hadoop.mapred.TextInputFormat",
                ["OutputFormat"] = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                ["Compressed"] = false,
                ["StoredAsSubDirectories"] = false,
                ["SerdeInfo"] = new JsonObject
                {
                    ["SerializationLibrary"] = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                    ["Parameters"] = new JsonObject
                    {
                        ["field.delim"] = delimiter,
                        ["serialization.format"] = delimiter,
                    },
                },
            },
        };
        return new JsonObject
        {
            ["CatalogId"] = Fn.Ref("AWS::AccountId"),
            ["DatabaseName"] = Fn.Ref(LogicalIds.GlueDatabase),
            ["TableInput"] = tableInput,
        };
    }

    private static string DelimiterName(char delimiter) => delimiter switch
    {
        '|' => "Pipe",
        ',' => "Comma",
        ';' => "Semicolon",
        '\t' => "Tab",
        ':' => "Colon",
        ' ' => "Space",
        _ => "U" + ((int)delimiter).ToString("X4", CultureInfo.InvariantCulture),
    };
}
