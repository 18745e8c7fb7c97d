namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Export;

/// <summary>
/// One-shot builds only: replaces each family by a copy without its Markdown tree
/// (<see cref="SyntaxTreeRelease.WithoutSyntaxTree"/>), once the body is rendered and nothing else edits or renders
/// the tree. The few facts later stages read from it (diagrams, authored links, Career Ladder links) are recorded on
/// the copy first. The expanded trees were the largest thing a build held to its end (issue 9: about 480 MiB at
/// synthetic N = 1000). The preview does not run this stage: its incremental runs start again from earlier stages'
/// documents, which keep their trees.
/// </summary>
public sealed class ReleaseSyntaxTrees : PerDocumentStage
{
    public override string Name => nameof(ReleaseSyntaxTrees);

    /// <summary>What the stages after this one would read from the family's tree.</summary>
    public static BodyFacts FactsOf(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return new BodyFacts(
            MermaidBlocks.Any(family.Body),
            LinkFinder.Find(family),
            CareerLadderLinks.Find(family.CareerLadder).Select(l => new LabeledLink(l.Text, l.Url)).ToList());
    }

    protected override Document? Process(Document document, StageContext context) =>
        document.TryGet(JobFamilyKeys.Family, out var family) && family.BodyFacts is null
            ? document.With(JobFamilyKeys.Family, SyntaxTreeRelease.WithoutSyntaxTree(family, FactsOf(family)))
            : document;
}
