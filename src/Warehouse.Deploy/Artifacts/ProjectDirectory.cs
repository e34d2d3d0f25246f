using System.Reflection;

namespace Warehouse.Deploy;

/// <summary>Finds the model project's directory: the build stamps it on the entry assembly so `dotnet run` works from anywhere.</summary>
public static class ProjectDirectory
{
    public const string MetadataKey = "WarehouseProjectDirectory";

    public static string Find(Assembly? entryAssembly)
    {
        string? stamped = entryAssembly?
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataKey)?.Value;
        return !string.IsNullOrWhiteSpace(stamped) && Directory.Exists(stamped)
            ? Path.GetFullPath(stamped)
            : Directory.GetCurrentDirectory();
    }
}
