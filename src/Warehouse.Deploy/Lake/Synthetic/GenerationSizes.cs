namespace Warehouse.Deploy.Lake.Synthetic;

/// <summary>
/// How many rows each kind of source gets per batch, from --scale. Batch 1: 100 × scale members per dimension,
/// 1,000 × scale events per fact, a two-year calendar (not scaled: the calendar is the facts' date range). Each later
/// batch: 10 % new members (the ones the previous batch's late facts already referenced), 5 % of the members re-sent
/// changed, 20 % new events, and 2 % of its rows sent twice.
/// </summary>
public sealed record GenerationSizes(int Members, int Events)
{
    public static readonly DateOnly CalendarStart = new(2024, 1, 1);

    public const int CalendarDays = 731;

    public static GenerationSizes For(double scale) =>
        new(Math.Max(1, (int)Math.Round(100 * scale)), Math.Max(1, (int)Math.Round(1_000 * scale)));

    public int NewMembersPerBatch => Math.Max(1, Members / 10);

    public int ChangesPerBatch => Math.Max(1, Members / 20);

    public int EventsPerLaterBatch => Math.Max(1, Events / 5);

    /// <summary>Members delivered up to and including <paramref name="batch"/>: ids 1..this.</summary>
    public long MembersThrough(int batch) => Members + ((long)(batch - 1) * NewMembersPerBatch);

    /// <summary>The first event id of <paramref name="batch"/>.</summary>
    public long FirstEventOf(int batch) => batch == 1 ? 1 : Events + ((long)(batch - 2) * EventsPerLaterBatch) + 1;

    public long EventsIn(int batch) => batch == 1 ? Events : EventsPerLaterBatch;

    public static int DuplicatesOf(int rows) => Math.Max(1, rows / 50);
}
