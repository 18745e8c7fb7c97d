namespace Handbook.Site.Versions;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Parsing;
using Handbook.Site.History;

/// <summary>
/// The input files of one commit (input-relative path → blob id): what a version of that commit is rendered
/// against – its partials, its grade data and the other pages its "extends" statements may point at.
/// </summary>
public sealed class CommitInput
{
    private readonly Dictionary<string, string> _pageByUrl = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _blobByPath = new(StringComparer.Ordinal);

    public CommitInput(IReadOnlyList<(string Path, string BlobSha)> files)
        : this(files, PageUrlOf)
    {
    }

    /// <param name="files">The commit's input files.</param>
    /// <param name="pageUrlOf">
    /// <see cref="PageUrlOf"/>, or a memo of it: the same paths come back in every commit listed, and working out
    /// each one's URL again was most of what listing the commits of a versioned build allocated (issue 9).
    /// </param>
    public CommitInput(IReadOnlyList<(string Path, string BlobSha)> files, Func<string, string?> pageUrlOf)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(pageUrlOf);
        Files = files;
        var partials = new List<(string Path, string BlobSha)>();
        foreach (var (path, blob) in files)
        {
            _blobByPath.TryAdd(path, blob);
            if (pageUrlOf(path) is { } url)
            {
                _pageByUrl.TryAdd(url, path);
            }

            if (HistoricInputFiles.IsPartial(path))
            {
                partials.Add((path, blob));
            }
        }

        Partials = partials;
    }

    public IReadOnlyList<(string Path, string BlobSha)> Files { get; }

    /// <summary>Partials and includes (every page of the commit may use them).</summary>
    public IReadOnlyList<(string Path, string BlobSha)> Partials { get; }

    /// <summary>The blob of a file of this commit, or null (looked up once per linked page of every version: indexed).</summary>
    public string? BlobOf(string path) => _blobByPath.GetValueOrDefault(path);

    /// <summary>The normalised URL (<see cref="FamilyLookup.Normalize"/>) of the page at an input-relative path; null when the path is no family page.</summary>
    public static string? PageUrlOf(string path) =>
        FamilyPagePath.IsPage(path) && FamilyPath.TryParse(path, out var info) ? FamilyLookup.Normalize(info.Url) : null;

    /// <summary>The page of this commit a job-family URL points at (host, anchor and trailing slash ignored), or null.</summary>
    public string? PageAt(string url) => _pageByUrl.GetValueOrDefault(FamilyLookup.Normalize(url));
}
