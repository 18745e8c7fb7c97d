namespace Handbook.JobFamilies.Reuse;

using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Markdig.Syntax;

/// <summary>
/// Turns a <see cref="FamilyState"/> into its stored shape (<see cref="StoredFamily"/>) and back. Roles, sections and
/// items are numbered by reference, so whatever the model shares (a role's responsibilities are in its section list and
/// in the page's section tree) is stored once and shared again on the way back, as <see cref="SyntaxTreeRelease"/>
/// shares it.
/// </summary>
internal static class StoredFamilyMapping
{
    private const int None = -1;

    public static StoredFamily ToStored(FamilyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var family = state.Family;
        var facts = family.BodyFacts ?? throw new ArgumentException("only a tree-less family (with BodyFacts) can be stored", nameof(state));
        // The family's identity is stored once, as its path info, and rebuilt from it: a family whose identity is not
        // its path's would come back changed.
        var path = state.Path;
        if (family.SourcePath != path.SourcePath || family.Slug != path.Slug || family.Department != path.Department || family.Url != path.Url || family.IsDepartmentIndex != path.IsDepartmentIndex)
        {
            throw new ArgumentException($"the family's identity ({family.SourcePath}, {family.Url}) is not its path's ({path.SourcePath}, {path.Url})", nameof(state));
        }

        var numbering = new Numbering();
        var topSections = family.Sections.Select(numbering.Of).ToList();
        var levels = family.Levels.Select(numbering.Of).ToList();
        var specialties = family.Specialties.Select(numbering.Of).ToList();
        var pageRole = numbering.Of(family.PageRole);
        var performanceIndicators = numbering.Of(family.PerformanceIndicators);
        var careerLadder = numbering.Of(family.CareerLadder);
        var hiringProcess = numbering.Of(family.HiringProcess);
        var diagnostics = state.Diagnostics.Select(d => new StoredDiagnostic(d.Severity, d.Code, d.Message, numbering.Of(d.Location), d.Hint, d.Detail)).ToList();
        return new StoredFamily(
            state.Path,
            numbering.Paths.Values,
            numbering.Inherited.Values,
            family.Title,
            family.Description,
            ToStored(family.FrontMatter),
            new StoredSourceMap(family.SourceMap.Path, family.SourceMap.Segments.Select(s => new StoredSegment(s.ParsedStartLine, s.LineCount, s.SourcePath, s.SourceStartLine)).ToList()),
            numbering.Items,
            numbering.Sections,
            numbering.Roles,
            topSections,
            levels,
            specialties,
            pageRole,
            performanceIndicators,
            careerLadder,
            hiringProcess,
            facts.HasMermaid,
            facts.AuthoredLinks,
            facts.CareerLadderLinks,
            state.ListedFolders,
            diagnostics,
            family.GradeLookups is { } lookups ? new StoredGradeLookups(lookups.TrackId, lookups.Ids.Select(id => id.Text).ToList()) : null);
    }

    /// <summary>The state back, with <paramref name="bodyUtf8"/> as its body; throws <see cref="FormatException"/> on a shape no store wrote.</summary>
    public static FamilyState FromStored(StoredFamily stored, byte[] bodyUtf8)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var restoring = new Restoring(stored);
        var map = new SourceMap(stored.SourceMap.Path);
        foreach (var segment in stored.SourceMap.Segments)
        {
            map.Add(segment.ParsedStartLine, segment.LineCount, segment.SourcePath, segment.SourceStartLine);
        }

