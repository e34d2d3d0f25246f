using System.CommandLine;
using System.Data.Common;
using System.Reflection;
using Warehouse.Deploy.Cli.Commands;

namespace Warehouse.Deploy.Cli;

/// <summary>
/// The runner's command line. A model project's Main is one line:
/// <c>return await WarehouseCli.RunAsync(args, Warehouse.Generated.WarehouseModel.Assembly);</c>
/// or, with what the project adds (<see cref="WarehouseExtensions"/>, e.g. its data generator), a third argument.
/// Exit codes: 0 ok, 1 usage or bad input, 2 target unreachable or authentication, 3 tests failed, 4 deploy lock held, 5 SQL failure.
/// </summary>
public static class WarehouseCli
{
    /// <param name="model">The model project's assembly, whose compiled model is rendered in memory (<see cref="CompiledModelArtifacts"/>); --artifacts DIR runs from a folder instead.</param>
    public static Task<int> RunAsync(string[] args, Assembly? model = null) =>
        RunAsync(args, model, WarehouseExtensions.None);

    /// <param name="extensions">What the model project adds to the runner, such as its data generator.</param>
    public static Task<int> RunAsync(string[] args, Assembly? model, WarehouseExtensions extensions) =>
        RunAsync(args, model, extensions, CliEnvironment.FromProcess(), CancellationToken.None);

    public static Task<int> RunAsync(string[] args, Assembly? model, CliEnvironment environment, CancellationToken cancellationToken) =>
        RunAsync(args, model, WarehouseExtensions.None, environment, cancellationToken);

