namespace Handbook.Site.Tests.Versions;

/// <summary>Small made-up pages and grade files for versioned-build tests (own wording, not from the corpus).</summary>
internal static class Fixtures
{
    public const string GradesPath = "data/job-grades.yml";

    public static string Grades(params string[] ids) =>
        "grades:\n" + string.Concat(ids.Select(id => $"  - id: {id}\n    title: \"Title {id}\"\n"));

    /// <summary>A job-family page titled <paramref name="title"/> (with the <c>job_family_page</c> layout) whose body is a line and then <paramref name="body"/>.</summary>
    public static string Page(string title, string body) =>
        $"---\nlayout: job_family_page\ntitle: {title}\n---\n\nThe {title} team.\n\n{body}";

    /// <summary>A role heading <paramref name="name"/> with a "&lt;name&gt; Responsibilities" section of <paramref name="bullets"/>, for <see cref="Page"/>.</summary>
    public static string Role(string name, params string[] bullets) =>
        $"## {name}\n\n### {name} Responsibilities\n\n{string.Concat(bullets.Select(b => $"* {b}\n"))}\n";

    /// <summary>A family with one level "Senior &lt;title&gt;" at <paramref name="grade"/> and its responsibilities.</summary>
    public static string Family(string title, string grade, params string[] responsibilities) =>
        $"---\ntitle: \"{title}\"\ndescription: \"People who look after {title.ToLowerInvariant()} work.\"\n---\n\n"
        + $"## Levels\n\n### Senior {title}\n\nThe Senior {title} is a [grade {grade}](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n"
        + "#### Responsibilities\n\n"
        + string.Concat(responsibilities.Select(r => $"* {r}\n"));
}
