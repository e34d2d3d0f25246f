using System.Globalization;
using Bogus;

namespace Warehouse.Deploy.Lake.Synthetic;

/// <summary>
/// The value of one column of one generated row, as lake text. In order: the key (the member's or event's id), a
/// reference (a member of the referenced dimension), the calendar's own columns, accepted values, a range, then the
/// column's type: numbers non-negative (so that simple rules such as <c>amount &gt;= 0</c> hold; rules are not in
/// the manifest, see docs/deploy.md), dates inside the calendar, text by column-name convention through Bogus, cut
/// to the column's length. A column with a unique test carries the row's id so that its values stay distinct.
/// </summary>
public static class ColumnValues
{
    /// <summary>The share of a nullable column's values left empty (NULL in bronze).</summary>
    public const double NullRate = 0.1;

    public static string Value(ColumnPlan column, GeneratedRow row, Faker faker)
    {
        var random = faker.Random;
        if (column.IsKey)
            return KeyText(row.Source, column, row.Id);
        if (column.References is { } dimension)
            return KeyText(dimension, dimension.Columns.Single(c => c.IsKey), row.MemberOf(dimension, random));
        if (row.Source.Role == SourceRole.Calendar && CalendarPart(column, row.Day) is { } part)
            return part;
        if (!column.NotNull && random.Double() < NullRate)
            return "";
        if (column.AcceptedValues.Count > 0)
            return random.ArrayElement(column.AcceptedValues.ToArray());
        return column.Type.Name switch
        {
            "BOOLEAN" => random.Bool() ? "true" : "false",
            "SMALLINT" or "INTEGER" or "BIGINT" => Integer(column, row, random),
            "DECIMAL" => Decimal(column, random),
            "DOUBLE" or "REAL" => Number(random, 0, 1_000, 4),
            "DATE" => Date(column, row, random).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "TIMESTAMP" => Date(column, row, random).ToDateTime(new TimeOnly(random.Int(0, 23), random.Int(0, 59), random.Int(0, 59)))
                .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            _ => Text(column, row, faker),
        };
    }

    /// <summary>A member's key as its column holds it: the id, or for the calendar the day (yyyymmdd, or the date itself).</summary>
    public static string KeyText(SourcePlan source, ColumnPlan key, long id)
    {
        if (source.Role != SourceRole.Calendar)
            return id.ToString(CultureInfo.InvariantCulture);
        var day = GenerationSizes.CalendarStart.AddDays((int)(id - 1));
        return key.Type.Name is "DATE" or "VARCHAR" or "TIMESTAMP"
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    }

    /// <summary>The calendar's columns named after a part of the day; null for any other column.</summary>
    private static string? CalendarPart(ColumnPlan column, DateOnly day)
    {
        string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
        int Lowest() => column.Min is { } min && int.TryParse(min, NumberStyles.Integer, CultureInfo.InvariantCulture, out int m) ? m : 1;
        if (column.IsCalendarDate)
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return column.Name switch
        {
            "day" or "day_of_month" => Number(day.Day),
            "month" => Number(day.Month),
            "quarter" => Number(((day.Month - 1) / 3) + 1),
            "year" => Number(day.Year),
            // Monday first, counted from the range's lower bound (0 or 1) when the model tests one.
            "weekday" or "day_of_week" => Number(Lowest() + (((int)day.DayOfWeek + 6) % 7)),
            "day_name" or "weekday_name" => day.DayOfWeek.ToString(),
            "month_name" => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(day.Month),
            "is_weekend" => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "true" : "false",
            _ => null,
        };
    }

    private static string Integer(ColumnPlan column, GeneratedRow row, Randomizer random)
    {
        if (column.Unique)
            return row.Id.ToString(CultureInfo.InvariantCulture);
        long min = Bound(column.Min, 0), max = Bound(column.Max, column.Type.Name == "SMALLINT" ? 1_000 : 10_000);
        return random.Long(min, Math.Max(min, max)).ToString(CultureInfo.InvariantCulture);
    }

    private static long Bound(string? text, long fallback) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? (long)Math.Ceiling(value) : fallback;

