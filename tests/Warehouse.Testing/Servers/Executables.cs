namespace Warehouse.Testing.Servers;

/// <summary>Finds server executables on PATH.</summary>
static class Executables
{
    public static string? Find(string name, params string[] extraDirectories) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
