namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Sanitizing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Turns every inline "tag" that is no HTML element (<c>&lt;Speciality&gt;</c> in running text) into literal text, as
/// <see cref="CheckContentSafety"/> does, without its checks and diagnostics. For renders whose diagnostics are not the
/// build's (old versions of a page): without it the sanitizer would drop the tag and an old version would miss a word
/// the page showed.
/// </summary>
public sealed class ShowStrayTagsAsText : CheckFamilyStage
{
    public override string Name => nameof(ShowStrayTagsAsText);

    protected override void Check(JobFamily family, ICollection<Diagnostic> diagnostics) =>
        ContentSafetyPass.ShowStrayTagsAsText(family.Body);
}
