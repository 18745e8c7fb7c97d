namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.Testing;

/// <summary>
/// The real corpus for the grade tests. <see cref="SharedCorpus"/> looks only beside the repository root; a git
/// worktree sits one folder deeper (<c>/work/wt/grades</c> next to <c>/work/shared</c>), so this also looks
/// beside every ancestor folder before giving up.
/// </summary>
internal static class GradeCorpus
{
    private static readonly Lazy<string?> Root = new(() => SharedCorpus.Folder ?? FindAbove(SharedCorpus.RepositoryRoot));

    public static string? Folder => Root.Value;

    public static string? BenchFolder => Folder is null ? null : Path.Combine(Path.GetDirectoryName(Folder)!, "bench");

    public static string PathOf(string relative) =>
        Path.Combine(Folder ?? throw new InvalidOperationException("the shared corpus is missing"), relative);

    private static string? FindAbove(string start)
    {
        for (var dir = new DirectoryInfo(start).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact needing the real corpus: skipped with the reason when it is missing, except under <c>CI=true</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class GradeCorpusFactAttribute : FactAttribute
{
    public GradeCorpusFactAttribute()
    {
        if (GradeCorpus.Folder is null && !SharedCorpus.IsCi)
        {
            Skip = "the real corpus shared/corpus is not on this machine";
        }
    }
}
