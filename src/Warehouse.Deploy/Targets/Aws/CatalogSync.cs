using Amazon.Runtime;
using Spectre.Console;
using Warehouse.Deploy.Targets.Aws.Glue;
using Table = Warehouse.Deploy.Targets.Aws.Glue.Table;

namespace Warehouse.Deploy.Targets.Aws;

public sealed record CatalogResult(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, int Unchanged);

/// <summary>
/// Step (c): make the Glue database's tables match the model: create the missing ones, update those whose columns,
/// location or format differ. The wanted tables are the template's AWS::Glue::Table inputs (generated from the model).
/// On AWS, CloudFormation already made them and this step finds nothing to do; an emulator that does not create Glue
/// resources from a template (moto) gets them here.
/// </summary>
public sealed class CatalogSync(IAmazonGlueLite glue, IAnsiConsole console)
{
    public async Task<CatalogResult> SyncAsync(string database, IReadOnlyList<TableInput> wanted, CancellationToken cancellationToken)
    {
        await EnsureDatabaseAsync(database, cancellationToken);
        var existing = new Dictionary<string, Table>(StringComparer.OrdinalIgnoreCase);
        string? token = null;
        do
        {
            var page = await glue.GetTablesAsync(new GetTablesRequest { DatabaseName = database, NextToken = token }, cancellationToken);
            foreach (var table in page.TableList)
                existing[table.Name] = table;
            token = page.NextToken;
        } while (token is not null);

        var created = new List<string>();
        var updated = new List<string>();
        int unchanged = 0;
        foreach (var input in wanted.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (!existing.TryGetValue(input.Name, out var table))
            {
                await glue.CreateTableAsync(new CreateTableRequest { DatabaseName = database, TableInput = input }, cancellationToken);
                console.MarkupLineInterpolated($"  [green]created[/] glue table {database}.{input.Name}");
                created.Add(input.Name);
            }
            else if (Differences(table, input) is { Count: > 0 } differences)
            {
                await glue.UpdateTableAsync(new UpdateTableRequest { DatabaseName = database, TableInput = input }, cancellationToken);
                console.MarkupLineInterpolated($"  [yellow]updated[/] glue table {database}.{input.Name}: {string.Join("; ", differences)}");
                updated.Add(input.Name);
            }
            else
            {
                unchanged++;
            }
        }
        console.MarkupLineInterpolated($"catalog: {created.Count} table(s) created, {updated.Count} updated, {unchanged} unchanged in glue database {database}");
        return new CatalogResult(created, updated, unchanged);
    }

    private async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        try
        {
            await glue.GetDatabaseAsync(new GetDatabaseRequest { Name = database }, cancellationToken);
        }
        catch (AmazonServiceException e) when (e.ErrorCode == GlueErrorCodes.EntityNotFound)
        {
            await glue.CreateDatabaseAsync(new CreateDatabaseRequest { DatabaseInput = new DatabaseInput { Name = database } }, cancellationToken);
            console.MarkupLineInterpolated($"  [green]created[/] glue database {database}");
        }
    }

    /// <summary>What differs between the catalog's table and the model's; empty when they match.</summary>
    public static List<string> Differences(Table actual, TableInput wanted)
    {
        var differences = new List<string>();
        var have = actual.StorageDescriptor?.Columns ?? [];
        var want = wanted.StorageDescriptor?.Columns ?? [];
        foreach (var column in want)
        {
            var match = have.FirstOrDefault(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase));
            if (match is null) differences.Add($"add column {column.Name} {column.Type}");
            else if (!string.Equals(match.Type, column.Type, StringComparison.OrdinalIgnoreCase)) differences.Add($"column {column.Name} {match.Type} -> {column.Type}");
        }
        foreach (var column in have.Where(h => !want.Any(w => string.Equals(w.Name, h.Name, StringComparison.OrdinalIgnoreCase))))
            differences.Add($"drop column {column.Name}");
        if (differences.Count == 0 && !have.Select(c => c.Name.ToLowerInvariant()).SequenceEqual(want.Select(c => c.Name.ToLowerInvariant())))
            differences.Add("column order");
        if (!string.Equals(actual.StorageDescriptor?.Location, wanted.StorageDescriptor?.Location, StringComparison.Ordinal))
            differences.Add($"location {actual.StorageDescriptor?.Location} -> {wanted.StorageDescriptor?.Location}");
        var wantDelimiter = wanted.StorageDescriptor?.SerdeInfo?.Parameters?.GetValueOrDefault("field.delim");
        var haveDelimiter = actual.StorageDescriptor?.SerdeInfo?.Parameters?.GetValueOrDefault("field.delim");
        if (!string.Equals(wantDelimiter, haveDelimiter, StringComparison.Ordinal))
            differences.Add("field delimiter");
        return differences;
    }
}