    public static async Task<int> RunAsync(string[] args, Assembly? model, WarehouseExtensions extensions,
        CliEnvironment environment, CancellationToken cancellationToken)
    {
        var options = new GlobalOptions();
        var root = BuildCommands(options, environment, model, extensions);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, not the help page: the error says what is wrong, --help says the rest.
            string message = string.Join(' ', parse.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()));
            await environment.Error.WriteLineAsync($"error: {message} (see --help)");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = environment.Out,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
            }, cancellationToken);
        }
        catch (WarehouseException e)
        {
            await environment.Error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (DbException e)
        {
            await environment.Error.WriteLineAsync($"error: {e.Message.Split('\n')[0].Trim()}");
            return ExitCodes.SqlFailure;
        }
        catch (OperationCanceledException)
        {
            await environment.Error.WriteLineAsync("error: cancelled");
            return ExitCodes.BadInput;
        }
    }

    private static RootCommand BuildCommands(GlobalOptions options, CliEnvironment environment, Assembly? model, WarehouseExtensions extensions)
    {
        var root = new RootCommand("Deploys a medallion warehouse (bronze lake files -> silver -> gold) described by the model project.");
        options.AddTo(root);
        var selection = new SelectionOptions();
        var refresh = new FullRefreshOptions();
        CommandContext Context(ParseResult parse) => new(parse, options, environment, model, extensions) { SelectionOptions = selection };

        var seed = new Option<int>("--seed") { Description = "Random seed of the generated lake (same seed, same bytes)", DefaultValueFactory = _ => 42 };
        var scale = new Option<double>("--scale") { Description = "Size of the generated lake, relative to the generator's base size (1)", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch") { Description = "1 writes the initial data; N >= 2 writes what arrives after batch N - 1 (changes and new rows)", DefaultValueFactory = _ => 1 };
        var badRows = new Option<double>("--bad-rows") { Description = "Share of invalid rows (0 to 1) added to each generated file, for quarantine", DefaultValueFactory = _ => 0 };
        var data = new Option<string?>("--data") { Description = "Folder of data files, flat or laid out like the lake (under the sources' prefixes), each matching one source's file_pattern, to deploy from a lake of its own (default warehouse/lakes/<folder>/ and, on DuckDB, warehouse/<project>-<folder>.duckdb)" };
        var asOf = RunCommands.AsOfOption();
        var format = new Option<string>("--format") { Description = "Output format: table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var analysis = new Option<string?>("--name") { Description = "Run only this analysis (id or name)" };
        var limit = new Option<int>("--limit") { Description = "How many runs to show", DefaultValueFactory = _ => 10 };

        string generated = extensions.LakeGenerator is { } generator
            ? generator.Description
            : new Lake.Synthetic.ModelDataGenerator().Description;
        var generate = new Command("generate", $"Write the model's synthetic data into the lake folder, deterministic per --seed: {generated}") { seed, scale, batch, badRows };
        generate.SetAction(parse =>
        {
            LakeCommands.Generate(Context(parse), parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(batch), parse.GetValue(badRows));
            return ExitCodes.Ok;
        });

        var deploy = new Command("deploy", "Stage or generate the lake, validate it, run all models and tests; gold is published only if tests pass")
            { data, asOf, seed, scale, badRows };
        foreach (var option in options.DeployTargets.SelectMany(t => t.Options))
            deploy.Options.Add(option);
        deploy.SetAction((parse, ct) =>
        {
            var context = new CommandContext(parse, options, environment, model, extensions) { DataFolder = parse.GetValue(data), SelectionOptions = selection, FullRefreshOptions = refresh };
            var batchAt = RunCommands.BatchAt(parse.GetValue(asOf));
            void PrepareLake() => RunCommands.PrepareLake(context, parse.GetValue(data), parse.GetValue(seed), parse.GetValue(scale), parse.GetValue(badRows));
            if (options.DeployTargetNamed(context.Target) is { } target)
                return target.DeployAsync(new CliDeployHost(context, batchAt, PrepareLake), parse, ct);
            PrepareLake();
            return RunCommands.ExecuteAsync(context, "deploy", runModels: true, runTests: true, batchAt, ct);
        });

        var run = new Command("run", "Run the models only (no tests), on the lake as it is") { asOf };
        run.SetAction((parse, ct) =>
        {
            var context = new CommandContext(parse, options, environment, model, extensions) { SelectionOptions = selection, FullRefreshOptions = refresh };
            return RunCommands.ExecuteAsync(context, "run", runModels: true, runTests: false, RunCommands.BatchAt(parse.GetValue(asOf)), ct);
        });

        var test = new Command("test", "Run the data tests against the target; exit code 3 if an error-severity test fails");
        test.SetAction((parse, ct) => RunCommands.ExecuteAsync(Context(parse), "test", runModels: false, runTests: true,
            RunCommands.BatchAt(null), ct));

        var analyze = new Command("analyze", "Run the analysis queries and print their results") { format, analysis };
        analyze.SetAction((parse, ct) => QueryCommands.AnalyzeAsync(Context(parse), parse.GetValue(format)!, parse.GetValue(analysis), ct));

        var diff = new Option<bool>("--diff") { Description = "Also show each changed node's SQL against the script it was deployed with" };
        var planFormat = new Option<string>("--format") { Description = "Output format: table or json", DefaultValueFactory = _ => "table" };
        planFormat.AcceptOnlyFromAmong("table", "json");
        var plan = new Command("plan", "Say what a deploy would change: each changed node, breaking (rebuilt with its dependants), non-breaking (rebuilt alone) or metadata only, and from which data") { planFormat, diff };
        plan.SetAction((parse, ct) => QueryCommands.PlanAsync(Context(parse), parse.GetValue(planFormat)!, parse.GetValue(diff), ct));

        var status = new Command("status", "Show the last runs recorded in the target") { limit };
        status.SetAction((parse, ct) => QueryCommands.StatusAsync(Context(parse), parse.GetValue(limit), ct));

        foreach (var command in new[] { deploy, run, test, plan })
            selection.AddTo(command);
        foreach (var command in new[] { deploy, run })
            refresh.AddTo(command);
        foreach (var command in new[] { generate, deploy, run, test, analyze, plan, status })
            root.Subcommands.Add(command);
        return root;
    }
}
