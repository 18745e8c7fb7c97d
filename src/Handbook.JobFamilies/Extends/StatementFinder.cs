namespace Handbook.JobFamilies.Extends;

using Handbook.Pipeline.Collections;
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
        var roles = StableSort.ToSortedList(family.Roles, static (a, b) => a.StartLine.CompareTo(b.StartLine));
        var sectionsOf = new FlattenedSections(family);
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
            var role = RoleAround(roles, line);
            var section = SectionOf(sectionsOf.Of(role), leaf, line);
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

    /// <summary>
    /// The innermost level or specialty around the line; the page role (which may span the page) only otherwise.
    /// Loops rather than <c>LastOrDefault</c> with a lambda: the lambdas captured the line, which cost a closure for
    /// every leaf block of every page (issue 9).
    /// </summary>
    private static Role? RoleAround(List<Role> roles, int line)
    {
        Role? any = null;
        for (var i = roles.Count - 1; i >= 0; i--)
        {
            var r = roles[i];
            if (r.StartLine <= line && line <= r.EndLine)
            {
                if (r.Kind != RoleKind.Page)
                {
                    return r;
                }

                any ??= r;
            }
        }

        return any;
    }

    private static Section? SectionOf(List<Section> sections, LeafBlock leaf, int line)
    {
        if (leaf is HeadingBlock heading)
        {
            foreach (var s in sections)
            {
                if (ReferenceEquals(s.Heading, heading))
                {
                    return s;
                }
            }

            return null;
        }

        foreach (var s in sections)
        {
            foreach (var b in s.Blocks)
            {
                if (Contains(b, leaf))
                {
                    return s;
                }
            }
        }

        // A section owns what follows its heading until the next heading: the last one starting before the line.
        // (OrderBy is stable, so of sections starting on the same line the last in page order wins, as here.)
        Section? last = null;
        foreach (var s in sections)
        {
            if (s.Location.Line <= line && (last is null || s.Location.Line >= last.Location.Line))
            {
                last = s;
            }
        }

        return last;
    }

    /// <summary>
    /// The sections of each role (or of the page, for statements outside every role) in page order, each before its
    /// children: flattened once per page and role, not once per statement (issue 9).
    /// </summary>
    private sealed class FlattenedSections(JobFamily family)
    {
        private readonly Dictionary<Role, List<Section>> byRole = new(ReferenceEqualityComparer.Instance);
        private List<Section>? ofPage;

        public List<Section> Of(Role? role)
        {
            if (role is null)
            {
                return ofPage ??= ExtendsNode.Flatten(family.Sections).ToList();
            }

            if (!byRole.TryGetValue(role, out var sections))
            {
                sections = ExtendsNode.Flatten(role.Sections).ToList();
                byRole[role] = sections;
            }

            return sections;
        }
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
