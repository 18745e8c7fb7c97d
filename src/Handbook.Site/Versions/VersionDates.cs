namespace Handbook.Site.Versions;

using Handbook.JobFamilies.Versions;

/// <summary>How version dates are written: the UTC day for people, RFC 3339 for <c>datetime</c> attributes and Atom.</summary>
public static class VersionDates
{
    /// <summary>The UTC day, <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateTimeOffset date) => UtcDateText.Day(date.UtcDateTime);

    /// <summary>The UTC time to the second, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Iso(DateTimeOffset date) => UtcDateText.Iso(date.UtcDateTime);
}
