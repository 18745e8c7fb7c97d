namespace Handbook.Site.History;

using Handbook.JobFamilies.Versions;

/// <summary>
/// What <see cref="VersionDiscovery"/> found: each family's versions to publish (folded, limited; newest first),
/// the raw walk, and access to old texts. Empty (and <see cref="IsEnabled"/> false) without usable history.
/// </summary>
public sealed class DiscoveredVersions : IDisposable
{
    private readonly RepositoryHistory? _repository;
    private readonly Dictionary<string, FamilyHistory> _byPath;

    internal DiscoveredVersions(RepositoryHistory? repository, HistoryWalkResult walk, IReadOnlyList<FamilyHistory> families, TimeSpan walkTime)
    {
        _repository = repository;
        Walk = walk;
        Families = families;
        WalkTime = walkTime;
        _byPath = families.ToDictionary(f => f.CurrentPath, StringComparer.Ordinal);
    }

    public static DiscoveredVersions None => new(null, HistoryWalkResult.Empty, [], TimeSpan.Zero);

    public bool IsEnabled => _repository is not null;

    /// <summary>Families present at HEAD, by current input-relative path, with the versions to publish.</summary>
    public IReadOnlyList<FamilyHistory> Families { get; }

    /// <summary>The unfolded, unlimited walk (grade data changes, commit count, shallow flag).</summary>
    public HistoryWalkResult Walk { get; }

    /// <summary>How long the one history walk took (for logs; never part of the output).</summary>
    public TimeSpan WalkTime { get; }

    /// <summary>The versions of the family whose current path is <paramref name="currentPath"/> (empty when unknown).</summary>
    public IReadOnlyList<PageVersion> VersionsOf(string currentPath) =>
        _byPath.TryGetValue(currentPath, out var family) ? family.Versions : [];

    /// <summary>The page text of a version (null without history or when the blob is missing).</summary>
    public string? ReadPage(PageVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _repository?.ReadBlobText(version.BlobSha);
    }

    /// <summary>The <c>data/job-grades.yml</c> text a version is rendered with (null: the commit had no grade file).</summary>
    public string? ReadGradeData(PageVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.GradeDataBlobSha is null ? null : _repository?.ReadBlobText(version.GradeDataBlobSha);
    }

    /// <summary>
    /// Any input file (a partial, an include; input-relative path) as of the version's commit, or null when that
    /// commit did not have it – so an ERB page is expanded with the partials of its own time.
    /// </summary>
    public string? ReadFileAsOf(PageVersion version, string inputRelativePath)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _repository?.ReadFileAt(version.CommitSha, inputRelativePath);
    }

    /// <summary>A blob's text decoded like an input file, read once per build (null without history, or when missing, binary or not UTF-8).</summary>
    public string? ReadText(string blobSha) => _repository?.ReadInputText(blobSha);

    /// <summary>The bytes of any blob of the repository (null without history or when it is missing).</summary>
    public byte[]? ReadBlob(string blobSha) => _repository?.ReadBlobBytes(blobSha);

    /// <summary>The files of the input folder in a commit (see <see cref="RepositoryHistory.ListFilesAt"/>); empty without history.</summary>
    public IReadOnlyList<(string Path, string BlobSha)> ListFilesAt(string commitSha, Func<string, bool> descendInto, Func<string, bool> include) =>
        _repository?.ListFilesAt(commitSha, descendInto, include) ?? [];

    public void Dispose() => _repository?.Dispose();
}
