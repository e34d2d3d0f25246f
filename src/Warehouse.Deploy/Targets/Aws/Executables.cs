namespace Warehouse.Deploy.Targets.Aws;

internal static class Executables
{
    /// <summary>The first executable file named <paramref name="name"/> on <paramref name="path"/> (PATH), or null.</summary>
    public static string? Find(string name, string? path) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, name))
        .FirstOrDefault(File.Exists);
}
