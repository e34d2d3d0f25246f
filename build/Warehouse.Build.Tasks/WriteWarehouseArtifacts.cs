using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Warehouse.Build.Tasks
{
    /// <summary>
    /// Writes the artifacts compiled into the model assembly to the output directory, removes the ones the previous
    /// build wrote that are gone, and records what it wrote in <see cref="FileListPath"/>.
    /// </summary>
    public sealed class WriteWarehouseArtifacts : Task
    {
        /// <summary>The compiled model assembly (obj/…/Model.dll).</summary>
        [Required]
        public string AssemblyPath { get; set; } = "";

        /// <summary>The folder the artifacts go to (warehouse/ beside the project by default).</summary>
        [Required]
        public string OutputDirectory { get; set; } = "";

        /// <summary>The list, in obj/, of the files written last time; rewritten with this run's files.</summary>
        [Required]
        public string FileListPath { get; set; } = "";

        /// <summary>How the summary names the output directory (relative to where the build started); defaults to it.</summary>
        public string DisplayOutputDirectory { get; set; } = "";

        public override bool Execute()
        {
            var artifacts = ReadArtifacts();
            if (artifacts == null || !Validate(artifacts))
            {
                return false;
            }

            var sync = new ArtifactSync(OutputDirectory);
            try
            {
                sync.Apply(artifacts, FileList.Read(FileListPath));
                FileList.Write(FileListPath, sync.Files);
            }
            catch (IOException e)
            {
                Log.LogError("Warehouse: {0}", e.Message);
                return false;
            }

            var shown = (DisplayOutputDirectory.Length > 0 ? DisplayOutputDirectory : OutputDirectory).TrimEnd('/', '\\');
            Log.LogMessage(MessageImportance.High, string.Format(CultureInfo.InvariantCulture,
                "Warehouse: {0} artifacts in {1} ({2} written, {3} removed)", artifacts.Count, shown, sync.Written, sync.Removed));
            return true;
        }

        private List<Artifact>? ReadArtifacts()
        {
            try
            {
                return ArtifactReader.Read(AssemblyPath).OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is BadImageFormatException)
            {
                Log.LogError("Warehouse: cannot read the artifacts of '{0}': {1}", AssemblyPath, e.Message);
                return null;
            }
        }

        /// <summary>Logs every bad or duplicate path; nothing is written unless all are good.</summary>
        private bool Validate(List<Artifact> artifacts)
        {
            var seen = new Dictionary<string, Artifact>(FileSystemPaths.Comparer);
            foreach (var artifact in artifacts)
            {
                var problem = ArtifactPath.Problem(artifact.Path);
                if (problem != null)
                {
                    Log.LogError("Warehouse: artifact path '{0}' of {1} is refused: {2}.", artifact.Path, artifact.TypeName, problem);
                }
                else if (seen.TryGetValue(artifact.Path, out var first))
                {
                    Log.LogError("Warehouse: artifact path '{0}' is declared by both {1} and {2}.", artifact.Path, first.TypeName, artifact.TypeName);
                }
                else
                {
                    seen.Add(artifact.Path, artifact);
                }
            }

            return !Log.HasLoggedErrors;
        }
    }
}
