using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Warehouse.Build.Tasks
{
    /// <summary>
    /// Reads the artifact classes from an assembly's metadata. The assembly is never loaded: it may target another
    /// runtime than MSBuild's, and loading it would lock it in the build process.
    /// </summary>
    internal static class ArtifactReader
    {
        /// <summary>The namespace the generator emits artifact classes into (the contract with the generator).</summary>
        public const string ArtifactNamespace = "Warehouse.Generated.Artifacts";

        /// <summary>Every type in <see cref="ArtifactNamespace"/> with const string fields Path and Content.</summary>
        /// <exception cref="IOException">The file cannot be opened.</exception>
        /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
        public static List<Artifact> Read(string assemblyPath)
        {
            // FileShare.Delete so a concurrent clean or recompile is never blocked by us.
            using var stream = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new BadImageFormatException("the file has no .NET metadata");
            }

            var metadata = pe.GetMetadataReader();
            var artifacts = new List<Artifact>();
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                if (!metadata.StringComparer.Equals(type.Namespace, ArtifactNamespace))
                {
                    continue;
                }

                var path = ReadConstant(metadata, type, "Path");
                var content = ReadConstant(metadata, type, "Content");
                if (path != null && content != null)
                {
                    var typeName = ArtifactNamespace + "." + metadata.GetString(type.Name);
                    artifacts.Add(new Artifact(typeName, path, content));
                }
            }

            return artifacts;
        }

        /// <summary>The value of the const string field <paramref name="name"/>, or null if there is none.</summary>
        private static string? ReadConstant(MetadataReader metadata, TypeDefinition type, string name)
        {
            foreach (var handle in type.GetFields())
            {
                var field = metadata.GetFieldDefinition(handle);
                if ((field.Attributes & FieldAttributes.Literal) == 0 || !metadata.StringComparer.Equals(field.Name, name))
                {
                    continue;
                }

                var constant = metadata.GetConstant(field.GetDefaultValue());
                if (constant.TypeCode != ConstantTypeCode.String)
                {
                    return null;
                }

                // ECMA-335 II.22.9: a string constant's blob is its UTF-16LE code units, no terminator.
                var blob = metadata.GetBlobReader(constant.Value);
                return blob.ReadUTF16(blob.Length);
            }

            return null;
        }
    }
}
