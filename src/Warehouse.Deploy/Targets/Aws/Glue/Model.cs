using System.Text.Json.Serialization;
using Amazon.Runtime;

// Request and response shapes named as in AWSSDK.Glue (Amazon.Glue.Model), holding only the members the deploy
// uses; property names are the wire names of AWS JSON 1.1. See Sdk/LiteServiceClient.cs for why.
namespace Warehouse.Deploy.Targets.Aws.Glue;

public sealed class Column
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Comment { get; set; }
}

public sealed class SerDeInfo
{
    public string? SerializationLibrary { get; set; }
    public Dictionary<string, string>? Parameters { get; set; }
}

public sealed class StorageDescriptor
{
    public List<Column> Columns { get; set; } = [];
    public string? Location { get; set; }
    public string? InputFormat { get; set; }
    public string? OutputFormat { get; set; }
    public bool? Compressed { get; set; }
    public bool? StoredAsSubDirectories { get; set; }
    public SerDeInfo? SerdeInfo { get; set; }
}

/// <summary>What CreateTable/UpdateTable send (TableInput).</summary>
public sealed class TableInput
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? TableType { get; set; }
    public Dictionary<string, string>? Parameters { get; set; }
    public StorageDescriptor? StorageDescriptor { get; set; }
}

/// <summary>What GetTable/GetTables answer.</summary>
public sealed class Table
{
    public string Name { get; set; } = "";
    public string? DatabaseName { get; set; }
    public string? Description { get; set; }
    public string? TableType { get; set; }
    public Dictionary<string, string>? Parameters { get; set; }
    public StorageDescriptor? StorageDescriptor { get; set; }
}

public sealed class DatabaseInput
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? LocationUri { get; set; }
}

public sealed class Database
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}

public sealed class Crawler
{
    public string Name { get; set; } = "";
    /// <summary>READY, RUNNING or STOPPING.</summary>
    public string? State { get; set; }
    public LastCrawlInfo? LastCrawl { get; set; }
}

public sealed class LastCrawlInfo
{
    /// <summary>SUCCEEDED, CANCELLED or FAILED.</summary>
    public string? Status { get; set; }
    public string? ErrorMessage { get; set; }
}

public sealed class GetDatabaseRequest : AmazonWebServiceRequest
{
    public string? CatalogId { get; set; }
    public string Name { get; set; } = "";
}

public sealed class GetDatabaseResponse : AmazonWebServiceResponse
{
    public Database? Database { get; set; }
}

public sealed class CreateDatabaseRequest : AmazonWebServiceRequest
{
    public string? CatalogId { get; set; }
    public DatabaseInput DatabaseInput { get; set; } = new();
}

public sealed class CreateDatabaseResponse : AmazonWebServiceResponse;

public sealed class GetTablesRequest : AmazonWebServiceRequest
{
    public string? CatalogId { get; set; }
    public string DatabaseName { get; set; } = "";
    public string? NextToken { get; set; }
}

public sealed class GetTablesResponse : AmazonWebServiceResponse
{
    public List<Table> TableList { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class GetTableRequest : AmazonWebServiceRequest
{
    public string? CatalogId { get; set; }
    public string DatabaseName { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class GetTableResponse : AmazonWebServiceResponse
{
    public Table? Table { get; set; }
}

public sealed class CreateTableRequest : AmazonWebServiceRequest
{
    public string? CatalogId { get; set; }
    public string DatabaseName { get; set; } = "";
    public TableInput TableInput { get; set; } = new();
}

public sealed class CreateTableResponse : AmazonWebServiceResponse;

public sealed class UpdateTableRequest : AmazonWebServiceRequest
{
    public string? CatalogId { get; set; }
    public string DatabaseName { get; set; } = "";
    public TableInput TableInput { get; set; } = new();
}

public sealed class UpdateTableResponse : AmazonWebServiceResponse;

public sealed class StartCrawlerRequest : AmazonWebServiceRequest
{
    public string Name { get; set; } = "";
}

public sealed class StartCrawlerResponse : AmazonWebServiceResponse;

public sealed class GetCrawlerRequest : AmazonWebServiceRequest
{
    public string Name { get; set; } = "";
}

public sealed class GetCrawlerResponse : AmazonWebServiceResponse
{
    public Crawler? Crawler { get; set; }
}

/// <summary>Glue's error codes the deploy reacts to.</summary>
public static class GlueErrorCodes
{
    public const string EntityNotFound = "EntityNotFoundException";
    public const string AlreadyExists = "AlreadyExistsException";
    public const string CrawlerRunning = "CrawlerRunningException";
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Table))]
[JsonSerializable(typeof(List<Table>))]
[JsonSerializable(typeof(TableInput))]
[JsonSerializable(typeof(Database))]
[JsonSerializable(typeof(DatabaseInput))]
[JsonSerializable(typeof(Crawler))]
internal sealed partial class GlueJson : JsonSerializerContext;
