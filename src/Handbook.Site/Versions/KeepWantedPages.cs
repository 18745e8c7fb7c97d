namespace Handbook.Site.Versions;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// In a historic build, drops the documents that were only there as context (linked pages, partials, grade data)
/// once "extends" is expanded, so badges and body HTML are made only for the versions being rendered.
/// </summary>
public sealed class KeepWantedPages(IReadOnlySet<string> wanted) : WholeSetStage
{
    public override string Name => nameof(KeepWantedPages);

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context) =>
        documents.Where(d => wanted.Contains(d.SourcePath)).ToList();
}
