namespace Handbook.Site.Cli;

using Handbook.Site.Building;

/// <summary>Runs a build for a command: a progress line when stdout is a terminal, the folders used with --verbose.</summary>
public static class BuildRunner
{
    public static async Task<BuildReport> RunAsync(BuildRequest request, ConsoleStreams console, bool verbose, CancellationToken cancellationToken)
    {
        if (verbose)
        {
            console.Error.Write($"input:  {Path.GetFullPath(request.InputFolder)}\n");
            console.Error.Write($"theme:  {Path.GetFullPath(request.ThemeFolder)}\n");
            if (request.WriteOutput)
            {
                console.Error.Write($"output: {Path.GetFullPath(request.OutputFolder)}\n");
            }

            console.Error.Write($"base URL: {request.BaseUrl ?? "(none: canonical links and sitemap are root-relative)"}\n");
        }

        if (console.IsTerminal)
        {
            console.Out.Write($"building {request.InputFolder} …\n");
        }

        var report = await SiteBuild.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (verbose)
        {
            console.Error.Write(report.Timings);
            if (report.Versions != default)
            {
                console.Error.Write($"versions: {report.Versions.Rendered} rendered, {report.Versions.FromCache} from the cache, {report.Versions.Current} same as the current page\n");
            }

            if (report.HistoryFacts != default)
            {
                console.Error.Write($"history facts: {report.HistoryFacts.Reused} from the cache, {report.HistoryFacts.Learned} read from git\n");
            }

            if (report.VersionPages != default)
            {
                console.Error.Write($"version and history pages: {report.VersionPages.Rendered} rendered, {report.VersionPages.FromCache} from the cache ({report.VersionPagesKept} left in place in the output); {report.FamilyHistoriesFromMemo} families' histories as the last build made them\n");
            }

            if (report.ThemePages != default)
            {
                console.Error.Write($"family and compare pages: {report.ThemePages.Rendered} rendered, {report.ThemePages.Unchanged} unchanged (left in place in the output)\n");
            }

            if (report.FamilyReuse is { } reuse)
            {
                console.Error.Write($"families: {reuse.Built.Count} built, {reuse.Restored.Count} restored from the cache{(reuse.FullBuildReason is { } reason ? $" ({reason})" : string.Empty)}\n");
            }

            if (report.OutputFilesKept is { } kept)
            {
                console.Error.Write($"output files: {kept.Kept} left in place from the previous output ({kept.Known} known)\n");
            }

            console.Error.Write(FormattableString.Invariant(
                $"gc: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused, {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB allocated\n"));

            // JIT work is a large share of short builds even with ReadyToRun (issue 9): methods compiled at run time
            // (generic instantiations R2R cannot hold, tier-1 recompilation of hot code) and the time spent on them.
            console.Error.Write(FormattableString.Invariant(
                $"jit: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms compiling, {System.Runtime.JitInfo.GetCompiledILBytes() / 1024} KiB of IL\n"));
        }

        return report;
    }
}
