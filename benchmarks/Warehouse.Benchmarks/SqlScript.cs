using System.Diagnostics;
using DuckDB.NET.Data;

namespace Warehouse.Benchmarks;

/// <summary>
/// Runs a SQL script in a DuckDB database file through DuckDB.NET (no DuckDB CLI is installed here): the
/// hand-written baseline of the pipeline benchmark. <c>{{name}}</c> placeholders are replaced by name=value arguments.
/// </summary>
public static class SqlScript
{
    public static int Run(string database, string script, string[] variables, TextWriter output)
    {
        string sql = File.ReadAllText(script);
        foreach (var variable in variables)
        {
            int eq = variable.IndexOf('=', StringComparison.Ordinal);
            sql = sql.Replace("{{" + variable[..eq] + "}}", variable[(eq + 1)..], StringComparison.Ordinal);
        }

        var watch = Stopwatch.StartNew();
        using var connection = new DuckDBConnection($"Data Source={database}");
        connection.Open();
        // Statement by statement (each ends a line with ';'), as the runner does, so a failure names its statement.
        var statements = sql.Split(";\n").Select(s => s.Trim()).Where(s => s.Split('\n').Any(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            try
            {
                command.ExecuteNonQuery();
            }
            catch (DuckDBException e)
            {
                output.WriteLine($"{script}: failed: {e.Message.Split('\n')[0]}\n{statement}");
                return 1;
            }
        }

        output.WriteLine($"{script}: {watch.Elapsed.TotalSeconds:F2} s");
        return 0;
    }
}
