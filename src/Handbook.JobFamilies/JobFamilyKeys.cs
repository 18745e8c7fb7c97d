namespace Handbook.JobFamilies;

using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Documents;

/// <summary>
/// The metadata the job-families stages attach to a page document, declared once so every stage (and the app's
/// theme) reads the same typed keys. Each key is set by exactly one stage, named in its summary.
/// </summary>
public static class JobFamilyKeys
{
    /// <summary>Identity of a page derived from its path: slug, department, URL, index/ERB flags (set by <c>ReadFrontMatter</c>).</summary>
    public static readonly MetadataKey<FamilyPathInfo> PathInfo = new("job-families.path-info");

    /// <summary>The page's front matter (set by <c>ReadFrontMatter</c>).</summary>
    public static readonly MetadataKey<FrontMatter> FrontMatter = new("job-families.front-matter");

    /// <summary>The Markdown body below the front matter; ERB-expanded for <c>.erb</c> pages (set by <c>ReadFrontMatter</c>, replaced by <c>ExpandErb</c>).</summary>
    public static readonly MetadataKey<string> MarkdownBody = new("job-families.markdown-body");

    /// <summary>
    /// The Markdown body kept compressed while nothing reads it (<see cref="Stages.ParkedMarkdown"/>; set when a page is
    /// split as its file is read in a batched one-shot build, <see cref="Stages.SplitFrontMatterWhenRead"/>, and
    /// cleared, set to null, by the batches): when set, <see cref="MarkdownBody"/> is empty. Read a body through
    /// <see cref="Stages.ParkedMarkdown.TryGetText"/>.
    /// </summary>
    public static readonly MetadataKey<Stages.ParkedMarkdown?> ParkedMarkdownBody = new("job-families.parked-markdown-body");

    /// <summary>Maps lines of <see cref="MarkdownBody"/> back to the files they came from (set with the body).</summary>
    public static readonly MetadataKey<SourceMap> SourceMap = new("job-families.source-map");

    /// <summary>
    /// The folders (below <c>job-families/</c>) whose families the page lists itself through
    /// <c>&lt;%= job_families('…') %&gt;</c> (set by <c>ExpandErb</c>), so the theme does not list them twice.
    /// </summary>
    public static readonly MetadataKey<IReadOnlyList<string>> ListedFolders = new("job-families.listed-folders");

    /// <summary>The grade table read from the grade data file, set on that file's document (by <c>ResolveGrades</c>).</summary>
    public static readonly MetadataKey<GradeTable> GradeTable = new("job-families.grade-table");

    /// <summary>The parsed page (set by <c>ParseJobFamilies</c>, enriched in place by the later passes).</summary>
    public static readonly MetadataKey<JobFamily> Family = new("job-families.family");

    /// <summary>The page body rendered to HTML (set by <c>RenderBodyHtml</c>).</summary>
    public static readonly MetadataKey<string> BodyHtml = new("job-families.body-html");

    /// <summary>
    /// The page body rendered to HTML as UTF-8 bytes, when the build keeps it so (<see cref="JobFamiliesOptions.KeepsBodyHtmlAsUtf8"/>;
    /// set by <c>RenderBodyHtml</c>, then <see cref="BodyHtml"/> is empty). Read it through <see cref="Stages.RenderedBody"/>.
    /// </summary>
    public static readonly MetadataKey<byte[]> BodyHtmlUtf8 = new("job-families.body-html-utf8");

    /// <summary>
    /// The page body still to be rendered, when the build leaves that to the theme (<see cref="JobFamiliesOptions.DefersBodyHtml"/>;
    /// set by <c>RenderBodyHtml</c>, with an empty <see cref="BodyHtml"/>). Rendered once, by the stage that renders the page.
    /// </summary>
    public static readonly MetadataKey<Stages.DeferredBody> DeferredBody = new("job-families.deferred-body");
}
