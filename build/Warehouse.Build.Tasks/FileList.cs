using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Warehouse.Build.Tasks
{
    /// <summary>
    /// The list, kept in obj/, of the files the last run wrote: one artifact path a line, relative to the output
    /// directory with '/' separators. It is how a later run finds stale files and how Clean finds what to delete,
    /// without ever touching files that Warehouse did not write. Relative, so a copied project (cp -r) resolves its
    /// list against its own output folder: a build never deletes a file outside the output directory it writes.
    /// </summary>
    internal static class FileList
    {
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

        /// <summary>The entries of the previous run; none when there was none.</summary>
        public static List<string> Read(string listPath)
        {
            if (!File.Exists(listPath))
            {
                return new List<string>();
            }

            return File.ReadAllLines(listPath, Utf8NoBom).Where(line => line.Length > 0).ToList();
        }

        /// <summary>
        /// The file an entry names inside <paramref name="outputDirectory"/>, or null when it names none there: an
        /// entry that leaves the folder, or an absolute path (lists before relative paths, or a list copied from
        /// another project) outside it. Such entries are never deleted.
        /// </summary>
        public static string? Resolve(string outputDirectory, string entry)
        {
            var root = FileSystemPaths.FullDirectory(outputDirectory);
            if (ArtifactPath.Problem(entry) == null)
            {
                return Path.Combine(root, entry.Replace('/', Path.DirectorySeparatorChar));
            }

            return Path.IsPathRooted(entry) && FileSystemPaths.IsInside(Path.GetFullPath(entry), root) ? Path.GetFullPath(entry) : null;
        }

        /// <summary>Writes the list, sorted so it is stable, only when it changed.</summary>
        public static void Write(string listPath, IEnumerable<string> entries) =>
            WriteIfChanged(listPath, string.Concat(entries.OrderBy(f => f, StringComparer.Ordinal).Select(f => f + "\n")));

        internal static void WriteIfChanged(string path, string text)
        {
            if (File.Exists(path) && File.ReadAllText(path, Utf8NoBom) == text)
            {
                return;
            }

            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, text, Utf8NoBom);
        }
    }
}
