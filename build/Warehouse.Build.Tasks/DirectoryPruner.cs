using System.IO;
using System.Linq;

namespace Warehouse.Build.Tasks
{
    /// <summary>
    /// Removes the directories that deleting an artifact emptied, walking up towards the output directory. A
    /// directory that still holds anything (a user's file, another artifact) stops the walk.
    /// </summary>
    internal static class DirectoryPruner
    {
        /// <summary>
        /// Prunes the empty ancestors of <paramref name="deletedFile"/> inside <paramref name="root"/>, and
        /// <paramref name="root"/> itself when <paramref name="includeRoot"/>. A file outside root prunes nothing.
        /// </summary>
        public static void PruneAbove(string deletedFile, string root, bool includeRoot)
        {
            var rootFull = FileSystemPaths.FullDirectory(root);
            var directory = Path.GetDirectoryName(Path.GetFullPath(deletedFile));
            while (directory != null && (FileSystemPaths.IsInside(directory, rootFull)
                || (includeRoot && FileSystemPaths.Comparer.Equals(directory, rootFull))))
            {
                if (!Directory.Exists(directory) || Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    return;
                }

                Directory.Delete(directory);
                directory = Path.GetDirectoryName(directory);
            }
        }
    }
}
