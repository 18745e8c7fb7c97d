namespace Handbook.Site.Preview;

using Handbook.Site.Building;

/// <summary>
/// One preview build: the usual <see cref="BuildReport"/>, the output files it changed (output-relative, for the
/// reload events), how many HTML pages it rendered again, and why it was a full build (null when incremental).
/// </summary>
public sealed record PreviewBuildReport(BuildReport Report, IReadOnlyList<string> ChangedFiles, int RebuiltPages, string? FullRebuildReason)
{
    /// <summary>The files of <see cref="ChangedFiles"/> written before the site-wide files were made (and already
    /// announced through <see cref="PreviewBuild.Published"/>); empty for a full build.</summary>
    public IReadOnlyList<string> PublishedEarly { get; init; } = [];

    public bool WasIncremental => FullRebuildReason is null;
}
