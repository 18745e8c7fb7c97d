namespace Handbook.JobFamilies.Versions;

/// <summary>
/// The stable id of a page version: the commit's UTC date and the 7-character abbreviated sha,
/// e.g. <c>2022-09-15-e66952b</c>. It is derived only from git data, so two builds of the same history give the
/// same ids (usable in URLs such as <c>/job-families/…/versions/2022-09-15-e66952b/</c>).
/// </summary>
public static class VersionId
{
    public const int ShaLength = 7;

    /// <summary>Builds the id from the commit date (any offset; the UTC date is used) and the full or abbreviated sha.</summary>
    public static string Create(DateTimeOffset date, string sha)
    {
        ArgumentNullException.ThrowIfNull(sha);
        if (sha.Length < ShaLength || !IsHex(sha))
        {
            // A caller bug, not bad input: shas always come from git.
            throw new ArgumentException($"'{sha}' is not a commit sha of at least {ShaLength} hex digits", nameof(sha));
        }

        return UtcDateText.Day(date.UtcDateTime) + "-" + sha[..ShaLength].ToLowerInvariant();
    }

    // A loop rather than LINQ over the string's chars: generic code over a value type, compiled at run time (issue 9).
    private static bool IsHex(string sha)
    {
        foreach (var c in sha)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
