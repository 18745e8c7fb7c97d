namespace Handbook.JobFamilies.Links;

using System.Text;
using System.Text.RegularExpressions;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Limits;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// The links of a Career Ladder section: Markdown links (in page order) and the targets of Mermaid
/// <c>click node "/url"</c> lines, which is how the ladder diagrams link to other families (REPORT.md §7).
/// The JSON export and the ladder pages list them (<c>Handbook.Site.Export.CareerLadderLinks</c>); a one-shot build
/// records them before it lets the family's tree go (<see cref="BodyFacts"/>).
/// </summary>
public static partial class CareerLadderLinkFinder
{
    public static IReadOnlyList<LabeledLink> Find(Section? section)
    {
        var links = new List<LabeledLink>();
        if (section is not null)
        {
            Collect(section, links);
        }

        return links;
    }

    private static void Collect(Section section, List<LabeledLink> links)
    {
        foreach (var block in section.Blocks)
        {
            if (block is FencedCodeBlock code && string.Equals(code.Info, "mermaid", StringComparison.OrdinalIgnoreCase))
            {
                links.AddRange(MermaidClicks(code.Lines.ToString()));
                continue;
            }

            foreach (var link in LinksIn(block).Where(l => !l.IsImage && !string.IsNullOrEmpty(l.Url)))
            {
                links.Add(new LabeledLink(TextOf(link), link.Url!));
            }
        }

        foreach (var child in section.Children)
        {
            // "## Career paths" › "### In role levels" › the levels: their grade and framework links are the
            // levels' own text, not steps of the ladder. So is a role written under the ladder heading ("## Career
            // Ladder" › "### Widget Manager" › "#### Widget Manager Job Grade", or flat: "### Widget Manager Job Grade").
            if (child.Kind is not (SectionKind.Levels or SectionKind.Specialties) && !IsRolesOwnText(child))
            {
                Collect(child, links);
            }
        }
    }

    private static bool IsRolesOwnText(Section child) =>
        child.Kind is SectionKind.JobGrade or SectionKind.Responsibilities or SectionKind.Requirements
            or SectionKind.NiceToHaves or SectionKind.PerformanceIndicators
        || child.Children.Any(c => c.Kind == SectionKind.JobGrade);

    /// <summary>Links inside a block: Markdig keeps inlines on leaf blocks, so walk leaves, then their inlines.</summary>
    private static IEnumerable<LinkInline> LinksIn(Block block)
    {
        // Inherited bullets shown in place are an item without children that stands for their copies: it has the leaves
        // of each copy (the marker's link, then the source's), where the copies' would be in page order.
        IEnumerable<Block> leavesAndRuns = block switch
        {
            InheritedBulletRun run => [run],
            LeafBlock leaf => [leaf],
            ContainerBlock container => container.Descendants<Block>().Where(b => b is LeafBlock or InheritedBulletRun),
            _ => [],
        };
        return leavesAndRuns
            .SelectMany(b => b is InheritedBulletRun run ? CopiedLeaves(run) : [(LeafBlock)b])
            .Where(l => l.Inline is not null)
            .SelectMany(l => l.Inline!.Descendants<LinkInline>());
    }

    private static IEnumerable<LeafBlock> CopiedLeaves(InheritedBulletRun run) =>
        Enumerable.Range(0, run.Bullets.Count).SelectMany(i => run.Materialize(i).Descendants<LeafBlock>());

    private static string TextOf(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return WhiteSpace().Replace(text.ToString(), " ").Trim();
    }

    private static IEnumerable<LabeledLink> MermaidClicks(string source)
    {
        var lines = source.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith("%%", StringComparison.Ordinal)).ToList();
        foreach (var line in lines)
        {
            var click = MermaidClick().Match(line);
            if (click.Success)
            {
                var node = click.Groups["node"].Value;
                yield return new LabeledLink(MermaidNodeLabels.Find(lines, node) ?? node, click.Groups["url"].Value);
            }
        }
    }

    // Node ids may hold ':' ("engineer:senior"), as ladder diagrams write them.
    [GeneratedRegex(@"^click\s+(?<node>[^\s""]+)\s+(?:href\s+)?""(?<url>[^""]+)""", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex MermaidClick();

    [GeneratedRegex(@"\s+", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex WhiteSpace();
}
