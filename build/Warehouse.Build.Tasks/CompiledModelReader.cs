using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Warehouse.Generators.Model.Codec;

namespace Warehouse.Build.Tasks
{
    /// <summary>What the generator compiled into a model assembly: the project name and every node's encoded spec.</summary>
    internal sealed class CompiledModel
    {
        public CompiledModel(string project, List<string> specs)
        {
            Project = project;
            Specs = specs;
        }

        public string Project { get; }

        public List<string> Specs { get; }
    }

    /// <summary>
    /// Reads the compiled model from an assembly's metadata. The assembly is never loaded: it may target another
    /// runtime than MSBuild's, and loading it would lock it in the build process.
    /// </summary>
    internal static class CompiledModelReader
    {
        /// <summary>
        /// Every <c>Spec</c> constant of the top-level types in <see cref="CompiledModelNames.SpecNamespace"/>, ordered by type name,
        /// and <c>WarehouseModel.Project</c>; an assembly without a model (no nodes, or no generator) has no specs.
        /// </summary>
        /// <exception cref="IOException">The file cannot be opened.</exception>
        /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
        public static CompiledModel Read(string assemblyPath)
        {
            // FileShare.Delete so a concurrent clean or recompile is never blocked by us.
            using var stream = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new BadImageFormatException("the file has no .NET metadata");
            }

            var metadata = pe.GetMetadataReader();
            var specs = new SortedDictionary<string, string>(StringComparer.Ordinal);
            string? project = null;
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                if (type.GetDeclaringType().IsNil && metadata.StringComparer.Equals(type.Namespace, CompiledModelNames.SpecNamespace))
                {
                    var spec = ReadConstant(metadata, type, CompiledModelNames.SpecField);
                    if (spec != null) specs[metadata.GetString(type.Name)] = spec;
                }
                else if (metadata.StringComparer.Equals(type.Namespace, CompiledModelNames.ModelNamespace) && metadata.StringComparer.Equals(type.Name, CompiledModelNames.ModelClass))
                {
                    project = ReadConstant(metadata, type, CompiledModelNames.ProjectField);
                }
            }

            if (project == null && specs.Count > 0)
            {
                throw new BadImageFormatException($"it holds node specs but no {CompiledModelNames.ModelType}.{CompiledModelNames.ProjectField} constant (built by another version of Warehouse?)");
            }

            return new CompiledModel(project ?? "", new List<string>(specs.Values));
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
