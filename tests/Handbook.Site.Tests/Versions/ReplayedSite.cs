namespace Handbook.Site.Tests.Versions;

using System.Diagnostics;
using Handbook.Site.Building;
using Handbook.Site.Tests.History;
using Handbook.Site.Tests.Support;
using LibGit2Sharp;

/// <summary>
/// The real history replayed once per test class by <c>replay-history.py</c>, with each commit's
/// <c>data/job-grades.yml</c> made by our own <c>import-grades</c> from that commit's compensation-calculator page,
/// then built once with history on. The calculator page changes three times in 92 commits, so the grades command
/// converts each distinct page once (memoised by its hash) instead of starting the tool 92 times.
/// </summary>
public sealed class ReplayedSite : IDisposable
{
    /// <summary>The test collection sharing one replay (the replay takes long on a busy machine: it runs git 184 times).</summary>
    public const string Collection = "replayed history";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "hb-replay-site-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<Task> _replay;
    private readonly Lazy<Task<BuildReport>> _build;

    public ReplayedSite()
    {
        _replay = new Lazy<Task>(ReplayAsync);
        _build = new Lazy<Task<BuildReport>>(BuildAsync);
    }

    public string Repository => Path.Combine(_root, "repo");

    public string Output => Path.Combine(_root, "output");

    /// <summary>What the script printed, and how long the replay and the build took.</summary>
    public string Log { get; private set; } = string.Empty;

    /// <summary>The replayed commits oldest first (the replay is linear: one commit per plan group, in order).</summary>
    public IReadOnlyList<(string Sha, DateTimeOffset When)> CommitsOldestFirst { get; private set; } = [];

    /// <summary>Replays the history (once); the repository is then in <see cref="Repository"/>.</summary>
    public Task Replayed => _replay.Value;

    /// <summary>Replays (once) and builds the versioned site (once) into <see cref="Output"/>.</summary>
    public Task<BuildReport> Build => _build.Value;

    /// <summary>The replayed commits' shas, oldest first.</summary>
    public IReadOnlyList<string> ShasOldestFirst => CommitsOldestFirst.Select(c => c.Sha).ToList();

    public string Read(string url) => File.ReadAllText(Path.Combine(Output, url.Trim('/'), "index.html"));

    public bool Exists(string url) => File.Exists(Path.Combine(Output, url.Trim('/'), "index.html"));

    public void Dispose() => TestRepository.DeleteFolder(_root);

    private async Task ReplayAsync()
    {
        var memo = Path.Combine(_root, "grades");
        Directory.CreateDirectory(memo);
        var tool = Path.Combine(AppContext.BaseDirectory, "Handbook.Site.dll");
        var grades = $"h=$(sha1sum {{page}} | cut -c1-40); f='{memo}'/$h.yml; [ -f \"$f\" ] || dotnet '{tool}' import-grades {{page}} --output \"$f\"; cp \"$f\" {{out}}";

        var start = new ProcessStartInfo(ReplayFactAttribute.Python ?? "python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(ReplayFactAttribute.ScriptPath);
        start.ArgumentList.Add(Repository);
        start.ArgumentList.Add("--grades-cmd");
        start.ArgumentList.Add(grades);
        var clock = Stopwatch.StartNew();
        using (var python = Process.Start(start)!)
        {
            var error = python.StandardError.ReadToEndAsync();
            var printed = (await python.StandardOutput.ReadToEndAsync().ConfigureAwait(false)).Trim();
            await python.WaitForExitAsync().ConfigureAwait(false);
            if (python.ExitCode != 0)
            {
                throw new InvalidOperationException("replay-history.py failed: " + await error.ConfigureAwait(false));
            }

            Log = $"{printed} in {clock.ElapsedMilliseconds} ms";
        }

        using (var repo = new LibGit2Sharp.Repository(Repository))
        {
            CommitsOldestFirst = repo.Commits
                .QueryBy(new CommitFilter { SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse })
                .Select(c => (c.Sha, c.Committer.When))
                .ToList();
        }
    }

    private async Task<BuildReport> BuildAsync()
    {
        await Replayed.ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = Repository,
            OutputFolder = Output,
            ThemeFolder = TestTheme.Folder,
            KeepGoing = true, // the real pages at HEAD have errors (e.g. the stale grade 9.5 links)
        }).ConfigureAwait(false);
        Log += $"; build with history {clock.ElapsedMilliseconds} ms ({report.PageCount} pages; versions {report.Versions})";
        return report;
    }
}
