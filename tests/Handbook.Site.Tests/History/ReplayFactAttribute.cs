namespace Handbook.Site.Tests.History;

using Handbook.Testing;

/// <summary>
/// A fact that replays the real history with <c>../shared/bench/replay-history.py</c>: it needs the corpus, the
/// bench folder and python3. Skipped with the reason when one is missing – except under <c>CI=true</c>, where the
/// test runs and fails instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReplayFactAttribute : FactAttribute
{
    public ReplayFactAttribute()
    {
        if (SharedCorpus.IsCi)
        {
            return;
        }

        if (CorpusFolder is null || !File.Exists(ScriptPath))
        {
            Skip = "the real corpus ../shared/corpus or ../shared/bench/replay-history.py is not on this machine";
        }
        else if (Python is null)
        {
            Skip = "python3 is not on the PATH (needed to replay the corpus history)";
        }
    }

    /// <summary>
    /// The <c>shared/corpus</c> folder: <see cref="SharedCorpus.Folder"/>, or else the nearest <c>shared/corpus</c>
    /// found walking up from the repository root (a git worktree such as <c>/work/wt/NAME</c> sits one level deeper
    /// than the main checkout, so the sibling test of <see cref="SharedCorpus"/> misses it there).
    /// </summary>
    public static string? CorpusFolder { get; } = SharedCorpus.Folder ?? FindUpwards();

    public static string ScriptPath => Path.Combine(CorpusFolder is null ? string.Empty : Path.GetDirectoryName(CorpusFolder)!, "bench", "replay-history.py");

    public static string ReplayPlan => Path.Combine(CorpusFolder ?? string.Empty, "gitlab-job-families-history", "REPLAY.tsv");

    /// <summary>The python3 executable on the PATH, or null.</summary>
    public static string? Python { get; } = FindPython();

    private static string? FindUpwards()
    {
        for (var dir = new DirectoryInfo(SharedCorpus.RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? FindPython() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "python3"))
            .FirstOrDefault(File.Exists);
}
