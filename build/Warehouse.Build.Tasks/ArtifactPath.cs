using System.IO;

namespace Warehouse.Build.Tasks
{
    /// <summary>
    /// Guards the output directory: an artifact path comes from compiled user code, so it must not be able to name
    /// a file outside the output directory.
    /// </summary>
    internal static class ArtifactPath
    {
        /// <summary>Why <paramref name="path"/> is refused, or null when it is a safe relative path.</summary>
        public static string? Problem(string path)
        {
            if (path.Length == 0)
            {
                return "it is empty";
            }

            // ':' also catches drive-relative Windows paths such as "C:x", which IsPathRooted misses on Unix.
            if (Path.IsPathRooted(path) || path[0] == '/' || path[0] == '\\' || path.IndexOf(':') >= 0)
            {
                return "it must be relative";
            }

            if (path.IndexOf('\\') >= 0)
            {
                return "it must use '/' separators";
            }

            foreach (var segment in path.Split('/'))
            {
                if (segment == "..")
                {
                    return "it must not contain '..'";
                }

                if (segment.Length == 0 || segment == ".")
                {
                    return "it must not contain empty or '.' segments";
                }
            }

            return null;
        }
    }
}
