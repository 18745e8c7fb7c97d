namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Recognises job-family pages by path (<see cref="FamilyPath"/>) and splits each into front matter and Markdown
/// body. Other documents (partials, data files) pass through untouched. With <paramref name="releasesSourceText"/>
/// (one-shot builds, <see cref="JobFamiliesOptions.ReleasesSourceText"/>) a page document's content, the file as read,
/// is emptied right here: every later pass reads the body (<see cref="JobFamilyKeys.MarkdownBody"/>), and ERB includes
/// (<see cref="ExpandErb"/>) only name partials (<c>_name</c>), which are never pages.
/// </summary>
/// <remarks>
/// Until the tenth session the text was emptied only once the page was parsed, so from here to the end of
/// <c>ParseJobFamilies</c> every page was held twice in UTF-16, as read and as body (issue 9: ≈ 1.1 GB resident after
/// this stage at synthetic N = 10000, for 233 MB of Markdown).
/// </remarks>
public sealed class ReadFrontMatter(bool releasesSourceText = false) : PerDocumentStage
{
    public override string Name => nameof(ReadFrontMatter);

    protected override Document? Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A page split when its file was read (SplitFrontMatterWhenRead) is already what this stage makes of it.
        return document.TryGet(JobFamilyKeys.PathInfo, out _) ? document : Split(document, context.Diagnostics, releasesSourceText);
    }

    /// <summary>
    /// What this stage makes of <paramref name="document"/>: a job-family page split into front matter and body (its
    /// text emptied with <paramref name="releasesSourceText"/>), anything else unchanged.
    /// </summary>
    internal static Document Split(Document document, DiagnosticBag diagnostics, bool releasesSourceText)
    {
        if (document.IsBinary || !FamilyPath.TryParse(document.SourcePath, out var path))
        {
            return document;
        }

        var result = FrontMatterReader.Read(path.SourcePath, document.Content);
        diagnostics.ReportAll(result.Diagnostics);
        var read = document
            .With(JobFamilyKeys.PathInfo, path)
            .With(JobFamilyKeys.FrontMatter, result.FrontMatter)
            .With(JobFamilyKeys.MarkdownBody, result.Body)
            .With(JobFamilyKeys.SourceMap, new SourceMap(path.SourcePath));
        return releasesSourceText ? read with { Content = string.Empty } : read;
    }
}
