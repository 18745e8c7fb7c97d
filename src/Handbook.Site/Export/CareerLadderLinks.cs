namespace Handbook.Site.Export;

using System.Text;
using System.Text.RegularExpressions;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Limits;
using Handbook.Site.Export.Schema;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// The links of a Career Ladder section: Markdown links (in page order) and the targets of Mermaid
/// <c>click node "/url"</c> lines, which is how the ladder diagrams link to other families (REPORT.md §7).
/// </summary>
public static partial class CareerLadderLinks
{
    /// <summary>
    /// The links of the family's Career Ladder section: found in its blocks, or the ones recorded when the family's
    /// tree was let go (<see cref="JobFamily.BodyFacts"/>).
    /// </summary>
    public static IReadOnlyList<LinkExport> Of(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return family.BodyFacts is { } facts
            ? facts.CareerLadderLinks.Select(l => new LinkExport(l.Text, l.Url)).ToList()
            : Find(family.CareerLadder);
    }

    public static IReadOnlyList<LinkExport> Find(Section? section)
    {
        var links = new List<LinkExport>();
        if (section is not null)
        {
            Collect(section, links);
        }

        return links;
    }

    private static void Collect(Section section, List<LinkExport> links)
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
                links.Add(new LinkExport(TextOf(link), link.Url!));
            }
        }

        foreach (var child in section.Children)
        {
            Collect(child, links);
        }
    }

    /// <summary>Links inside a block: Markdig keeps inlines on leaf blocks, so walk leaves, then their inlines.</summary>
    private static IEnumerable<LinkInline> LinksIn(Block block)
    {
        IEnumerable<LeafBlock> leaves = block switch
        {
            LeafBlock leaf => [leaf],
            ContainerBlock container => container.Descendants<LeafBlock>(),
            _ => [],
        };
        return leaves.Where(l => l.Inline is not null).SelectMany(l => l.Inline!.Descendants<LinkInline>());
    }

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

    private static IEnumerable<LinkExport> MermaidClicks(string source)
    {
        var lines = source.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith("%%", StringComparison.Ordinal)).ToList();
        foreach (var line in lines)
        {
            var click = MermaidClick().Match(line);
            if (click.Success)
            {
                var node = click.Groups["node"].Value;
                yield return new LinkExport(MermaidNodeLabels.Find(lines, node) ?? node, click.Groups["url"].Value);
            }
        }
    }

    // Node ids may hold ':' ("engineer:senior"), as ladder diagrams write them.
    [GeneratedRegex(@"^click\s+(?<node>[^\s""]+)\s+(?:href\s+)?""(?<url>[^""]+)""", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex MermaidClick();

    [GeneratedRegex(@"\s+", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex WhiteSpace();
}
