using Bogus;

namespace Warehouse.Deploy.Lake.Synthetic;

/// <summary>
/// One row being generated: the member or event it stands for, and the batch it arrives in (what a reference may
/// point to). Its values depend only on the seed, the source, the id and the version, so a member re-sent unchanged
/// reads the same in every batch.
/// </summary>
public sealed record GeneratedRow(SourcePlan Source, long Id, int Batch, GenerationSizes Sizes, double LateRate)
{
    /// <summary>The calendar's day of this row (id 1 is <see cref="GenerationSizes.CalendarStart"/>).</summary>
    public DateOnly Day => GenerationSizes.CalendarStart.AddDays((int)(Id - 1));

    /// <summary>
    /// A member of <paramref name="dimension"/> this row refers to. A fact's reference is late at
    /// <see cref="LateRate"/>: it names a member that the next batch delivers (unknown until then); otherwise one
    /// delivered up to this batch. The calendar's members are its days, all in batch 1.
    /// </summary>
    public long MemberOf(SourcePlan dimension, Randomizer random)
    {
        if (dimension.Role == SourceRole.Calendar)
            return random.Int(1, GenerationSizes.CalendarDays);
        long delivered = Sizes.MembersThrough(Batch);
        if (Source.Role == SourceRole.Fact && random.Double() < LateRate)
            return delivered + random.Long(1, Sizes.NewMembersPerBatch);
        return random.Long(1, delivered);
    }
}
