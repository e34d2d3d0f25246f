namespace Warehouse.Deploy.Lake.Synthetic;

/// <summary>
/// --bad-rows: how an invalid row is made, so that staging quarantines it for a reason it names. A non-text column
/// gets text that no cast accepts (quarantine rule <c>invalid_&lt;column&gt;</c>), or, when every column is text, a
/// length-limited one gets a value one character too long (<c>too_long_&lt;column&gt;</c>). A source with neither
/// (only unlimited text) gets no bad rows: nothing in it can be invalid.
/// </summary>
public static class BadRows
{
    public const string NotAValue = "#invalid";

    /// <summary>The column bad rows break, and the quarantine rule that catches them.</summary>
    public static (ColumnPlan Column, string Rule)? ColumnOf(SourcePlan source)
    {
        var candidates = source.Columns.Where(c => c.References is null).OrderBy(c => c.IsKey ? 1 : 0).ToList();
        if (candidates.FirstOrDefault(c => c.Type.Name != "VARCHAR") is { } typed)
            return (typed, "invalid_" + typed.Name);
        if (candidates.FirstOrDefault(c => c.Type.Length is not null) is { } limited)
            return (limited, "too_long_" + limited.Name);
        return null;
    }

    public static string ValueFor(ColumnPlan column) =>
        column.Type.Name == "VARCHAR" ? new string('x', column.Type.Length!.Value + 1) : NotAValue;
}
