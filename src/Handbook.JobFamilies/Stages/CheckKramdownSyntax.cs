namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Kramdown;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;

/// <summary>Reports the kramdown syntax found in each parsed page that the site does not support (KD0xx).</summary>
public sealed class CheckKramdownSyntax : CheckFamilyStage
{
    public override string Name => nameof(CheckKramdownSyntax);

    protected override void Check(JobFamily family, ICollection<Diagnostic> diagnostics) =>
        KramdownFindings.Report(family.Body, family.Locate, diagnostics);
}
