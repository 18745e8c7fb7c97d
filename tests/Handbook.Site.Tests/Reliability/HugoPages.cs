namespace Handbook.Site.Tests.Reliability;

using Handbook.Testing;

/// <summary>
/// Finds real Hugo-era job-family pages to make mistakes in (CC BY-SA: read in place, never copied into the project):
/// the folder named by <c>HANDBOOK_HUGO_PAGES</c> (a <c>job-families/</c> tree and, optionally,
/// <c>data/job-grades.yml</c>), else the shared corpus's small Hugo sample. Null when neither is there: the tests that
/// need them are skipped and say why – except in CI (<c>CI=true</c>), where the shared corpus must be present.
/// </summary>
public static class HugoPages
{
    private static readonly Lazy<(string JobFamilies, string? Grades)?> Found = new(Find);

    /// <summary>The folder holding the pages (its files are below <c>job-families/</c> in the input), or null.</summary>
    public static string? JobFamiliesFolder => Found.Value?.JobFamilies;

    /// <summary>The grade table that goes with them, or null (the shared sample has none: the shared calculator's is imported).</summary>
    public static string? GradesFile => Found.Value?.Grades;

    /// <summary>
    /// True when the pages are the shared corpus's three-page sample, which CI has: too few pages for every catalogued
    /// mistake to fit one (a bare ref name two pages share, for one), so a mistake that fits none is listed with 0 pages.
    /// </summary>
    public static bool IsSharedSample => Found.Value is { } found && SharedCorpus.Folder is { } corpus
        && string.Equals(found.JobFamilies, Path.Combine(corpus, "gitlab-job-families-hugo-sample"), StringComparison.Ordinal);

    public const string MissingReason = "no real Hugo-era pages on this machine (HANDBOOK_HUGO_PAGES or the shared corpus's Hugo sample)";

    private static (string, string?)? Find()
    {
        var named = Environment.GetEnvironmentVariable("HANDBOOK_HUGO_PAGES");
        if (!string.IsNullOrEmpty(named) && Directory.Exists(Path.Combine(named, "job-families")))
        {
            return Layout(named);
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

/// <summary>A fact that needs <see cref="HugoPages"/>: skipped, saying why, when there are none (outside CI).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HugoPagesFactAttribute : FactAttribute
{
    public HugoPagesFactAttribute()
    {
        // In CI a missing set fails (the test then runs and finds no pages) instead of passing as skipped.
        if (HugoPages.JobFamiliesFolder is null && !SharedCorpus.IsCi)
        {
            Skip = HugoPages.MissingReason;
        }
    }
}
