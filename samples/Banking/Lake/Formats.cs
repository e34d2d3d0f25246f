using System.Globalization;

namespace Banking.Lake;

/// <summary>Invariant value formatting matching the seed (amounts without trailing zeros: 416693.3).</summary>
internal static class Formats
{
    public static string Amount(decimal value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
