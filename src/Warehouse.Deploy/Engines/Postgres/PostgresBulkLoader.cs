using Npgsql;
using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Engines.Postgres;

/// <summary>
/// Fills PostgreSQL's bronze tables from the lake with binary COPY (<see cref="BinaryCopyWriter"/>), one lake file per
/// transaction together with its row in the manifest's loaded-files table (<c>_warehouse.loaded_files</c>, created by
/// <c>_setup.sql</c>), so a file is loaded exactly once even if a deploy dies half way.
/// </summary>
internal sealed class PostgresBulkLoader(PostgresEngine engine, NpgsqlConnection connection)
{
    /// <summary>Loads the files of <paramref name="source"/> that are not loaded yet; returns the rows loaded.</summary>
    public async Task<long> LoadAsync(ManifestNode source, IReadOnlyList<string> files, string lakeRoot, ManifestBookkeeping bookkeeping, CancellationToken cancellationToken)
    {
        // Every source looks up its own files (the table is indexed on source by _setup.sql).
        string loadedFiles = SqlLiteral.QualifiedName(bookkeeping.LoadedFiles);
        var loaded = (await engine.QueryAsync($"SELECT path FROM {loadedFiles} WHERE source = {SqlLiteral.String(source.Id)}",
            null, int.MaxValue, cancellationToken)).Rows.Select(r => r[0]).ToHashSet(StringComparer.Ordinal);

        long rows = 0;
        foreach (var file in files)
        {
            string relative = LakeLayout.RelativeTo(lakeRoot, file);
            if (!loaded.Contains(relative))
                rows += await CopyFileAsync(source, file, relative, bookkeeping, cancellationToken);
        }

        return rows;
    }

    /// <remarks>
    /// <c>_source_file</c> is the same for every row of a file, so it is not sent with each row: for the COPY it is
    /// the column's default, set and dropped again inside the file's transaction (a failed load rolls both back).
    /// At scale 10 the lake path was 45% of the binary COPY stream (it is longer than most rows), and the server
    /// decoded it once per row. ALTER TABLE locks the bronze table until the file is committed; within a deploy
    /// nothing else reads it then.
    /// </remarks>
    private async Task<long> CopyFileAsync(ManifestNode source, string file, string relative, ManifestBookkeeping bookkeeping, CancellationToken cancellationToken)
    {
        var columns = CsvValidator.ExpectedColumns(source);
        string table = SqlLiteral.QualifiedName(source.Id);
        string sourceFile = SqlLiteral.Identifier(bookkeeping.SourceFileColumn);
        // Each row carries its position among the file's records, by which staging keeps a key's latest row.
        string copy = $"COPY {table} ({string.Join(", ", columns.Append(bookkeeping.SourceRowColumn).Select(SqlLiteral.Identifier))}) FROM STDIN (FORMAT BINARY)";

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await engine.ExecuteAsync($"ALTER TABLE {table} ALTER COLUMN {sourceFile} SET DEFAULT {SqlLiteral.String(relative)}",
            transaction, cancellationToken);
        long rows = 0;
        await using (var copyStream = await connection.BeginRawBinaryCopyAsync(copy, cancellationToken))
        {
            var writer = new BinaryCopyWriter(copyStream);
            writer.WriteHeader();
            using var reader = CsvValidator.OpenReader(file, source.Source!);
            // The lake was validated before any SQL ran; checking again costs nothing and keeps the file:line
            // message should the file have changed since.
            if (source.Source!.Header)
                CsvValidator.CheckHeader(reader, file, columns);
            while (reader.Read())
            {
                CsvValidator.CheckFieldCount(reader, file, columns.Count);
                // Not loaded, as DuckDB's reader skips it; the run records it in the rejected-rows table.
                if (reader.InvalidUtf8 is not null)
                    continue;
                rows++;
                writer.WriteRow(reader, rows);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await engine.ExecuteAsync($"ALTER TABLE {table} ALTER COLUMN {sourceFile} DROP DEFAULT", transaction, cancellationToken);
        await engine.ExecuteAsync(
            $"INSERT INTO {SqlLiteral.QualifiedName(bookkeeping.LoadedFiles)} (path, source, row_count) VALUES ({SqlLiteral.String(relative)}, " +
            $"{SqlLiteral.String(source.Id)}, {SqlLiteral.Integer(rows)})", transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }
}
