namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Sanitizing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Reports, at its source position, every piece of raw HTML or URL the sanitizer will remove from a page (HTML0xx),
/// so authors learn why something is missing (<see cref="ContentSafetyPass"/>). The removal itself happens when
/// the body is rendered (<see cref="RenderBodyHtml"/>).
/// </summary>
public sealed class CheckContentSafety : CheckFamilyStage
{
    public override string Name => nameof(CheckContentSafety);

    protected override void Check(JobFamily family, ICollection<Diagnostic> diagnostics) =>
        ContentSafetyPass.Check(family.Body, family.Locate, diagnostics);
}
