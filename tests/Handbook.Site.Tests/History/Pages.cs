namespace Handbook.Site.Tests.History;

/// <summary>Small made-up job-family pages for history tests (own wording, not from the corpus).</summary>
internal static class Pages
{
    public static string Family(string title, params string[] responsibilities) =>
        $"---\ntitle: \"{title}\"\n---\n\n## Levels\n\n### {title}\n\nThe {title} is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n#### Responsibilities\n\n"
        + string.Concat(responsibilities.Select(r => $"* {r}\n"));

    public static string Grades(params (string Id, string Title)[] grades) =>
        "grades:\n" + string.Concat(grades.Select(g => $"  - id: {g.Id}\n    title: \"{g.Title}\"\n"));
}
