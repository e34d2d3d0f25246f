using System.Text.Json;
using Warehouse.Deploy.Cli;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// A small hand-written warehouse of another shape than the Banking sample, for DuckDB: two comma-delimited sources
/// whose files follow no dim/fact naming (<c>raw/orders/raw_orders*.csv</c>, <c>raw/customers/raw_customers*.csv</c>),
/// a gold table joining them and an error-severity test. Its lake starts empty and it registers no data generator
/// unless a test passes one.
/// </summary>
public sealed class RawFilesWarehouse : IDisposable
{
    public const string OrdersHeader = "order_id,customer_id,amount";
    public const string CustomersHeader = "customer_id,name";

    public RawFilesWarehouse()
    {
        Root = Directory.CreateTempSubdirectory("warehouse-raw-").FullName;
        WriteManifest();
        WriteSql();
    }

    public string Root { get; }

    public string Artifacts => Path.Combine(Root, "warehouse");

    public string Lake => Path.Combine(Root, "lake");

    public string DuckDbPath => Path.Combine(Root, "raw.duckdb");

    /// <summary>A folder of data files (path → lines; a path with '/' goes into subfolders), as a user would hand to --data.</summary>
    public string DataFolder(string name, IReadOnlyDictionary<string, string[]> files)
    {
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, lines) in files)
        {
            string path = Path.Combine(folder, file.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
        }

        return folder;
    }

    /// <summary>Runs the CLI in-process with --artifacts set, and the extensions a model project would pass.</summary>
    public async Task<CliRun> RunAsync(WarehouseExtensions extensions, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, Root, _ => null, Interactive: false);
        int exitCode = await WarehouseCli.RunAsync([.. args, "--artifacts", Artifacts], null, extensions, environment, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Every file and folder under the temp folder: a run that must write nothing leaves this list as it was.</summary>
    public IReadOnlyList<string> Entries() =>
        Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    private void WriteManifest()
    {
        object Sql(string path) => new Dictionary<string, string> { ["duckdb"] = $"duckdb/{path}" };
        object Column(string name, ManifestColumnType? type = null) => new { name, type = type ?? new ManifestColumnType("VARCHAR"), nullable = true };
        var manifest = new
        {
            format = WarehouseManifest.SupportedFormat,
            project = "Raw",
            dialects = new[] { "duckdb" },
            setup = new Dictionary<string, string> { ["duckdb"] = "duckdb/_setup.sql" },
            variables = new Dictionary<string, string[]> { ["duckdb"] = ["batch_at", "lake_root"] },
            bookkeeping = TestManifests.Bookkeeping,
            aws = TestManifests.Aws,
            nodes = new object[]
            {
                new
                {
                    id = "bronze.raw_orders", kind = "source", layer = "bronze", schema = "bronze", name = "raw_orders",
                    materialization = "source",
                    columns = new[] { Column("order_id"), Column("customer_id"), Column("amount") },
                    source = new { prefix = "raw/orders/", file_pattern = "raw_orders*.csv", delimiter = ",", header = true },
                    depends_on = Array.Empty<string>(), sql = Sql("bronze/raw_orders.sql"),
                },
                new
                {
                    id = "bronze.raw_customers", kind = "source", layer = "bronze", schema = "bronze", name = "raw_customers",
                    materialization = "source",
                    columns = new[] { Column("customer_id"), Column("name") },
                    source = new { prefix = "raw/customers/", file_pattern = "raw_customers*.csv", delimiter = ",", header = true },
                    depends_on = Array.Empty<string>(), sql = Sql("bronze/raw_customers.sql"),
                },
                new
                {
                    id = "gold.orders", kind = "fact", layer = "gold", schema = "gold", name = "orders", materialization = "table", publish_group = "gold",
                    columns = new[] { Column("order_id", TestManifests.BigInt), Column("name"), Column("amount", TestManifests.Decimal(18, 2)) },
                    depends_on = new[] { "bronze.raw_orders", "bronze.raw_customers" }, sql = Sql("gold/orders.sql"),
                },
                new
                {
                    id = "tests.orders_have_a_customer", kind = "test", layer = "gold", schema = "tests",
                    name = "orders_have_a_customer", materialization = "test", severity = "error",
                    attached_to = "gold.orders", depends_on = new[] { "gold.orders" }, sql = Sql("tests/orders_have_a_customer.sql"),
                },
            },
        };
        Directory.CreateDirectory(Artifacts);
        File.WriteAllText(Path.Combine(Artifacts, "manifest.json"), JsonSerializer.Serialize(manifest));
    }

    private void WriteSql()
    {
        void Write(string relative, string sql)
        {
            string path = Path.Combine(Artifacts, "duckdb", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, sql);
        }

        Write("_setup.sql", "CREATE SCHEMA IF NOT EXISTS bronze;\nCREATE SCHEMA IF NOT EXISTS gold;\nCREATE SCHEMA IF NOT EXISTS _warehouse;\n");
        foreach (var (name, folder) in new[] { ("raw_orders", "orders"), ("raw_customers", "customers") })
        {
            Write($"bronze/{name}.sql",
                $"CREATE OR REPLACE VIEW bronze.{name} AS\nSELECT * EXCLUDE (filename), replace(filename, '{{{{lake_root}}}}/', '') AS _source_file\n" +
                $"FROM read_csv('{{{{lake_root}}}}/raw/{folder}/{name}*.csv', delim = ',', header = true, all_varchar = true, filename = true);\n");
        }

        Write("gold/orders.sql",
            "DROP TABLE IF EXISTS gold.orders;\nCREATE TABLE gold.orders AS SELECT CAST(o.order_id AS BIGINT) AS order_id, c.name, " +
            "CAST(o.amount AS DECIMAL(18,2)) AS amount FROM bronze.raw_orders o LEFT JOIN bronze.raw_customers c ON c.customer_id = o.customer_id;\n");
        Write("tests/orders_have_a_customer.sql", "SELECT order_id FROM gold.orders WHERE name IS NULL\n");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A database file still mapped by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
