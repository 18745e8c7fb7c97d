namespace Handbook.JobFamilies;

using Markdig;

/// <summary>
/// How the job-families plugin reads its input. Paths are input-relative and '/'-separated, like document paths.
/// </summary>
public sealed record JobFamiliesOptions
{
    /// <summary>The folder below the input root that holds the pages (its URL prefix is the same).</summary>
    public string SectionFolder { get; init; } = "job-families";

    /// <summary>The grade data file (absent: grade links are checked against nothing and reported unresolved).</summary>
    public string GradesDataPath { get; init; } = "data/job-grades.yml";

    /// <summary>The redirects data file used when checking links between pages.</summary>
    public string RedirectsDataPath { get; init; } = "data/redirects.yml";

    /// <summary>Markdig extensions added to the site's pipeline after the built-in ones (kramdown syntax, Mermaid, …).</summary>
    public IReadOnlyList<IMarkdownExtension> MarkdownExtensions { get; init; } = [];

    /// <summary>
    /// Whether <c>RenderBodyHtml</c> replaces each family by a copy without its Markdown tree once its body is
    /// rendered (<see cref="Model.SyntaxTreeRelease"/>). For one-shot builds, which run no incremental build after
    /// this one: the tree is the largest thing a family holds (issue 9, peak memory). Off by default (the preview).
    /// </summary>
    public bool ReleasesSyntaxTrees { get; init; }
}
