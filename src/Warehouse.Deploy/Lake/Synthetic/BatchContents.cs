namespace Warehouse.Deploy.Lake.Synthetic;

/// <summary>Why a row is in a batch's file.</summary>
public enum RowKind
{
    /// <summary>A member or event the lake has not had before (for a dimension from batch 2 on: a late-arriving member).</summary>
    New,

    /// <summary>A member sent again with other attribute values: a type-2 change or a type-1 correction, as the dimension treats it.</summary>
    Changed,

    /// <summary>A row of this file sent a second time, which staging de-duplicates.</summary>
    Duplicate,

    /// <summary>An invalid row (--bad-rows), which staging quarantines.</summary>
    Bad,
}

/// <param name="Version">0 for a member as first sent; the batch number for a changed member's values.</param>
public sealed record PlannedRow(long Id, int Version, RowKind Kind);

/// <summary>Which rows each batch of a source holds (<see cref="GenerationSizes"/> says how many).</summary>
public static class BatchContents
{
    /// <summary>Ids of bad rows start here, far from the ids of real members and events.</summary>
    public const long FirstBadId = 1_000_000_000;

    public static IReadOnlyList<PlannedRow> Of(SourcePlan source, int batch, GenerationSizes sizes, Bogus.Randomizer random, double badRowRate)
    {
        var rows = new List<PlannedRow>();
        switch (source.Role)
        {
            case SourceRole.Calendar:
                // The calendar is complete in batch 1; later batches leave it as it is.
                if (batch == 1)
                    AddNew(rows, 1, GenerationSizes.CalendarDays);
                break;
            case SourceRole.Fact:
                AddNew(rows, sizes.FirstEventOf(batch), sizes.EventsIn(batch));
                break;
            default:
                long first = batch == 1 ? 1 : sizes.MembersThrough(batch - 1) + 1;
                AddNew(rows, first, sizes.MembersThrough(batch) - first + 1);
                if (batch > 1 && source.Role == SourceRole.Dimension)
                {
                    long delivered = sizes.MembersThrough(batch - 1);
                    foreach (long id in Pick(random, delivered, sizes.ChangesPerBatch))
                        rows.Add(new PlannedRow(id, batch, RowKind.Changed));
                }

                break;
        }

        if (rows.Count == 0)
            return rows;
        if (batch > 1)
        {
            foreach (long index in Pick(random, rows.Count, GenerationSizes.DuplicatesOf(rows.Count)))
                rows.Add(rows[(int)index - 1] with { Kind = RowKind.Duplicate });
        }

        if (badRowRate > 0 && BadRows.ColumnOf(source) is not null)
        {
            int bad = Math.Max(1, (int)Math.Round(rows.Count * badRowRate));
            for (int i = 0; i < bad; i++)
                rows.Add(new PlannedRow(FirstBadId + ((long)batch * 1_000_000) + i, 0, RowKind.Bad));
        }

        return rows;
    }

    private static void AddNew(List<PlannedRow> rows, long first, long count)
    {
        for (long id = first; id < first + count; id++)
            rows.Add(new PlannedRow(id, 0, RowKind.New));
    }

    /// <summary>Up to <paramref name="count"/> distinct numbers of 1..<paramref name="of"/>, in ascending order.</summary>
    private static IEnumerable<long> Pick(Bogus.Randomizer random, long of, int count)
    {
        var picked = new SortedSet<long>();
        while (picked.Count < Math.Min(count, of))
            picked.Add(random.Long(1, of));
        return picked;
    }
}
