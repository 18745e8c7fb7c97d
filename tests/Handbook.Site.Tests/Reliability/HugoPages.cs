namespace Handbook.Site.Tests.Reliability;

using Handbook.Testing;

/// <summary>
/// Finds real Hugo-era job-family pages to make mistakes in (CC BY-SA: read in place, never copied into the project):
/// the folder named by <c>HANDBOOK_HUGO_PAGES</c>, else a <c>scratch/hugoall</c> folder above the repository (a
/// <c>job-families/</c> tree and <c>data/job-grades.yml</c>, as laid out on the developers' machine), else the
/// shared corpus's small Hugo sample. Null when none is there: the tests that need them are skipped and say why.
/// </summary>
public static class HugoPages
{
    private static readonly Lazy<(string JobFamilies, string? Grades)?> Found = new(Find);

    /// <summary>The folder holding the pages (its files are below <c>job-families/</c> in the input), or null.</summary>
    public static string? JobFamiliesFolder => Found.Value?.JobFamilies;

    /// <summary>The grade table that goes with them, or null (the site is then built without grade data).</summary>
    public static string? GradesFile => Found.Value?.Grades;

    public const string MissingReason = "no real Hugo-era pages on this machine (HANDBOOK_HUGO_PAGES, ../scratch/hugoall or the shared corpus's Hugo sample)";

    private static (string, string?)? Find()
    {
        var named = Environment.GetEnvironmentVariable("HANDBOOK_HUGO_PAGES");
        if (!string.IsNullOrEmpty(named) && Directory.Exists(Path.Combine(named, "job-families")))
        {
            return Layout(named);
        }

        for (var dir = new DirectoryInfo(SharedCorpus.RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scratch", "hugoall");
            if (Directory.Exists(Path.Combine(candidate, "job-families")))
            {
                return Layout(candidate);
            }
        }

        return SharedCorpus.Folder is { } corpus && Directory.Exists(Path.Combine(corpus, "gitlab-job-families-hugo-sample"))
            ? (Path.Combine(corpus, "gitlab-job-families-hugo-sample"), null)
            : null;
    }

    private static (string, string?) Layout(string root)
    {
        var grades = Path.Combine(root, "data", "job-grades.yml");
        return (Path.Combine(root, "job-families"), File.Exists(grades) ? grades : null);
    }
}

/// <summary>A fact that needs <see cref="HugoPages"/>: skipped, saying why, when there are none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HugoPagesFactAttribute : FactAttribute
{
    public HugoPagesFactAttribute()
    {
        if (HugoPages.JobFamiliesFolder is null)
        {
            Skip = HugoPages.MissingReason;
        }
    }
}
