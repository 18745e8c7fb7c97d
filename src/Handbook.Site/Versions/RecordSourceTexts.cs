namespace Handbook.Site.Versions;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Attaches <see cref="VersionKeys.SourceText"/> to every input file a version can be rendered from (pages, partials,
/// grade data: <see cref="HistoricInputFiles"/>), as read (ERB expansion replaces a page's body, never its text) – the
/// text the domain stages read and <see cref="CurrentPages"/> compares with the versions' texts. Runs just before
/// <c>ReadFrontMatter</c>, which in one-shot builds empties each page's text, so versioned one-shot builds can let the
/// texts go too (issue 9).
/// </summary>
public sealed class RecordSourceTexts : PerDocumentStage
{
    public override string Name => nameof(RecordSourceTexts);

    protected override Document? Process(Document document, StageContext context) =>
        document.IsBinary || !HistoricInputFiles.Includes(document.SourcePath)
            ? document
            : document.With(VersionKeys.SourceText, TextFingerprint.Of(document.Content));
}
