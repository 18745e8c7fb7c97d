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
    {
        Files = files;
        foreach (var (path, blob) in files)
        {
            _blobByPath.TryAdd(path, blob);
            if (FamilyPagePath.IsPage(path) && FamilyPath.TryParse(path, out var info))
            {
                _pageByUrl.TryAdd(FamilyLookup.Normalize(info.Url), path);
            }
        }

        Partials = files.Where(f => HistoricInputFiles.IsPartial(f.Path)).ToList();
    }

    public IReadOnlyList<(string Path, string BlobSha)> Files { get; }

    /// <summary>Partials and includes (every page of the commit may use them).</summary>
    public IReadOnlyList<(string Path, string BlobSha)> Partials { get; }

    /// <summary>The blob of a file of this commit, or null (looked up once per linked page of every version: indexed).</summary>
    public string? BlobOf(string path) => _blobByPath.GetValueOrDefault(path);

    /// <summary>The page of this commit a job-family URL points at (host, anchor and trailing slash ignored), or null.</summary>
    public string? PageAt(string url) => _pageByUrl.GetValueOrDefault(FamilyLookup.Normalize(url));
}
