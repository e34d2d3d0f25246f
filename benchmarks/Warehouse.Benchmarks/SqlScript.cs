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
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        output.WriteLine($"{script}: {watch.Elapsed.TotalSeconds:F2} s");
        return 0;
    }
}
