using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Warehouse.Build.Tasks
{
    /// <summary>Path comparison the way the file system does it (case-insensitive on Windows and macOS).</summary>
    internal static class FileSystemPaths
    {
        private static readonly bool CaseSensitive = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

        public static readonly StringComparer Comparer = CaseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

        public static readonly StringComparison Comparison = CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

        /// <summary>The absolute form of a directory, without a trailing separator.</summary>
        public static string FullDirectory(string directory) =>
            Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

        /// <summary>Whether <paramref name="path"/> is strictly inside the absolute directory <paramref name="root"/>.</summary>
        public static bool IsInside(string path, string root) =>
            path.StartsWith(root + Path.DirectorySeparatorChar, Comparison);
    }
}
