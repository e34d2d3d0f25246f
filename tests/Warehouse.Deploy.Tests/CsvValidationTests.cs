namespace Warehouse.Deploy.Tests;

public sealed class CsvValidationTests
{
    [Fact]
    public async Task Wrong_header_is_one_line_with_file_and_columns()
    {
        using var warehouse = new TestWarehouse();
        warehouse.WriteLakeFile("dim_accounts_batch2.csv", "account_id|account_number|account_type|account_balance|credit_score|customer_id", "3|1|Checking|1|300|1");

        var (exitCode, _, error) = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath);

        Assert.Equal(1, exitCode);
        string file = Path.Combine(warehouse.Lake, "landing", "dim_accounts", "dim_accounts_batch2.csv");
        Assert.Equal($"error: {file}:1: expected columns {TestWarehouse.Header} but found account_id|account_number|account_type|account_balance|credit_score|customer_id",
            error.Trim());
        Assert.False(File.Exists(warehouse.DuckDbPath), "no SQL may run before the lake is valid");
    }

    [Fact]
    public async Task Malformed_row_names_file_line_and_field_count()
    {
        using var warehouse = new TestWarehouse();
        warehouse.WriteLakeFile("dim_accounts_batch2.csv", TestWarehouse.Header, "3|1|1|Checking|1|300", "4|1|1|Checking|1");

        var (exitCode, _, error) = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath);

        Assert.Equal(1, exitCode);
        Assert.EndsWith("dim_accounts_batch2.csv:3: expected 6 fields but found 5", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_data_folder_is_one_line()
    {
        using var warehouse = new TestWarehouse();

        var (exitCode, _, error) = await warehouse.RunAsync("deploy", "--data", "/nonexistent/folder");

        Assert.Equal(1, exitCode);
        Assert.Equal("error: /nonexistent/folder: data folder not found", error.Trim());
    }

    [Fact]
    public async Task Unknown_target_is_one_line()
    {
        using var warehouse = new TestWarehouse();

        var (exitCode, _, error) = await warehouse.RunAsync("deploy", "--target", "oracle");

        Assert.Equal(1, exitCode);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("oracle", error, StringComparison.Ordinal);
    }
}