        var path = stored.Path;
        var family = new JobFamily
        {
            SourcePath = path.SourcePath,
            Slug = path.Slug,
            Department = path.Department,
            Url = path.Url,
            IsDepartmentIndex = path.IsDepartmentIndex,
            Title = stored.Title,
            Description = stored.Description,
            FrontMatter = FromStored(stored.FrontMatter),
            Body = new MarkdownDocument(),
            SourceMap = map,
            BodyFacts = new BodyFacts(stored.HasMermaid, stored.AuthoredLinks, stored.CareerLadderLinks),
            PageRole = restoring.Role(stored.PageRole),
            PerformanceIndicators = restoring.Section(stored.PerformanceIndicators),
            CareerLadder = restoring.Section(stored.CareerLadder),
            HiringProcess = restoring.Section(stored.HiringProcess),
            GradeLookups = stored.GradeLookups is { } lookups ? new GradeLookups(lookups.TrackId, lookups.Ids.Select(ParseGradeId).ToList()) : null,
        };
        family.Levels.AddRange(stored.Levels.Select(i => restoring.Role(i) ?? throw Malformed("a level")));
        family.Specialties.AddRange(stored.Specialties.Select(i => restoring.Role(i) ?? throw Malformed("a specialty")));
        family.Sections.AddRange(stored.TopSections.Select(i => restoring.Section(i) ?? throw Malformed("a section")));
        var diagnostics = stored.Diagnostics.Select(d => new Diagnostic(d.Severity, d.Code, d.Message, restoring.Location(d.Location), d.Hint) { Detail = d.Detail }).ToList();
        return new FamilyState(path, family, stored.ListedFolders, bodyUtf8, diagnostics);
    }

    private static StoredFrontMatter ToStored(FrontMatter frontMatter) => new(
        frontMatter.Title,
        frontMatter.Description,
        frontMatter.Layout,
        frontMatter.CanonicalPath,
        frontMatter.ExtraJs,
        frontMatter.Values.Select(kv => new StoredEntry(kv.Key, ToStored(kv.Value))).ToList(),
        frontMatter.BodyStartLine,
        frontMatter.Positions.Select(kv => new StoredPosition(kv.Key, kv.Value.Line, kv.Value.Column)).ToList());

    // The front-matter reader keeps a scalar as its text, a sequence as a list and a mapping as an ordinal dictionary.
    private static StoredValue ToStored(object? value) => value switch
    {
        null => new StoredValue(StoredValueKind.Null, null, null, null),
        string text => new StoredValue(StoredValueKind.Text, text, null, null),
        IReadOnlyDictionary<string, object?> mapping => new StoredValue(StoredValueKind.Mapping, null, null, mapping.Select(kv => new StoredEntry(kv.Key, ToStored(kv.Value))).ToList()),
        IEnumerable<object?> sequence => new StoredValue(StoredValueKind.Sequence, null, sequence.Select(ToStored).ToList(), null),
        _ => throw new ArgumentException($"a front-matter value of type {value.GetType().Name} cannot be stored", nameof(value)),
    };

    private static FrontMatter FromStored(StoredFrontMatter stored) => new()
    {
        Title = stored.Title,
        Description = stored.Description,
        Layout = stored.Layout,
        CanonicalPath = stored.CanonicalPath,
        ExtraJs = stored.ExtraJs,
        Values = ToDictionary(stored.Values),
        BodyStartLine = stored.BodyStartLine,
        Positions = stored.Positions.ToDictionary(p => p.Key, p => new FrontMatterPosition(p.Line, p.Column), StringComparer.Ordinal),
    };

    private static Dictionary<string, object?> ToDictionary(IReadOnlyList<StoredEntry> entries)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            values[entry.Key] = FromStored(entry.Value);
        }

        return values;
    }

    private static object? FromStored(StoredValue value) => value.Kind switch
    {
        StoredValueKind.Null => null,
        StoredValueKind.Text => value.Text ?? throw Malformed("a text value"),
        StoredValueKind.Sequence => (value.Items ?? throw Malformed("a sequence")).Select(FromStored).ToList(),
        StoredValueKind.Mapping => ToDictionary(value.Entries ?? throw Malformed("a mapping")),
        _ => throw Malformed("a front-matter value"),
    };

    // An id the resolver looked up was parsed from the page, so it parses again; anything else is no stored state.
    private static GradeId ParseGradeId(string text) =>
        GradeId.TryParse(text, out var id) ? id : throw Malformed("grade id");

    private static FormatException Malformed(string what) => new($"the stored family has a malformed {what}");

    /// <summary>Numbers roles, sections and items by reference as they are first met, and records each once.</summary>
    private sealed class Numbering
    {
        private readonly Dictionary<Role, int> _roleIndex = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Section, int> _sectionIndex = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Item, int> _itemIndex = new(ReferenceEqualityComparer.Instance);

        public List<StoredRole> Roles { get; } = [];

        public List<StoredSection> Sections { get; } = [];

        public List<StoredItem> Items { get; } = [];

        public IndexTable<string> Paths { get; } = new(StringComparer.Ordinal);

        public IndexTable<InheritedFrom> Inherited { get; } = new(EqualityComparer<InheritedFrom>.Default);

        public StoredLocation Of(SourceLocation location) => new(Paths.IndexOf(location.Path), location.Line, location.Column);

        public int Of(Role? role)
        {
            if (role is null)
            {
                return None;
            }

            if (_roleIndex.TryGetValue(role, out var known))
            {
                return known;
            }

            // The slot is taken first, so a role met again while its sections are numbered refers to it.
            var index = Roles.Count;
            _roleIndex[role] = index;
            Roles.Add(null!);
            var grade = role.Grade is { } g ? new StoredGrade(g.Value, Of(g.Location), g.Title, g.Track, g.Url) : null;
            var overview = Of(role.Overview);
            var responsibilities = Of(role.Responsibilities);
            var requirements = Of(role.Requirements);
            var niceToHaves = Of(role.NiceToHaves);
            var performanceIndicators = Of(role.PerformanceIndicators);
            var jobGrade = Of(role.JobGrade);
            var sections = role.Sections.Select(Of).ToList();
            var extends = role.Extends.Select(e => new StoredExtendsLink(e.Url, e.Role, e.Sections, Of(e.Location), e.IsAlternative)).ToList();
            Roles[index] = new StoredRole(role.Kind, role.Name, role.Anchor, Of(role.Location), role.StartLine, role.EndLine, overview, responsibilities, requirements, niceToHaves, performanceIndicators, jobGrade, sections, grade, extends);
            return index;
        }

        public int Of(Section? section)
        {
            if (section is null)
            {
                return None;
            }

            if (_sectionIndex.TryGetValue(section, out var known))
            {
                return known;
            }

            var index = Sections.Count;
            _sectionIndex[section] = index;
            Sections.Add(null!);
            var items = section.Items.Select(Of).ToList();
            var children = section.Children.Select(Of).ToList();
            Sections[index] = new StoredSection(section.Kind, section.Title, section.Anchor, section.HeadingLevel, Of(section.Location), section.StartLine, section.EndLine, items, children);
            return index;
        }

        private int Of(Item item)
        {
            if (!_itemIndex.TryGetValue(item, out var index))
            {
                index = Items.Count;
                _itemIndex[item] = index;
                Items.Add(new StoredItem(item.Text, Of(item.Location), item.InheritedFrom is { } origin ? Inherited.IndexOf(origin) : None));
            }

            return index;
        }
    }

    /// <summary>Builds each stored role, section and item once, so that what the stored form shares by index is shared again.</summary>
    private sealed class Restoring(StoredFamily stored)
    {
        private readonly Role?[] _roles = new Role?[stored.Roles.Count];
        private readonly Section?[] _sections = new Section?[stored.Sections.Count];
        private readonly Item?[] _items = new Item?[stored.Items.Count];

        public SourceLocation Location(StoredLocation location) =>
            (uint)location.Path < (uint)stored.Paths.Count
                ? new SourceLocation(stored.Paths[location.Path], location.Line, location.Column)
                : throw Malformed("path index");

        public Role? Role(int index)
        {
            if (index == None)
            {
                return null;
            }

            if ((uint)index >= (uint)_roles.Length)
            {
                throw Malformed("role index");
            }

            if (_roles[index] is { } known)
            {
                return known;
            }

            var s = stored.Roles[index];
            var role = new Role
            {
                Kind = s.Kind,
                Name = s.Name,
                Anchor = s.Anchor,
                Location = Location(s.Location),
                StartLine = s.StartLine,
                EndLine = s.EndLine,
                Grade = s.Grade is { } g ? new GradeAssignment(g.Value, Location(g.Location)) { Title = g.Title, Track = g.Track, Url = g.Url } : null,
            };
            _roles[index] = role;
            role.Overview = Section(s.Overview);
            role.Responsibilities = Section(s.Responsibilities);
            role.Requirements = Section(s.Requirements);
            role.NiceToHaves = Section(s.NiceToHaves);
            role.PerformanceIndicators = Section(s.PerformanceIndicators);
            role.JobGrade = Section(s.JobGrade);
            role.Sections.AddRange(s.Sections.Select(i => Section(i) ?? throw Malformed("role section")));
            role.Extends.AddRange(s.Extends.Select(e => new ExtendsLink(e.Url, e.Role, e.Sections, Location(e.Location)) { IsAlternative = e.IsAlternative }));
            return role;
        }

        public Section? Section(int index)
        {
            if (index == None)
            {
                return null;
            }

            if ((uint)index >= (uint)_sections.Length)
            {
                throw Malformed("section index");
            }

            if (_sections[index] is { } known)
            {
                return known;
            }

            var s = stored.Sections[index];
            var section = new Section
            {
                Kind = s.Kind,
                Title = s.Title,
                Anchor = s.Anchor,
                HeadingLevel = s.HeadingLevel,
                Location = Location(s.Location),
                StartLine = s.StartLine,
                EndLine = s.EndLine,
            };
            _sections[index] = section;
            section.Items.AddRange(s.Items.Select(Item));
            section.Children.AddRange(s.Children.Select(i => Section(i) ?? throw Malformed("child section")));
            return section;
        }

        private InheritedFrom? Origin(int index) =>
            index == None ? null
            : (uint)index < (uint)stored.Inherited.Count ? stored.Inherited[index]
            : throw Malformed("origin index");

        private Item Item(int index)
        {
            if ((uint)index >= (uint)_items.Length)
            {
                throw Malformed("item index");
            }

            if (_items[index] is { } known)
            {
                return known;
            }

            var s = stored.Items[index];
            var item = new Item { Text = s.Text, Location = Location(s.Location), InheritedFrom = Origin(s.InheritedFrom) };
            _items[index] = item;
            return item;
        }
    }
}
