namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Recognises job-family pages by path (<see cref="FamilyPath"/>) and splits each into front matter and Markdown
/// body. Other documents (partials, data files) pass through untouched.
/// </summary>
public sealed class ReadFrontMatter : PerDocumentStage
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
        return document
            .With(JobFamilyKeys.PathInfo, path)
            .With(JobFamilyKeys.FrontMatter, result.FrontMatter)
            .With(JobFamilyKeys.MarkdownBody, result.Body)
            .With(JobFamilyKeys.SourceMap, new SourceMap(path.SourcePath));
    }
}
