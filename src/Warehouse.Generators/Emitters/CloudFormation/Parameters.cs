using System.Text;

namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>The template's parameters, conditions and rules: the choices a team makes when it deploys.</summary>
internal static class Parameters
{
    public const string BucketName = "BucketName";
    public const string CatalogDatabaseName = "CatalogDatabaseName";
    public const string CrawlerTablePrefix = "CrawlerTablePrefix";
    public const string CrawlerSchedule = "CrawlerSchedule";
    public const string VpcCidr = "VpcCidr";
    public const string ClientCidr = "ClientCidr";
    public const string WarehousePort = "WarehousePort";
    public const string NodeType = "ClusterNodeType";
    public const string NumberOfNodes = "ClusterNumberOfNodes";
    public const string DatabaseName = "ClusterDatabaseName";
    public const string MasterUsername = "MasterUsername";
    public const string ManageMasterPassword = "ManageMasterPassword";
    public const string MasterUserPasswordSecret = "MasterUserPasswordSecret";

    public const string HasBucketName = "HasBucketName";
    public const string IsMultiNode = "IsMultiNode";
    public const string ManagesMasterPassword = "ManagesMasterPassword";

    public static void Add(Template template, string project)
    {
        var name = DatabaseIdentifier(project);
        var p = template.Parameters;
        p[BucketName] = String("Name of the lake bucket; empty lets CloudFormation generate one.", string.Empty,
            pattern: "^$|^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", message: "an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens");
        p[CatalogDatabaseName] = String("Glue database holding the bronze tables (the runner's glue_database variable).", name,
            pattern: "^[a-z0-9_]{1,255}$", message: "lowercase letters, digits and underscores");
        p[CrawlerTablePrefix] = String("Prefix of the tables the crawler creates for files the model does not declare yet.", "crawled_",
            pattern: "^[a-z0-9_]{0,64}$", message: "lowercase letters, digits and underscores");
        p[CrawlerSchedule] = String("When the crawler runs, as a Glue cron expression (UTC).", "cron(0 2 * * ? *)",
            pattern: "^cron\\(.+\\)$", message: "a cron(...) expression");
        p[VpcCidr] = String("CIDR of the VPC, /16 to /22; it is split into four /24 subnets.", "10.0.0.0/16",
            pattern: Cidr("(1[6-9]|2[0-2])"), message: "an IPv4 CIDR block from /16 to /22");
        p[ClientCidr] = String("The only CIDR admitted to the warehouse port.", "10.0.0.0/16",
            pattern: Cidr("([0-9]|[1-2][0-9]|3[0-2])"), message: "an IPv4 CIDR block");
        p[WarehousePort] = new JsonObject
        {
            ["Type"] = "Number",
            ["Description"] = "Port the cluster listens on.",
            ["Default"] = 5439,
            ["MinValue"] = 1150,
            ["MaxValue"] = 65535,
        };
        var nodeType = String("Redshift node type.", "ra3.xlplus");
        nodeType["AllowedValues"] = new JsonArray { "ra3.large", "ra3.xlplus", "ra3.4xlarge", "ra3.16xlarge", "dc2.large", "dc2.8xlarge" };
        p[NodeType] = nodeType;
        p[NumberOfNodes] = new JsonObject
        {
            ["Type"] = "Number",
            ["Description"] = "Number of compute nodes; 1 makes a single-node cluster.",
            ["Default"] = 1,
            ["MinValue"] = 1,
            ["MaxValue"] = 100,
        };
        p[DatabaseName] = String("Name of the cluster's database.", name,
            pattern: "^[a-z][a-z0-9_]{0,63}$", message: "a lowercase identifier of at most 64 characters");
        p[MasterUsername] = String("Name of the cluster's admin user.", "warehouse_admin",
            pattern: "^[a-z][a-z0-9_]{0,127}$", message: "a lowercase identifier of at most 128 characters");
        var manage = String("true: Redshift keeps the admin password in a Secrets Manager secret it creates; false: read it from MasterUserPasswordSecret.", "true");
        manage["AllowedValues"] = new JsonArray { "true", "false" };
        p[ManageMasterPassword] = manage;
        p[MasterUserPasswordSecret] = String("Only when ManageMasterPassword is false: name or ARN of an existing Secrets Manager secret whose JSON has a \"password\" key (8-64 characters, an upper and lower case letter and a digit).", string.Empty,
            pattern: "^$|^[A-Za-z0-9/_+=.@:-]{1,2048}$", message: "a Secrets Manager secret name or ARN");

        template.Conditions[HasBucketName] = Fn.Not(Fn.Equals(Fn.Ref(BucketName), string.Empty));
        template.Conditions[IsMultiNode] = Fn.Not(Fn.Equals(Fn.Ref(NumberOfNodes), "1"));
        template.Conditions[ManagesMasterPassword] = Fn.Equals(Fn.Ref(ManageMasterPassword), "true");

        template.Rules["MasterUserPasswordSecretGiven"] = new JsonObject
        {
            ["RuleCondition"] = Fn.Equals(Fn.Ref(ManageMasterPassword), "false"),
            ["Assertions"] = new JsonArray
            {
                new JsonObject
                {
                    ["Assert"] = Fn.Not(Fn.Equals(Fn.Ref(MasterUserPasswordSecret), string.Empty)),
                    ["AssertDescription"] = "MasterUserPasswordSecret is required when ManageMasterPassword is false.",
                },
            },
        };

        template.Metadata["AWS::CloudFormation::Interface"] = new JsonObject
        {
            ["ParameterGroups"] = new JsonArray
            {
                Group("Lake and catalog", BucketName, CatalogDatabaseName, CrawlerTablePrefix, CrawlerSchedule),
                Group("Network", VpcCidr, ClientCidr, WarehousePort),
                Group("Redshift", NodeType, NumberOfNodes, DatabaseName, MasterUsername, ManageMasterPassword, MasterUserPasswordSecret),
            },
        };
    }

    /// <summary>The project name as a lowercase SQL identifier (<c>Banking</c> → <c>banking</c>), the databases' default name.</summary>
    public static string DatabaseIdentifier(string project)
    {
        var snake = Parsing.Naming.ToSnakeCase(project);
        var builder = new StringBuilder(snake.Length);
        foreach (var c in snake)
        {
            var lower = char.ToLowerInvariant(c);
            var ok = lower is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (ok) builder.Append(lower);
            else if (builder.Length > 0 && builder[builder.Length - 1] != '_') builder.Append('_');
        }

        var name = builder.ToString().Trim('_');
        if (name.Length == 0 || name[0] is < 'a' or > 'z') name = "warehouse" + (name.Length == 0 ? string.Empty : "_" + name);
        return name.Length > 64 ? name.Substring(0, 64).TrimEnd('_') : name;
    }

    private static JsonObject String(string description, string defaultValue, string? pattern = null, string? message = null)
    {
        var parameter = new JsonObject
        {
            ["Type"] = "String",
            ["Description"] = description,
            ["Default"] = defaultValue,
        };
        if (pattern is not null) parameter["AllowedPattern"] = pattern;
        if (message is not null) parameter["ConstraintDescription"] = "must be " + message;
        return parameter;
    }

    private static string Cidr(string prefixLength) =>
        "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/" + prefixLength + "$";

    private static JsonObject Group(string label, params string[] parameters) => new()
    {
        ["Label"] = new JsonObject { ["default"] = label },
        ["Parameters"] = new JsonArray(System.Linq.Enumerable.Select(parameters, n => (JsonValue)n)),
    };
}
