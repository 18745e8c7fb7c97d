namespace Handbook.JobFamilies.Grades;

using System.Globalization;

/// <summary>
/// A grade number such as <c>7</c> or <c>9.5</c>. <see cref="Text"/> keeps the id as it was written (for display);
/// equality and ordering use the numeric <see cref="Value"/>, so <c>9.50</c> and <c>9.5</c> are the same grade.
/// </summary>
public readonly struct GradeId : IEquatable<GradeId>, IComparable<GradeId>
{
    private GradeId(string text, decimal value)
    {
        Text = text;
        Value = value;
    }

    public string Text { get; }

    public decimal Value { get; }

    /// <summary>The id in its shortest form: <c>9.50</c> → <c>9.5</c>, <c>07</c> → <c>7</c>.</summary>
    public string Canonical => Value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>The HTML id of this grade on the grades page: <c>grade-7</c>, <c>grade-9-5</c>.</summary>
    public string Anchor => "grade-" + Canonical.Replace('.', '-');

    /// <summary>Parses a non-negative decimal written with digits and an optional '.' (no sign, no exponent).</summary>
    public static bool TryParse(string? text, out GradeId id)
    {
        id = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !char.IsAsciiDigit(trimmed[0]) || !char.IsAsciiDigit(trimmed[^1]))
        {
            return false;
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        id = new GradeId(trimmed, value);
        return true;
    }

    public static GradeId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a grade id");

    public bool Equals(GradeId other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is GradeId other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public int CompareTo(GradeId other) => Value.CompareTo(other.Value);

    public override string ToString() => Text ?? string.Empty;

    public static bool operator ==(GradeId left, GradeId right) => left.Equals(right);

    public static bool operator !=(GradeId left, GradeId right) => !left.Equals(right);

    public static bool operator <(GradeId left, GradeId right) => left.CompareTo(right) < 0;

    public static bool operator >(GradeId left, GradeId right) => left.CompareTo(right) > 0;

    public static bool operator <=(GradeId left, GradeId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(GradeId left, GradeId right) => left.CompareTo(right) >= 0;
}
