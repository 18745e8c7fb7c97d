namespace Handbook.Site.Tests.History;

using System.Diagnostics;
using LibGit2Sharp;

/// <summary>
/// The real history replayed once per test class by <c>replay-history.py</c> into a temp repository (the replay
/// takes seconds; the walks under test take milliseconds), with <c>data/job-grades.yml</c> a copy of the grade
/// table page of the same commit. Nothing is replayed when the replay tests are skipped.
/// </summary>
public sealed class ReplayedHistory : IDisposable
{
    private readonly Lazy<(string Log, List<string> Commits)> _replay;

    public ReplayedHistory()
    {
        Folder = Path.Combine(Path.GetTempPath(), "hb-replay-" + Guid.NewGuid().ToString("N"));
        _replay = new Lazy<(string, List<string>)>(Run);
    }

    public string Folder { get; }

    /// <summary>What the script printed and how long it took.</summary>
    public string Log => _replay.Value.Log;

    /// <summary>The replayed commits oldest first (the repository is linear: one commit per plan group, in order).</summary>
    public IReadOnlyList<string> CommitsOldestFirst => _replay.Value.Commits;

    public void Dispose() => TestRepository.DeleteFolder(Folder);

    private (string, List<string>) Run()
    {
        var start = new ProcessStartInfo(ReplayFactAttribute.Python ?? "python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(ReplayFactAttribute.ScriptPath);
        start.ArgumentList.Add(Folder);

        // The grade "data" of each commit is a verbatim copy of that commit's compensation-calculator page: the
        // history layer does not parse it, it only has to pair each version with the grade file of its commit.
        start.ArgumentList.Add("--grades-cmd");
        start.ArgumentList.Add("cp {page} {out}");
        var clock = Stopwatch.StartNew();
        using var python = Process.Start(start)!;
        var error = python.StandardError.ReadToEndAsync();
        var printed = python.StandardOutput.ReadToEnd().Trim();
        python.WaitForExit();
        if (python.ExitCode != 0)
        {
            throw new InvalidOperationException("replay-history.py failed: " + error.Result);
        }

        using var repo = new Repository(Folder);
        var commits = repo.Commits
            .QueryBy(new CommitFilter { SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse })
            .Select(c => c.Sha)
            .ToList();
        return ($"{printed} ({clock.ElapsedMilliseconds} ms)", commits);
    }
}
