namespace Handbook.Site.Versions;

using System.Globalization;

/// <summary>How version dates are written: the UTC day for people, RFC 3339 for <c>datetime</c> attributes and Atom.</summary>
public static class VersionDates
{
    public static string Day(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
