namespace Handbook.Site.Versions;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Attaches <see cref="VersionKeys.SourceText"/> to every input file a version can be rendered from (pages, partials,
/// grade data: <see cref="HistoricInputFiles"/>), as its text is after ERB expansion – the text the domain stages
/// parse and <see cref="CurrentPages"/> compares with the versions' texts. Runs just before <c>ParseJobFamilies</c>,
/// which in one-shot builds empties each page's text once parsed, so versioned one-shot builds can let the texts go
/// too (issue 9).
/// </summary>
public sealed class RecordSourceTexts : PerDocumentStage
{
    public override string Name => nameof(RecordSourceTexts);

    protected override Document? Process(Document document, StageContext context) =>
        document.IsBinary || !HistoricInputFiles.Includes(document.SourcePath)
            ? document
            : document.With(VersionKeys.SourceText, TextFingerprint.Of(document.Content));
}
