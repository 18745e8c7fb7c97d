namespace Handbook.JobFamilies.Model;

using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Mermaid;
using Markdig.Syntax;

/// <summary>
/// Copies a family's model without its Markdown tree: <see cref="JobFamily.Body"/> becomes an empty document, and no
/// role, section or item keeps a block of the tree (<see cref="Role.Heading"/>, <see cref="Section.Heading"/>,
/// <see cref="Section.Blocks"/>, <see cref="Item.Block"/>). Every block points at its parent, so one kept block keeps
/// the whole tree alive. The copy carries <see cref="BodyFacts"/> instead: what later stages read from the tree.
/// </summary>
/// <remarks>
/// For one-shot builds only: the earlier stages (grades, extends, rendering) need the tree, and the preview keeps
/// every stage's output for its incremental runs. Roles, sections and items that the original shares (a role's
/// <see cref="Role.Responsibilities"/> is also in its <see cref="Role.Sections"/> and in the page's section tree)
/// are shared the same way in the copy.
/// </remarks>
public static class SyntaxTreeRelease
{
    /// <summary>The copy without the tree, carrying what later stages would read from it (<see cref="FactsOf"/>).</summary>
    public static JobFamily Release(JobFamily family) => WithoutSyntaxTree(family, FactsOf(family));

    /// <summary>What the stages after rendering read from the family's tree: diagrams, authored links, Career Ladder links.</summary>
    public static BodyFacts FactsOf(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return new BodyFacts(MermaidBlocks.Any(family.Body), LinkFinder.Find(family), CareerLadderLinkFinder.Find(family.CareerLadder));
    }

    public static JobFamily WithoutSyntaxTree(JobFamily family, BodyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(facts);
        var copies = new Copies();
        var copy = new JobFamily
        {
            SourcePath = family.SourcePath,
            Slug = family.Slug,
            Department = family.Department,
            Url = family.Url,
            IsDepartmentIndex = family.IsDepartmentIndex,
            Title = family.Title,
            Description = family.Description,
            FrontMatter = family.FrontMatter,
            Body = new MarkdownDocument(),
            SourceMap = family.SourceMap,
            BodyFacts = facts,
            PageRole = copies.Of(family.PageRole),
            PerformanceIndicators = copies.Of(family.PerformanceIndicators),
            CareerLadder = copies.Of(family.CareerLadder),
            HiringProcess = copies.Of(family.HiringProcess),
            GradeLookups = family.GradeLookups,
        };
        copy.Levels.AddRange(family.Levels.Select(copies.Of).OfType<Role>());
        copy.Specialties.AddRange(family.Specialties.Select(copies.Of).OfType<Role>());
        copy.Sections.AddRange(family.Sections.Select(copies.Of).OfType<Section>());
        return copy;
    }

    /// <summary>One copy per original object, so that what the original shares stays shared.</summary>
    private sealed class Copies
    {
        private readonly Dictionary<Role, Role> _roles = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Section, Section> _sections = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Item, Item> _items = new(ReferenceEqualityComparer.Instance);

        public Role? Of(Role? role)
        {
            if (role is null)
            {
                return null;
            }

            if (_roles.TryGetValue(role, out var known))
            {
                return known;
            }

            var copy = new Role
            {
                Kind = role.Kind,
                Name = role.Name,
                Anchor = role.Anchor,
                Location = role.Location,
                StartLine = role.StartLine,
                EndLine = role.EndLine,
                Grade = role.Grade,
            };
            _roles[role] = copy;
            copy.Responsibilities = Of(role.Responsibilities);
            copy.Requirements = Of(role.Requirements);
            copy.NiceToHaves = Of(role.NiceToHaves);
            copy.Overview = Of(role.Overview);
            copy.PerformanceIndicators = Of(role.PerformanceIndicators);
            copy.JobGrade = Of(role.JobGrade);
            copy.Sections.AddRange(role.Sections.Select(Of).OfType<Section>());
            copy.Extends.AddRange(role.Extends);
            return copy;
        }

        public Section? Of(Section? section)
        {
            if (section is null)
            {
                return null;
            }

            if (_sections.TryGetValue(section, out var known))
            {
                return known;
            }

            var copy = new Section
            {
                Kind = section.Kind,
                Title = section.Title,
                Anchor = section.Anchor,
                HeadingLevel = section.HeadingLevel,
                Location = section.Location,
                StartLine = section.StartLine,
                EndLine = section.EndLine,
            };
            _sections[section] = copy;
            copy.Items.AddRange(section.Items.Select(Of));
            copy.Children.AddRange(section.Children.Select(Of).OfType<Section>());
            return copy;
        }

        private Item Of(Item item)
        {
            if (!_items.TryGetValue(item, out var copy))
            {
                copy = new Item { Text = item.Text, Location = item.Location, InheritedFrom = item.InheritedFrom };
                _items[item] = copy;
            }

            return copy;
        }
    }
}