    private static string Decimal(ColumnPlan column, Randomizer random)
    {
        int scale = column.Type.Scale ?? 2;
        int digits = (column.Type.Precision ?? 18) - scale;
        // Below the precision's limit and modest: 0 .. min(10^digits - 1, 100,000).
        double ceiling = Math.Min(Math.Pow(10, Math.Max(0, digits)) - 1, 100_000);
        double min = column.Min is { } lo && double.TryParse(lo, NumberStyles.Float, CultureInfo.InvariantCulture, out var l) ? l : 0;
        double max = column.Max is { } hi && double.TryParse(hi, NumberStyles.Float, CultureInfo.InvariantCulture, out var h) ? h : ceiling;
        return Number(random, min, max, scale);
    }

    private static string Number(Randomizer random, double min, double max, int scale)
    {
        // Rounded inward, so that the text stays inside an inclusive range after rounding.
        double factor = Math.Pow(10, scale);
        double value = Math.Floor(random.Double(min, Math.Max(min, max)) * factor) / factor;
        value = Math.Max(value, Math.Ceiling(min * factor) / factor);
        return value.ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static DateOnly Date(ColumnPlan column, GeneratedRow row, Randomizer random) =>
        row.Source.Role == SourceRole.Calendar
            ? row.Day
            : GenerationSizes.CalendarStart.AddDays(random.Int(0, GenerationSizes.CalendarDays - 1));

    private static string Text(ColumnPlan column, GeneratedRow row, Faker faker)
    {
        int length = column.Type.Length ?? 255;
        string text = TextByName(column.Name, length, faker);
        if (column.Unique)
        {
            // The id keeps the values distinct, also after a case change in staging (initcap, upper).
            string suffix = " " + row.Id.ToString(CultureInfo.InvariantCulture);
            return suffix.Length >= length
                ? row.Id.ToString(CultureInfo.InvariantCulture)
                : Cut(text, length - suffix.Length).TrimEnd() + suffix;
        }

        return Cut(text, length);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Realistic text chosen by the column's name (snake_case, as the manifest spells it).</summary>
    private static string TextByName(string name, int length, Faker f) => name switch
    {
        "first_name" or "given_name" => f.Name.FirstName(),
        "last_name" or "surname" or "family_name" => f.Name.LastName(),
        "full_name" or "person_name" or "contact_name" => f.Name.FullName(),
        _ when name.Contains("email", StringComparison.Ordinal) => f.Internet.Email(),
        _ when name.Contains("phone", StringComparison.Ordinal) || name == "mobile" => f.Phone.PhoneNumber("###-###-####"),
        "address" or "street" or "address_line" or "street_address" => f.Address.StreetAddress(),
        _ when name.EndsWith("city", StringComparison.Ordinal) => f.Address.City(),
        "state" or "region" or "province" => length <= 3 ? f.Address.StateAbbr() : f.Address.State(),
        _ when name.EndsWith("country", StringComparison.Ordinal) => length <= 3 ? f.Address.CountryCode() : f.Address.Country(),
        "country_code" => f.Address.CountryCode(),
        "postal_code" or "zip" or "zip_code" or "postcode" => f.Address.ZipCode("#####"),
        "company" or "company_name" or "employer" or "supplier_name" or "vendor_name" => f.Company.CompanyName(),
        "currency_code" or "currency" => f.Finance.Currency().Code,
        "currency_name" => f.Finance.Currency().Description,
        "iban" => f.Finance.Iban(),
        "url" or "website" or "homepage" => f.Internet.Url(),
        "username" or "user_name" or "login" => f.Internet.UserName(),
        "color" or "colour" => f.Commerce.Color(),
        "product" or "product_name" => f.Commerce.ProductName(),
        _ when name.Contains("category", StringComparison.Ordinal) && !name.EndsWith("_code", StringComparison.Ordinal) => f.Commerce.Categories(1)[0],
        _ when name.EndsWith("_code", StringComparison.Ordinal) || name.EndsWith("_number", StringComparison.Ordinal) =>
            f.Random.AlphaNumeric(Math.Min(length, 8)).ToUpperInvariant(),
        _ when name.Contains("description", StringComparison.Ordinal) || name.Contains("note", StringComparison.Ordinal)
            || name.Contains("comment", StringComparison.Ordinal) => f.Lorem.Sentence(),
        _ when name.EndsWith("name", StringComparison.Ordinal) || name.Contains("label", StringComparison.Ordinal)
            || name.Contains("title", StringComparison.Ordinal) => f.Commerce.ProductName(),
        _ => f.Lorem.Word(),
    };
}
