namespace Handbook.JobFamilies.Versions;

/// <summary>
/// A UTC date written as <c>yyyy-MM-dd</c> (version ids and days) or <c>yyyy-MM-ddTHH:mm:ssZ</c> (RFC 3339, for
/// <c>datetime</c> attributes and exports): the same text as those invariant custom formats, written digit by digit.
/// Custom format strings run through the runtime's generic digit formatter, which the composite image does not hold:
/// it was compiled at run time (twice, as it got hot) in every versioned build, which writes ≈ 1,000 such dates (issue 9).
/// </summary>
public static class UtcDateText
{
    /// <summary><paramref name="utc"/> as <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateTime utc)
    {
        // A stack buffer and new string, not string.Create with the date as its state: that generic method over a
        // value type would itself be compiled at run time.
        Span<char> text = stackalloc char[10];
        WriteDay(text, utc);
        return new string(text);
    }

    /// <summary><paramref name="utc"/> as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Iso(DateTime utc)
    {
        Span<char> text = stackalloc char[20];
        WriteDay(text, utc);
        text[10] = 'T';
        WriteDigits(text.Slice(11, 2), utc.Hour);
        text[13] = ':';
        WriteDigits(text.Slice(14, 2), utc.Minute);
        text[16] = ':';
        WriteDigits(text.Slice(17, 2), utc.Second);
        text[19] = 'Z';
        return new string(text);
    }

    private static void WriteDay(Span<char> text, DateTime date)
    {
        WriteDigits(text[..4], date.Year); // 1 to 9999: "yyyy" pads to four digits
        text[4] = '-';
        WriteDigits(text.Slice(5, 2), date.Month);
        text[7] = '-';
        WriteDigits(text.Slice(8, 2), date.Day);
    }

    // The last digits of value, zero-padded to the span's length.
    private static void WriteDigits(Span<char> digits, int value)
    {
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
