namespace Handbook.Site.Preview;

using Handbook.Site.Building;

/// <summary>
/// One preview build: the usual <see cref="BuildReport"/>, the output files it changed (output-relative, for the
/// reload events), how many HTML pages it rendered again, and why it was a full build (null when incremental).
/// </summary>
public sealed record PreviewBuildReport(BuildReport Report, IReadOnlyList<string> ChangedFiles, int RebuiltPages, string? FullRebuildReason)
{
    public bool WasIncremental => FullRebuildReason is null;
}
