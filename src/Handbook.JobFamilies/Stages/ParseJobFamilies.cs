namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Parses each page's (ERB-expanded) body into the <see cref="Model.JobFamily"/> model. One-shot builds have already
/// emptied the page's file text (<see cref="ReadFrontMatter"/>, <see cref="JobFamiliesOptions.ReleasesSourceText"/>):
/// the parsed body (<see cref="JobFamilyKeys.MarkdownBody"/>) is what the tree refers to.
/// </summary>
public sealed class ParseJobFamilies(JobFamilyParser parser) : PerDocumentStage
{
    public override string Name => nameof(ParseJobFamilies);

    /// <summary>Whether <paramref name="document"/> is a page this stage parses (what its reading stages gave it).</summary>
    public static bool Parses(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Metadata.Contains(JobFamilyKeys.PathInfo)
            && document.Metadata.Contains(JobFamilyKeys.FrontMatter)
            && document.Metadata.Contains(JobFamilyKeys.MarkdownBody)
            && document.Metadata.Contains(JobFamilyKeys.SourceMap);
    }

    protected override Document? Process(Document document, StageContext context)
    {
        if (!document.TryGet(JobFamilyKeys.PathInfo, out var path)
            || !document.TryGet(JobFamilyKeys.FrontMatter, out var frontMatter)
            || !ParkedMarkdown.TryGetText(document, out var body)
            || !document.TryGet(JobFamilyKeys.SourceMap, out var map))
        {
            return document;
        }

        var diagnostics = new List<Diagnostic>();
        var family = parser.Parse(path.SourcePath, frontMatter, body, map, diagnostics);
        context.Diagnostics.ReportAll(diagnostics);

        // The tree refers to the body it was parsed from: a parked page hands it on as its body (the batches unpark a
        // page before parsing it, so only a page parked outside them gets here parked).
        var parsed = ParkedMarkdown.Of(document) is null ? document : ParkedMarkdown.Unparked(document, body);
        return parsed.With(JobFamilyKeys.Family, family);
    }
}
