using System.Data.Common;
using Warehouse.Deploy.Engines;

namespace Warehouse.Deploy.Execution;

/// <summary>Runs a script's statements; a database error becomes one line naming the script and statement (exit code 5).</summary>
public static class StatementRunner
{
    public static async Task RunAsync(IWarehouseEngine engine, string origin, IReadOnlyList<string> statements,
        DbTransaction? transaction, CancellationToken cancellationToken)
    {
        for (int i = 0; i < statements.Count; i++)
        {
            try
            {
                await engine.ExecuteAsync(statements[i], transaction, cancellationToken);
            }
            catch (DbException e)
            {
                throw Failure(engine, origin, i, statements, e);
            }
        }
    }

    /// <summary>Runs all statements but the last, then returns the last one's rows (a test's failing rows, an analysis).</summary>
    public static async Task<QueryResult> QueryAsync(IWarehouseEngine engine, string origin, IReadOnlyList<string> statements,
        DbTransaction? transaction, int keepRows, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
            throw new WarehouseException(ExitCodes.BadInput, $"{origin}: the script has no query");
        await RunAsync(engine, origin, statements.Take(statements.Count - 1).ToList(), transaction, cancellationToken);
        try
        {
            return await engine.QueryAsync(statements[^1], transaction, keepRows, cancellationToken);
        }
        catch (DbException e)
        {
            throw Failure(engine, origin, statements.Count - 1, statements, e);
        }
    }

    private static WarehouseException Failure(IWarehouseEngine engine, string origin, int index, IReadOnlyList<string> statements, DbException e)
    {
        string firstLine = statements[index].Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)) ?? "";
        if (firstLine.Length > 80)
            firstLine = firstLine[..80] + "…";
        string message = e.Message.Split('\n')[0].Trim();
        if (engine.HintFor(e) is { } hint)
            message += $" ({hint})";
        return new WarehouseException(ExitCodes.SqlFailure,
            $"{origin}: statement {index + 1} of {statements.Count} failed ({firstLine}): {message}", e);
    }
}
