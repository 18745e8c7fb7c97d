namespace Handbook.PreviewLatency;

/// <summary>
/// One edit: file write → reload event received (<see cref="Total"/>, includes the watcher's quiet period), rebuild
/// start → reload event received (<see cref="AfterQuietPeriod"/>), the build alone (both phases: the page is published
/// and its event sent before the site-wide files are made), and how many pages it rendered.
/// </summary>
internal sealed record LatencySample(string Page, TimeSpan Total, TimeSpan AfterQuietPeriod, TimeSpan Build, int RebuiltPages, int ChangedFiles, bool Incremental)
{
    /// <summary>CPU time the whole process used from the write to the event: on a busy machine a steadier measure of the work than wall time.</summary>
    public TimeSpan Cpu { get; init; }

    /// <summary>CPU time of the whole process from the write to the end of the build (both phases).</summary>
    public TimeSpan CpuWholeBuild { get; init; }

    /// <summary>File write → the build reported (its second phase done: search index, export, links, all written).</summary>
    public TimeSpan UntilBuildEnd { get; init; }
}
