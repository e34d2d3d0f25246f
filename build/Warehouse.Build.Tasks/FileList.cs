using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Warehouse.Build.Tasks
{
    /// <summary>
    /// The list, kept in obj/, of the files the last run wrote: one absolute path a line. It is how a later run finds
    /// stale files and how Clean finds what to delete, without ever touching files that Warehouse did not write.
    /// </summary>
    internal static class FileList
    {
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

        /// <summary>The paths of the previous run; none when there was none.</summary>
        public static List<string> Read(string listPath)
        {
            if (!File.Exists(listPath))
            {
                return new List<string>();
            }

            return File.ReadAllLines(listPath, Utf8NoBom).Where(line => line.Length > 0).ToList();
        }

        /// <summary>Writes the list, sorted so it is stable, only when it changed.</summary>
        public static void Write(string listPath, IEnumerable<string> files)
        {
            var text = string.Concat(files.OrderBy(f => f, StringComparer.Ordinal).Select(f => f + "\n"));
            if (File.Exists(listPath) && File.ReadAllText(listPath, Utf8NoBom) == text)
            {
                return;
            }

            var directory = Path.GetDirectoryName(listPath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(listPath, text, Utf8NoBom);
        }
    }
}
