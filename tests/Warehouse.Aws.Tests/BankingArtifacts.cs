using System.Diagnostics;
using System.Text.Json.Nodes;
using Warehouse.Deploy.Cli;
using Warehouse.Testing;

namespace Warehouse.Aws.Tests;

/// <summary>
/// A private copy of samples/Banking/warehouse (written by the Banking build this project depends on) in a temp
/// folder, so a test can change it and deploys write their lake and results there. Runs the CLI in-process.
/// </summary>
public sealed class BankingArtifacts : IDisposable
{
    static BankingArtifacts()
    {
        // AWSSDK.Core's default credential chain reads the environment; moto accepts any key.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", Warehouse.Testing.Servers.MotoServer.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", Warehouse.Testing.Servers.MotoServer.SecretKey);
        Environment.SetEnvironmentVariable("AWS_REGION", Warehouse.Testing.Servers.MotoServer.Region);
    }

    public BankingArtifacts()
    {
        Root = Directory.CreateTempSubdirectory("warehouse-aws-").FullName;
        string source = Repository.BankingWarehouse;
        foreach (var relative in new[] { "manifest.json", "cloudformation/warehouse.json" }
                     .Concat(Directory.EnumerateFiles(Path.Combine(source, "redshift"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(source, f))))
        {
            string target = Path.Combine(Artifacts, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(source, relative), target);
        }
    }

    public string Root { get; }

    public string Artifacts => Path.Combine(Root, "warehouse");

    public string StackName { get; } = "t" + Guid.NewGuid().ToString("N")[..10] + "-warehouse";

    /// <summary>deploy --target aws against the emulator, non-interactive; PATH is hidden unless <paramref name="withPath"/> (cfn-lint takes ~10 s).</summary>
    public async Task<(int ExitCode, string Out, string Error)> DeployAsync(string endpoint, bool withPath = false,
        IReadOnlyDictionary<string, string>? variables = null, params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string? Variable(string name) =>
            variables is not null && variables.TryGetValue(name, out var value) ? value
            : name == "PATH" && withPath ? Environment.GetEnvironmentVariable("PATH")
            : null;
        var environment = new CliEnvironment(output, error, Root, Variable, Interactive: false);
        string[] args = ["deploy", "--target", "aws", "--aws-endpoint", endpoint, "--stack-name", StackName, "--artifacts", Artifacts, "--yes", .. extra];
        int exitCode = await WarehouseCli.RunAsync(args, null, Banking.BankingRunner.Extensions, environment, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Adds a column to bronze.dim_accounts in manifest.json and to its Glue table in the template.</summary>
    /// <param name="manifestType">A type without length or precision (DATE, BIGINT), the manifest's <c>type.name</c>.</param>
    public void AddAccountsColumn(string name, string manifestType, string glueType)
    {
        string manifestPath = Path.Combine(Artifacts, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var node = manifest["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == "bronze.dim_accounts")!;
        node["columns"]!.AsArray().Add(new JsonObject { ["name"] = name, ["type"] = new JsonObject { ["name"] = manifestType }, ["nullable"] = true, ["role"] = "attribute" });
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        string templatePath = Path.Combine(Artifacts, "cloudformation", "warehouse.json");
        var template = JsonNode.Parse(File.ReadAllText(templatePath))!;
        template["Resources"]!["DimAccountsTable"]!["Properties"]!["TableInput"]!["StorageDescriptor"]!["Columns"]!.AsArray()
            .Add(new JsonObject { ["Name"] = name, ["Type"] = glueType });
        File.WriteAllText(templatePath, template.ToJsonString());
    }

    /// <summary>Every file the deploys left in the temp folder (lake, results), for secret scans.</summary>
    public IEnumerable<string> Files => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>`aws --endpoint-url` with the test credentials: an independent look at the emulator.</summary>
    public static async Task<JsonNode> AwsCliAsync(string endpoint, params string[] args)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--endpoint-url", endpoint, "--region", Warehouse.Testing.Servers.MotoServer.Region, "--output", "json" }.Concat(args))
            start.ArgumentList.Add(arg);
        start.Environment["AWS_ACCESS_KEY_ID"] = Warehouse.Testing.Servers.MotoServer.AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = Warehouse.Testing.Servers.MotoServer.SecretKey;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"aws {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        return JsonNode.Parse(await output)!;
    }

    public static bool HasAwsCli => OnPath("aws");

    public static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, name)));
}
