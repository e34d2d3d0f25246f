using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing.ModelAttributes;

namespace Warehouse.Generators.Parsing;

/// <summary>
/// The model's project-wide settings, from its assembly attributes (<c>[assembly: DistributionDefaults(...)]</c>):
/// equatable, so that the resolver reruns only when they change.
/// </summary>
internal sealed record ModelDefaults(long AllBelowRows, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static ModelDefaults Read(IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        if (AttributeReader.First<DistributionDefaultsAttribute>(assembly.GetAttributes()) is not { } declared)
        {
            return new ModelDefaults(DistributionDefaultsAttribute.DefaultAllBelowRows, EquatableArray<DiagnosticInfo>.Empty);
        }

        var rows = declared.Attribute.AllBelowRows;
        if (rows >= 1) return new ModelDefaults(rows, EquatableArray<DiagnosticInfo>.Empty);
        var location = LocationInfo.From(declared.Data.ApplicationSyntaxReference?.GetSyntax(cancellationToken));
        var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRowCount, location, "AllBelowRows", "[assembly: DistributionDefaults]", rows.ToString(CultureInfo.InvariantCulture));
        return new ModelDefaults(DistributionDefaultsAttribute.DefaultAllBelowRows, new[] { diagnostic }.ToEquatableArray());
    }
}
