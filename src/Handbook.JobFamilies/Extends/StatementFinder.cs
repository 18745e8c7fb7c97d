namespace Handbook.JobFamilies.Extends;

using System.Text.RegularExpressions;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Limits;
using Markdig.Syntax;

/// <summary>
/// Walks a parsed page and returns every inheritance statement with the role and section it belongs to.
/// Read-only: it never changes the AST.
/// </summary>
public static class StatementFinder
{
    public static IReadOnlyList<FoundStatement> Find(JobFamily family) => Find(family, diagnostics: null);

    /// <summary>
    /// Like <see cref="Find(JobFamily)"/>; a paragraph whose text makes a pattern run out of time is skipped with a
    /// LIMIT030 error in <paramref name="diagnostics"/> (without a collection the timeout propagates).
    /// </summary>
    public static IReadOnlyList<FoundStatement> Find(JobFamily family, ICollection<Diagnostic>? diagnostics)
    {
        ArgumentNullException.ThrowIfNull(family);
        var found = new List<FoundStatement>();
        var roles = family.Roles.OrderBy(r => r.StartLine).ToList();
        foreach (var leaf in family.Body.Descendants<LeafBlock>())
        {
            if (!IsStatementCarrier(leaf))
            {
                continue;
            }

            ExtendsStatement? statement;
            try
            {
                statement = RegexLimits.RetryOnceOnTimeout(
                    leaf,
                    static l => ExtendsRecognizer.MayHoldStatement(l.Inline) ? ExtendsRecognizer.TryRecognize(LinkedText.FromInlines(l.Inline)) : null);
            }
            catch (RegexMatchTimeoutException) when (diagnostics is not null)
            {
                diagnostics.Add(RegexLimits.TimedOut("recognising an extends statement", family.Locate(leaf.Line, leaf.Column)));
                continue;
            }

            if (statement is null)
            {
                continue;
            }

            var line = leaf.Line + 1;
            // The innermost level or specialty around the line; the page role (which may span the page) only otherwise.
            var role = roles.LastOrDefault(r => r.Kind != RoleKind.Page && r.StartLine <= line && line <= r.EndLine)
                ?? roles.LastOrDefault(r => r.StartLine <= line && line <= r.EndLine);
            var section = SectionOf(family, role, leaf, line);
            found.Add(new FoundStatement(family, role, section, leaf, statement, family.Locate(leaf.Line, leaf.Column)));
        }

        return found;
    }

    /// <summary>Paragraphs (top level or the first paragraph of a list item) and headings carry statements.</summary>
    private static bool IsStatementCarrier(LeafBlock leaf) => leaf switch
    {
        HeadingBlock => true,
        ParagraphBlock p => p.Parent is MarkdownDocument || (p.Parent is ListItemBlock item && ReferenceEquals(item[0], p)),
        _ => false,
    };

    private static Section? SectionOf(JobFamily family, Role? role, LeafBlock leaf, int line)
    {
        var sections = ExtendsNode.Flatten(role?.Sections ?? family.Sections).ToList();
        if (leaf is HeadingBlock heading)
        {
            return sections.FirstOrDefault(s => ReferenceEquals(s.Heading, heading));
        }

        var direct = sections.FirstOrDefault(s => s.Blocks.Any(b => Contains(b, leaf)));
        if (direct is not null)
        {
            return direct;
        }

        // A section owns what follows its heading until the next heading: the last one starting before the line.
        return sections.Where(s => s.Location.Line <= line).OrderBy(s => s.Location.Line).LastOrDefault();
    }

    private static bool Contains(Block ancestor, Block block)
    {
        for (Block? b = block; b is not null; b = b.Parent)
        {
            if (ReferenceEquals(b, ancestor))
            {
                return true;
            }
        }

        return false;
    }
}
