namespace Warehouse.Build.Tasks
{
    /// <summary>One file the generator compiled into the model assembly.</summary>
    internal sealed class Artifact
    {
        public Artifact(string typeName, string path, string content)
        {
            TypeName = typeName;
            Path = path;
            Content = content;
        }

        /// <summary>The generated class that carries the artifact, for error messages.</summary>
        public string TypeName { get; }

        /// <summary>Relative path under the output directory, '/' separators.</summary>
        public string Path { get; }

        /// <summary>The file's text, written as UTF-8 without BOM exactly as is.</summary>
        public string Content { get; }
    }
}
