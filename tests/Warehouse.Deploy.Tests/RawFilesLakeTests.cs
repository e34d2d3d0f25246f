using DuckDB.NET.Data;
using Warehouse.Deploy.Cli;
using Warehouse.Deploy.Lake;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// The lake of a model that is not Banking (<see cref="RawFilesWarehouse"/>): --data stages by the manifest's file
/// patterns, mismatches are one report and write nothing, and data generation is the model's own extension.
/// </summary>
public sealed class RawFilesLakeTests
{
    [Fact]
    public async Task Deploy_data_stages_each_file_under_the_source_whose_pattern_it_matches()
    {
        using var warehouse = new RawFilesWarehouse();
        string data = warehouse.DataFolder("delivery", new Dictionary<string, string[]>
        {
            ["raw_customers.csv"] = [RawFilesWarehouse.CustomersHeader, "1,Ada", "2,Grace"],
            ["raw_orders.csv"] = [RawFilesWarehouse.OrdersHeader, "10,1,5.50", "11,2,7.25"],
            ["raw_orders_late.csv"] = [RawFilesWarehouse.OrdersHeader, "12,1,1.00"],
        });

        var run = await warehouse.RunAsync(WarehouseExtensions.None, "deploy", "--data", data, "--database", warehouse.DuckDbPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("staged 3 file(s)", run.Out, StringComparison.Ordinal);
        string lake = Path.Combine(warehouse.Artifacts, "lakes", "delivery");
        Assert.Equal(new[] { "raw/customers/raw_customers.csv", "raw/orders/raw_orders.csv", "raw/orders/raw_orders_late.csv" },
            Directory.EnumerateFiles(lake, "*", SearchOption.AllDirectories).Select(f => LakeLayout.RelativeTo(lake, f)).Order(StringComparer.Ordinal));
        Assert.Equal(3L, await ScalarAsync(warehouse.DuckDbPath, "SELECT count(*) FROM gold.orders WHERE name IS NOT NULL"));
    }

    [Fact]
    public async Task Deploy_data_stages_a_folder_laid_out_like_the_lake_and_one_mixing_both_layouts()
    {
        using var warehouse = new RawFilesWarehouse();
        string lakeLike = warehouse.DataFolder("copy-of-a-lake", new Dictionary<string, string[]>
        {
            ["raw/customers/raw_customers.csv"] = [RawFilesWarehouse.CustomersHeader, "1,Ada", "2,Grace"],
            ["raw/orders/raw_orders.csv"] = [RawFilesWarehouse.OrdersHeader, "10,1,5.50"],
            [".git/raw_orders_ignored.csv"] = ["hidden folders are not data"],
        });
        string mixed = warehouse.DataFolder("mixed-layout", new Dictionary<string, string[]>
        {
            ["raw/customers/raw_customers.csv"] = [RawFilesWarehouse.CustomersHeader, "1,Ada"],
            ["raw_orders.csv"] = [RawFilesWarehouse.OrdersHeader, "10,1,5.50", "11,1,2.00"],
        });

        var run = await warehouse.RunAsync(WarehouseExtensions.None, "deploy", "--data", lakeLike, "--database", warehouse.DuckDbPath);
        var both = await warehouse.RunAsync(WarehouseExtensions.None, "deploy", "--data", mixed, "--database", Path.Combine(warehouse.Root, "mixed.duckdb"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("staged 2 file(s)", run.Out, StringComparison.Ordinal);
        string lake = Path.Combine(warehouse.Artifacts, "lakes", "copy-of-a-lake");
        Assert.Equal(new[] { "raw/customers/raw_customers.csv", "raw/orders/raw_orders.csv" },
            Directory.EnumerateFiles(lake, "*", SearchOption.AllDirectories).Select(f => LakeLayout.RelativeTo(lake, f)).Order(StringComparer.Ordinal));
        Assert.Equal(1L, await ScalarAsync(warehouse.DuckDbPath, "SELECT count(*) FROM gold.orders WHERE name IS NOT NULL"));
        Assert.True(both.ExitCode == 0, both.ToString());
        Assert.Equal(2L, await ScalarAsync(Path.Combine(warehouse.Root, "mixed.duckdb"), "SELECT count(*) FROM gold.orders WHERE name IS NOT NULL"));
    }

    [Fact]
    public async Task A_file_under_another_prefix_and_two_files_for_one_lake_path_are_in_the_one_error_and_nothing_is_written()
    {
        using var warehouse = new RawFilesWarehouse();
        string data = warehouse.DataFolder("misplaced", new Dictionary<string, string[]>
        {
            ["raw/customers/raw_customers.csv"] = [RawFilesWarehouse.CustomersHeader, "1,Ada"],
            ["raw/customers/raw_orders.csv"] = [RawFilesWarehouse.OrdersHeader, "10,1,5.50"],
            ["raw_customers.csv"] = [RawFilesWarehouse.CustomersHeader, "2,Grace"],
            ["landing/notes.csv"] = ["not data"],
        });
        var before = warehouse.Entries();

        var run = await warehouse.RunAsync(WarehouseExtensions.None, "deploy", "--data", data, "--database", warehouse.DuckDbPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Join('\n',
                $"error: {data}: 1 file(s) match no source and 2 file(s) do not fit one source and 1 source(s) have no file; nothing was staged. Each file must match the file pattern of exactly one source, and each source needs a file:",
                "  bronze.raw_orders             raw_orders*.csv     no file",
                "  bronze.raw_customers          raw_customers*.csv  2 files",
                "  landing/notes.csv                                 matches no source",
                "  raw/customers/raw_orders.csv                      is not under the prefix of bronze.raw_orders (raw/orders/)",
                "  raw_customers.csv                                 is a second file for raw/customers/raw_customers.csv"),
            run.Error.TrimEnd());
        Assert.Equal(before, warehouse.Entries());
    }

    [Fact]
    public async Task Files_matching_no_source_and_sources_without_files_are_one_error_naming_every_pattern_and_nothing_is_written()
    {
        using var warehouse = new RawFilesWarehouse();
        string data = warehouse.DataFolder("mixed", new Dictionary<string, string[]>
        {
            ["raw_orders.csv"] = [RawFilesWarehouse.OrdersHeader, "10,1,5.50"],
            ["notes.csv"] = ["not data"],
        });
        var before = warehouse.Entries();

        var run = await warehouse.RunAsync(WarehouseExtensions.None, "deploy", "--data", data, "--database", warehouse.DuckDbPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Join('\n',
                $"error: {data}: 1 file(s) match no source and 1 source(s) have no file; nothing was staged. Each file must match the file pattern of exactly one source, and each source needs a file:",
                "  bronze.raw_orders     raw_orders*.csv     1 file",
                "  bronze.raw_customers  raw_customers*.csv  no file",
                "  notes.csv                                 matches no source"),
            run.Error.TrimEnd());
        Assert.Equal(before, warehouse.Entries());
    }

    [Fact]
    public async Task An_empty_data_folder_names_every_source_without_a_file()
    {
        using var warehouse = new RawFilesWarehouse();
        string data = warehouse.DataFolder("empty", new Dictionary<string, string[]>());

        var run = await warehouse.RunAsync(WarehouseExtensions.None, "deploy", "--data", data, "--database", warehouse.DuckDbPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2 source(s) have no file; nothing was staged", run.Error, StringComparison.Ordinal);
        Assert.Contains("bronze.raw_customers  raw_customers*.csv  no file", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(warehouse.DuckDbPath));
    }

    [Fact]
    public async Task Without_a_generator_of_its_own_the_model_gets_the_default_one_writing_each_source_by_its_pattern()
    {
        using var warehouse = new RawFilesWarehouse();

        var run = await warehouse.RunAsync(WarehouseExtensions.None, "generate", "--lake", warehouse.Lake);

        Assert.True(run.ExitCode == 0, run.ToString());
        string orders = Path.Combine(warehouse.Lake, "raw", "orders", "raw_orders_0001.csv");
        string customers = Path.Combine(warehouse.Lake, "raw", "customers", "raw_customers_0001.csv");
        Assert.Equal(RawFilesWarehouse.OrdersHeader, File.ReadLines(orders).First());
        Assert.Equal(RawFilesWarehouse.CustomersHeader, File.ReadLines(customers).First());
        Assert.All(File.ReadLines(orders).Skip(1), line => Assert.Equal(3, line.Split(',').Length));
    }

    [Fact]
    public async Task A_registered_generator_fills_an_empty_lake_with_the_seed_scale_and_batch_asked_for()
    {
        using var warehouse = new RawFilesWarehouse();
        var generator = new RawGenerator();
        var extensions = new WarehouseExtensions { LakeGenerator = generator };

        var deploy = await warehouse.RunAsync(extensions, "deploy", "--seed", "5", "--scale", "3", "--lake", warehouse.Lake, "--database", warehouse.DuckDbPath);
        var generate = await warehouse.RunAsync(extensions, "generate", "--seed", "5", "--batch", "2", "--lake", warehouse.Lake);
        var help = await warehouse.RunAsync(extensions, "generate", "--help");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Equal(3L, await ScalarAsync(warehouse.DuckDbPath, "SELECT count(*) FROM gold.orders"));
        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.Equal(new[] { (5, 3.0, 1), (5, 1.0, 2) }, generator.Requests.Select(r => (r.Seed, r.Scale, r.Batch)));
        Assert.All(generator.Requests, r => Assert.Equal(("Raw", warehouse.Lake), (r.Manifest.Project, r.LakeRoot)));
        Assert.True(File.Exists(Path.Combine(warehouse.Lake, "raw", "orders", "raw_orders_2.csv")));
        Assert.Contains(RawGenerator.Text, help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_rows_are_refused_for_a_generator_of_the_model_that_writes_none()
    {
        using var warehouse = new RawFilesWarehouse();
        var generator = new RawGenerator();

        var run = await warehouse.RunAsync(new WarehouseExtensions { LakeGenerator = generator }, "generate", "--bad-rows", "0.1", "--lake", warehouse.Lake);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: --bad-rows: this model's own data generator writes no invalid rows", run.Error.TrimEnd());
        Assert.Empty(generator.Requests);
    }

    [Theory]
    [InlineData("--batch", "0", "--batch must be 1 or more (got 0)")]
    [InlineData("--scale", "0", "--scale must be a positive number (got 0)")]
    public async Task Bad_scale_or_batch_is_refused_before_the_generator_runs(string option, string value, string expected)
    {
        using var warehouse = new RawFilesWarehouse();
        var generator = new RawGenerator();

        var run = await warehouse.RunAsync(new WarehouseExtensions { LakeGenerator = generator }, "generate", option, value, "--lake", warehouse.Lake);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: " + expected, run.Error.TrimEnd());
        Assert.Empty(generator.Requests);
    }

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new DuckDBConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>A model's own generator: per batch, one customer file and an order file of --scale rows.</summary>
    private sealed class RawGenerator : ILakeDataGenerator
    {
        /// <summary>No spaces: the help text may wrap lines between words.</summary>
        public const string Text = "raw-orders-and-customers";

        public List<LakeGenerationRequest> Requests { get; } = [];

        public string Description => Text;

        public IReadOnlyList<string> Generate(LakeGenerationRequest request, IProgress<GenerationProgress>? progress = null)
        {
            Requests.Add(request);
            int orders = (int)request.Scale;
            var files = new Dictionary<string, string[]>
            {
                [$"raw_customers_{request.Batch}.csv"] = [RawFilesWarehouse.CustomersHeader, $"{request.Batch},customer {request.Seed}"],
                [$"raw_orders_{request.Batch}.csv"] =
                    [RawFilesWarehouse.OrdersHeader, .. Enumerable.Range(1, orders).Select(i => $"{(request.Batch * 100) + i},{request.Batch},{i}.00")],
            };
            var sources = request.Manifest.Sources.ToList();
            var written = new List<string>();
            foreach (var (name, lines) in files)
            {
                string relative = LakeLayout.RelativePathOf(sources, name);
                string path = LakeLayout.FullPath(request.LakeRoot, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, string.Join("\n", lines) + "\n");
                progress?.Report(new GenerationProgress(relative, lines.Length - 1, lines.Length - 1));
                written.Add(relative);
            }

            return written;
        }
    }
}
