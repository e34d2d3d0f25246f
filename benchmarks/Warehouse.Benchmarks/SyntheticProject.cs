namespace Warehouse.Benchmarks;

/// <summary>
/// Writes the synthetic model as an ordinary model project (issue 10: benchmarks that build): one .cs file per
/// record, the one-line Program.cs of a model without extensions, a csproj like Banking.csproj, and a Directory.Build.props/targets that
/// bring in Warehouse from source the way samples/ does. The folder may be anywhere, so every path into the
/// repository is absolute, found at run time from where this program runs.
/// </summary>
public static class SyntheticProject
{
    /// <summary>The Main of a model project that registers no extensions (README, docs/deploy.md).</summary>
    public const string ProgramCs =
        "// The warehouse's command line: generate, deploy, run, test, analyze, plan, status (see --help).\n" +
        "return await Warehouse.Deploy.Cli.WarehouseCli.RunAsync(args, Warehouse.Generated.WarehouseModel.Assembly);\n";

    /// <summary>The project file's name; the model assembly is Bench.dll.</summary>
    public const string ProjectName = "Bench";

    /// <summary>
    /// Each edit's record before and after, at .edits/EDIT/before|after/FILE: build-bench.sh copies one over the
    /// project to edit and back to revert. The SDK leaves dot-folders out of the project's items.
    /// </summary>
    public const string EditsFolder = ".edits";

    /// <param name="warehouse">false: the same project with WarehouseEnabled=false, the baseline of the no-op overhead goal.</param>
    public static void Write(SyntheticModel model, string directory, bool warehouse)
    {
        string root = RepositoryRoot();
        // Records of an earlier, larger N would stay in the project and be compiled with it.
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new InvalidOperationException($"{directory} is not empty; write the project into a new folder");
        Directory.CreateDirectory(directory);
        foreach (var record in model.Records)
        {
            WriteFile(Path.Combine(directory, record.FileName), record.Text);
        }

        foreach (var edit in model.Edits)
        {
            string before = model.Records.Single(r => r.FileName == edit.FileName).Text;
            WriteFile(Path.Combine(directory, EditsFolder, edit.Name, "before", edit.FileName), before);
            WriteFile(Path.Combine(directory, EditsFolder, edit.Name, "after", edit.FileName), edit.Apply(before));
        }

        // Not the Banking sample's Program.cs: that one registers the bank's own data generator, which this model lacks.
        WriteFile(Path.Combine(directory, "Program.cs"), ProgramCs);
        WriteFile(Path.Combine(directory, ProjectName + ".csproj"), Csproj(root, model.Records.Count, warehouse));

        // Importing samples/'s own files keeps them the single definition: inside them MSBuildThisFileDirectory is
        // samples/, so they import the repository's Directory.Build.props, build/Warehouse.props, the task-project
        // ordering and build/Warehouse.targets exactly as for samples/Banking.
        foreach (string name in new[] { "Directory.Build.props", "Directory.Build.targets" })
        {
            WriteFile(Path.Combine(directory, name), $"""
                <Project>
                  <!-- Warehouse from source, as for the in-repo samples (this folder is outside samples/). -->
                  <Import Project="{Path.Combine(root, "samples", name)}" />
                </Project>

                """);
        }
    }

    private static string Csproj(string root, int models, bool warehouse)
    {
        string Src(string project) => Path.Combine(root, "src", project, project + ".csproj");
        string enabled = warehouse ? "" : Environment.NewLine + "    <WarehouseEnabled>false</WarehouseEnabled>";
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- {models} synthetic models (benchmarks/Warehouse.Benchmarks write-project), built like samples/Banking. -->
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>{ProjectName}</RootNamespace>
                <IsPackable>false</IsPackable>{enabled}
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Src("Warehouse.Model")}" />
                <ProjectReference Include="{Src("Warehouse.Generators")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{Src("Warehouse.Deploy")}" />
              </ItemGroup>
            </Project>

            """;
    }

    private static void WriteFile(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>The folder holding Warehouse.sln, above this program's build output.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Warehouse.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"no Warehouse.sln above {AppContext.BaseDirectory}");
    }
}
