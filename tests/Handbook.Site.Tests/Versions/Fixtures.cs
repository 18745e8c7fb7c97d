namespace Handbook.Site.Tests.Versions;

/// <summary>Small made-up pages and grade files for versioned-build tests (own wording, not from the corpus).</summary>
internal static class Fixtures
{
    public const string GradesPath = "data/job-grades.yml";

    public static string Grades(params string[] ids) =>
        "grades:\n" + string.Concat(ids.Select(id => $"  - id: {id}\n    title: \"Title {id}\"\n"));

    /// <summary>A family with one level "Senior &lt;title&gt;" at <paramref name="grade"/> and its responsibilities.</summary>
    public static string Family(string title, string grade, params string[] responsibilities) =>
        $"---\ntitle: \"{title}\"\ndescription: \"People who look after {title.ToLowerInvariant()} work.\"\n---\n\n"
        + $"## Levels\n\n### Senior {title}\n\nThe Senior {title} is a [grade {grade}](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n"
        + "#### Responsibilities\n\n"
        + string.Concat(responsibilities.Select(r => $"* {r}\n"));
}
