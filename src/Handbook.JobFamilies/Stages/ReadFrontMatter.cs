namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
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
        if (document.IsBinary || !FamilyPath.TryParse(document.SourcePath, out var path))
        {
            return document;
        }

        var result = FrontMatterReader.Read(path.SourcePath, document.Content);
        context.Diagnostics.ReportAll(result.Diagnostics);
        var read = document
            .With(JobFamilyKeys.PathInfo, path)
            .With(JobFamilyKeys.FrontMatter, result.FrontMatter)
            .With(JobFamilyKeys.MarkdownBody, result.Body)
            .With(JobFamilyKeys.SourceMap, new SourceMap(path.SourcePath));
        return releasesSourceText ? read with { Content = string.Empty } : read;
    }
}
