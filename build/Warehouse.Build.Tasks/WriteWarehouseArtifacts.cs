using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Warehouse.Generators.Emitters;
using Warehouse.Generators.Emitters.Sql;

namespace Warehouse.Build.Tasks
{
    /// <summary>
    /// Renders the model compiled into the assembly (its node specs) into the output directory, removes the files
    /// the previous build wrote that are gone, and records what it wrote in <see cref="FileListPath"/>. Nothing is
    /// written when the model cannot be read or rendered.
    /// </summary>
    public sealed class WriteWarehouseArtifacts : Task
    {
        /// <summary>The compiled model assembly (obj/…/Model.dll).</summary>
        [Required]
        public string AssemblyPath { get; set; } = "";

        /// <summary>The folder the artifacts go to (warehouse/ beside the project by default).</summary>
        [Required]
        public string OutputDirectory { get; set; } = "";

        /// <summary>The list, in obj/, of the files written last time (relative to the output directory); rewritten with this run's files.</summary>
        [Required]
        public string FileListPath { get; set; } = "";

        /// <summary>How the summary names the output directory (relative to where the build started); defaults to it.</summary>
        public string DisplayOutputDirectory { get; set; } = "";

        public override bool Execute()
        {
            var watch = Stopwatch.StartNew();
            var model = ReadModel();
            if (model == null)
            {
                return false;
            }

            var read = watch.Elapsed;
            var rendered = WarehouseRenderer.Render(model.Project, model.Specs);
            var render = watch.Elapsed - read;
            foreach (var error in rendered.Errors)
            {
                Log.LogError("Warehouse: cannot render {0}. This is a bug in Warehouse; please report it with the model.", error);
            }

            if (rendered.Errors.Count > 0 || !Write(rendered.Artifacts, model.Specs.Count, watch))
            {
                return false;
            }

            // The phases, for the detailed log (-v:n).
            Log.LogMessage(MessageImportance.Normal, string.Format(CultureInfo.InvariantCulture,
                "Warehouse: read {0:F2} s, render {1:F2} s, write {2:F2} s", read.TotalSeconds, render.TotalSeconds, (watch.Elapsed - read - render).TotalSeconds));
            return true;
        }

        /// <summary>Validates the artifacts' paths, then makes the output directory hold exactly them.</summary>
        internal bool Write(IReadOnlyList<Artifact> artifacts, int nodes, Stopwatch watch)
        {
            if (!Validate(artifacts))
            {
                return false;
            }

            var statePath = WrittenFileState.PathOf(FileListPath);
            var state = WrittenFileState.Read(statePath);
            var sync = new ArtifactSync(OutputDirectory, state);
            try
            {
                sync.Apply(artifacts, FileList.Read(FileListPath));
                FileList.Write(FileListPath, sync.Entries);
                state.Write(statePath, sync.Entries);
            }
            catch (IOException e)
            {
                Log.LogError("Warehouse: {0}", e.Message);
                return false;
            }

            var shown = (DisplayOutputDirectory.Length > 0 ? DisplayOutputDirectory : OutputDirectory).TrimEnd('/', '\\');
            Log.LogMessage(MessageImportance.High, string.Format(CultureInfo.InvariantCulture,
                "Warehouse: {0} artifacts of {1} nodes in {2} ({3} written, {4} removed) in {5:F1} s",
                artifacts.Count, nodes, shown, sync.Written, sync.Removed, watch.Elapsed.TotalSeconds));
            return true;
        }

        private CompiledModel? ReadModel()
        {
            try
            {
                return CompiledModelReader.Read(AssemblyPath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is BadImageFormatException)
            {
                Log.LogError("Warehouse: cannot read the compiled model of '{0}': {1}", AssemblyPath, e.Message);
                return null;
            }
        }

        /// <summary>Logs every bad or duplicate path; nothing is written unless all are good.</summary>
        private bool Validate(IReadOnlyList<Artifact> artifacts)
        {
            var seen = new HashSet<string>(FileSystemPaths.Comparer);
            foreach (var artifact in artifacts)
            {
                var problem = ArtifactPath.Problem(artifact.Path);
                if (problem != null)
                {
                    Log.LogError("Warehouse: artifact path '{0}' is refused: {1}.", artifact.Path, problem);
                }
                else if (!seen.Add(artifact.Path))
                {
                    Log.LogError("Warehouse: artifact path '{0}' is rendered twice.", artifact.Path);
                }
            }

            return !Log.HasLoggedErrors;
        }
    }
}
