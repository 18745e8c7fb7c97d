namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Sanitizing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Reports, at its source position, every piece of raw HTML or URL the sanitizer will remove from a page (HTML0xx),
/// so authors learn why something is missing (<see cref="ContentSafetyPass"/>). The removal itself happens when
/// the body is rendered (<see cref="RenderBodyHtml"/>).
/// </summary>
public sealed class CheckContentSafety : PerDocumentStage
{
    public override string Name => nameof(CheckContentSafety);

    protected override Document? Process(Document document, StageContext context)
    {
        if (document.TryGet(JobFamilyKeys.Family, out var family))
        {
            var diagnostics = new List<Diagnostic>();
            ContentSafetyPass.Check(family.Body, family.Locate, diagnostics);
            context.Diagnostics.ReportAll(diagnostics);
        }

        return document;
    }
}
