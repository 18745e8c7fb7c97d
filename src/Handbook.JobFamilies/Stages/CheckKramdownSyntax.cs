namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Kramdown;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>Reports the kramdown syntax found in each parsed page that the site does not support (KD0xx).</summary>
public sealed class CheckKramdownSyntax : PerDocumentStage
{
    public override string Name => nameof(CheckKramdownSyntax);

    protected override Document? Process(Document document, StageContext context)
    {
        if (document.TryGet(JobFamilyKeys.Family, out var family))
        {
            var diagnostics = new List<Diagnostic>();
            KramdownFindings.Report(family.Body, family.Locate, diagnostics);
            context.Diagnostics.ReportAll(diagnostics);
        }

        return document;
    }
}
