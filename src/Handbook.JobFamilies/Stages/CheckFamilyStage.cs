namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// A per-page pass that only reads or edits the parsed <see cref="JobFamily"/> and reports diagnostics: it runs on
/// every document that has one and passes the others through, so each check is just its one domain call.
/// </summary>
public abstract class CheckFamilyStage : PerDocumentStage
{
    protected abstract void Check(JobFamily family, ICollection<Diagnostic> diagnostics);

    protected sealed override Document? Process(Document document, StageContext context)
    {
        if (document.TryGet(JobFamilyKeys.Family, out var family))
        {
            var diagnostics = new List<Diagnostic>();
            Check(family, diagnostics);
            context.Diagnostics.ReportAll(diagnostics);
        }

        return document;
    }
}
