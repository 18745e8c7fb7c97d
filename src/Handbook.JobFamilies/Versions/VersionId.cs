namespace Handbook.JobFamilies.Versions;

using System.Globalization;

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
        if (sha.Length < ShaLength || !sha.All(Uri.IsHexDigit))
        {
            // A caller bug, not bad input: shas always come from git.
            throw new ArgumentException($"'{sha}' is not a commit sha of at least {ShaLength} hex digits", nameof(sha));
        }

        var day = date.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return day + "-" + sha[..ShaLength].ToLowerInvariant();
    }
}
