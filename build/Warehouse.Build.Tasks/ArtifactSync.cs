using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Warehouse.Generators.Emitters.Sql;

namespace Warehouse.Build.Tasks
{
    /// <summary>
    /// Makes the output directory hold exactly the current artifacts: writes a file only when its bytes change (so
    /// unchanged files keep their timestamps and downstream incremental work stays quiet) and deletes the files the
    /// previous run wrote that are no longer artifacts, never a file outside the output directory.
    /// </summary>
    internal sealed class ArtifactSync
    {
        // Strict: a lone surrogate in Content must fail loudly rather than be written as U+FFFD.
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false, true);

        private readonly string root;
        private readonly WrittenFileState state;

        public ArtifactSync(string outputDirectory, WrittenFileState state)
        {
            root = FileSystemPaths.FullDirectory(outputDirectory);
            this.state = state;
        }

        /// <summary>The current artifacts' paths relative to the output directory, after <see cref="Apply"/>.</summary>
        public List<string> Entries { get; } = new List<string>();

        public int Written { get; private set; }

        public int Removed { get; private set; }

        /// <summary>Writes the artifacts (paths already validated) and removes the stale files of the previous run.</summary>
        /// <exception cref="IOException">A file could not be written or deleted; the message names it.</exception>
        public void Apply(IEnumerable<Artifact> artifacts, IEnumerable<string> previousEntries)
        {
            foreach (var artifact in artifacts)
            {
                var file = Path.Combine(root, artifact.Path.Replace('/', Path.DirectorySeparatorChar));
                Entries.Add(artifact.Path);
                Guard(file, "write", () => WriteIfChanged(artifact.Path, file, Utf8NoBom.GetBytes(artifact.Content)));
            }

            var current = new HashSet<string>(Entries.Select(e => Path.Combine(root, e.Replace('/', Path.DirectorySeparatorChar))), FileSystemPaths.Comparer);
            foreach (var entry in previousEntries)
            {
                var stale = FileList.Resolve(root, entry);
                if (stale != null && !current.Contains(stale))
                {
                    Guard(stale, "delete", () => Delete(stale));
                }
            }
        }

        private void WriteIfChanged(string entry, string file, byte[] bytes)
        {
            var hash = state.Hash(bytes);
            if (state.IsCurrent(entry, file, hash))
            {
                return;
            }

            if (!HasContent(file, bytes))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, bytes);
                Written++;
            }

            state.Record(entry, file, hash);
        }

        private static bool HasContent(string file, byte[] bytes)
        {
            var info = new FileInfo(file);
            if (!info.Exists || info.Length != bytes.Length)
            {
                return false;
            }

            var existing = File.ReadAllBytes(file);
            for (var i = 0; i < bytes.Length; i++)
            {
                if (existing[i] != bytes[i])
                {
                    return false;
                }
            }

            return true;
        }

        private void Delete(string file)
        {
            if (!File.Exists(file))
            {
                return;
            }

            File.Delete(file);
            Removed++;
            DirectoryPruner.PruneAbove(file, root, includeRoot: false);
        }

        private static void Guard(string file, string verb, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is EncoderFallbackException)
            {
                throw new IOException($"cannot {verb} '{file}': {e.Message}", e);
            }
        }
    }
}
