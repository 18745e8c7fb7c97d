namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Parses each page's (ERB-expanded) body into the <see cref="Model.JobFamily"/> model. With
/// <paramref name="releasesSourceText"/> (one-shot builds, <see cref="JobFamiliesOptions.ReleasesSourceText"/>) the
/// page document's content, the file as read, is emptied: the parsed body (<see cref="JobFamilyKeys.MarkdownBody"/>)
/// is what the tree refers to, and nothing after <see cref="ExpandErb"/> reads the file text.
/// </summary>
public sealed class ParseJobFamilies(JobFamilyParser parser, bool releasesSourceText = false) : PerDocumentStage
{
    public override string Name => nameof(ParseJobFamilies);

    protected override Document? Process(Document document, StageContext context)
    {
        if (!document.TryGet(JobFamilyKeys.PathInfo, out var path)
            || !document.TryGet(JobFamilyKeys.FrontMatter, out var frontMatter)
            || !document.TryGet(JobFamilyKeys.MarkdownBody, out var body)
            || !document.TryGet(JobFamilyKeys.SourceMap, out var map))
        {
            return document;
        }

        var diagnostics = new List<Diagnostic>();
        var family = parser.Parse(path.SourcePath, frontMatter, body, map, diagnostics);
        context.Diagnostics.ReportAll(diagnostics);
        var parsed = document.With(JobFamilyKeys.Family, family);
        return releasesSourceText ? parsed with { Content = string.Empty } : parsed;
    }
}
