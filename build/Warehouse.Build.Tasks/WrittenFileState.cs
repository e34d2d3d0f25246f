using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Warehouse.Build.Tasks
{
    /// <summary>
    /// What the last run wrote, per artifact: the SHA-256 of its bytes and the file's length and write time then
    /// (obj/warehouse.files.txt.state, beside the file list). A file whose length and write time are unchanged
    /// since, and whose new content hashes the same, is known to be current without reading it: at 1,000 models
    /// the output holds ~24,000 files, and reading them all back made every build pay for the whole warehouse.
    /// Anything else (no record, a file touched since) falls back to comparing the bytes on disk.
    /// </summary>
    internal sealed class WrittenFileState
    {
        private readonly Dictionary<string, Entry> entries;

        private WrittenFileState(Dictionary<string, Entry> entries) => this.entries = entries;

        public static string PathOf(string fileListPath) => fileListPath + ".state";

        /// <summary>The recorded state; empty when there is none or it cannot be parsed (then every file is read).</summary>
        public static WrittenFileState Read(string statePath)
        {
            var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
            if (File.Exists(statePath))
            {
                foreach (var line in File.ReadAllLines(statePath))
                {
                    // hash length ticks path (the path last: it is the only field that may hold spaces).
                    var parts = line.Split(new[] { ' ' }, 4);
                    if (parts.Length == 4
                        && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                        && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
                    {
                        entries[parts[3]] = new Entry(parts[0], length, ticks);
                    }
                }
            }

            return new WrittenFileState(entries);
        }

        // One hasher per run rather than per file (~24,000 files at 1,000 models).
        private readonly SHA256 sha = SHA256.Create();

        public string Hash(byte[] bytes)
        {
            var hash = sha.ComputeHash(bytes);
            var hex = new StringBuilder(hash.Length * 2);
            foreach (var b in hash) hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        /// <summary>Whether <paramref name="file"/> is known to hold the bytes hashing to <paramref name="hash"/>.</summary>
        public bool IsCurrent(string entry, string file, string hash)
        {
            if (!entries.TryGetValue(entry, out var recorded) || recorded.Hash != hash)
            {
                return false;
            }

            var info = new FileInfo(file);
            return info.Exists && info.Length == recorded.Length && info.LastWriteTimeUtc.Ticks == recorded.Ticks;
        }

        public void Record(string entry, string file, string hash)
        {
            var info = new FileInfo(file);
            entries[entry] = new Entry(hash, info.Length, info.LastWriteTimeUtc.Ticks);
        }

        /// <summary>Writes the records of <paramref name="current"/> only, sorted.</summary>
        public void Write(string statePath, IEnumerable<string> current) =>
            FileList.WriteIfChanged(statePath, string.Concat(current
                .Where(entries.ContainsKey)
                .OrderBy(e => e, StringComparer.Ordinal)
                .Select(e => string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} {3}\n", entries[e].Hash, entries[e].Length, entries[e].Ticks, e))));

        private sealed record Entry(string Hash, long Length, long Ticks);
    }
}
