using System;
using System.Globalization;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Warehouse.Build.Tasks
{
    /// <summary>
    /// Deletes the files <see cref="WriteWarehouseArtifacts"/> recorded in the file list, the directories that leaves
    /// empty (the output directory included) and the list itself. Files Warehouse did not write, and files outside the
    /// output directory, are never touched.
    /// </summary>
    public sealed class CleanWarehouseArtifacts : Task
    {
        /// <summary>The output directory: emptied directories are pruned up to and including it.</summary>
        [Required]
        public string OutputDirectory { get; set; } = "";

        /// <summary>The list, in obj/, of the files the last build wrote.</summary>
        [Required]
        public string FileListPath { get; set; } = "";

        public override bool Execute()
        {
            var removed = 0;
            foreach (var entry in FileList.Read(FileListPath))
            {
                // An entry naming nothing inside the output directory (a list copied from another project) is skipped.
                var file = FileList.Resolve(OutputDirectory, entry);
                if (file == null) continue;

                // One undeletable file must not stop the others from going.
                TryIO(file, () =>
                {
                    if (File.Exists(file))
                    {
                        File.Delete(file);
                        removed++;
                    }

                    DirectoryPruner.PruneAbove(file, OutputDirectory, includeRoot: true);
                });
            }

            // Kept on failure, so the next clean still knows what is left to delete.
            if (!Log.HasLoggedErrors)
            {
                foreach (var list in new[] { FileListPath, WrittenFileState.PathOf(FileListPath) })
                {
                    if (File.Exists(list)) TryIO(list, () => File.Delete(list));
                }
            }

            Log.LogMessage(MessageImportance.Normal, string.Format(CultureInfo.InvariantCulture, "Warehouse: removed {0} artifacts", removed));
            return !Log.HasLoggedErrors;
        }

        private void TryIO(string file, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Log.LogError("Warehouse: cannot delete '{0}': {1}", file, e.Message);
            }
        }
    }
}
