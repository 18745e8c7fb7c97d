namespace Handbook.JobFamilies.Parsing;

using Handbook.Pipeline.Collections;
using Handbook.JobFamilies.Markdown;
using Handbook.JobFamilies.Model;

/// <summary>
/// Finds the roles of a page in its section tree, for every layout real pages use (REPORT §4):
/// <list type="bullet">
/// <item>T1: <c>## Levels</c> › <c>### &lt;Level&gt;</c> › <c>#### &lt;Level&gt; Job Grade / Responsibilities / Requirements</c>
/// (also generic <c>#### Job Grade</c>, grades at H5, <c>### Job Grade</c> as a sibling after the level);</item>
/// <item>an empty <c>## Levels</c> followed by the levels as sibling headings;</item>
/// <item>T2 and "T1 without Levels": any heading whose children are a role's sections is a role;</item>
/// <item>wrong nesting: a "&lt;Name&gt; Job Grade" heading whose name is not the enclosing role's starts a new role;</item>
/// <item>specialties: the children of a Specialties heading;</item>
/// <item>single role: role sections outside any role belong to the page role.</item>
/// </list>
/// Page-level Performance Indicators, Career Ladder and Hiring Process go to the family.
/// </summary>
internal sealed class RoleFinder
{
    private enum Context
    {
        Top,
        Levels,
        Specialties,
        RoleBody,

        /// <summary>Inside a page-level section (Career Ladder, Hiring Process, Performance Indicators) that levels were misplaced under.</summary>
        Nested,
    }

    private readonly SectionTree _tree;
    private readonly string _pageTitle;
    private readonly int _lastLine;

    private RoleFinder(SectionTree tree, string pageTitle, int lastLine)
    {
        _tree = tree;
        _pageTitle = pageTitle;
        _lastLine = lastLine;
    }

    public List<Role> Levels { get; } = [];

    public List<Role> Specialties { get; } = [];

    public Role? PageRole { get; private set; }

    public Section? PerformanceIndicators { get; private set; }

    public Section? CareerLadder { get; private set; }

    public Section? HiringProcess { get; private set; }

    public static RoleFinder Find(SectionTree tree, string pageTitle, int lastLine)
    {
        var finder = new RoleFinder(tree, pageTitle, lastLine);
        finder.Walk(tree.Roots, Context.Top, owner: null);
        finder.SetEndLines();
        DropOverviewsThatAreLists(finder.Levels);
        DropOverviewsThatAreLists(finder.Specialties);
        return finder;
    }

    /// <summary>
    /// A role's heading whose bullets were taken as one of its lists ("## Requirements" › "### Senior Widget Engineer"
    /// › bullets: that level's requirements) has no overview besides: the bullets would be exported twice.
    /// </summary>
    private static void DropOverviewsThatAreLists(List<Role> roles)
    {
        foreach (var role in roles)
        {
            if (role.Overview is { } overview
                && (overview == role.Responsibilities || overview == role.Requirements || overview == role.NiceToHaves
                    || overview == role.PerformanceIndicators || overview == role.JobGrade))
            {
                role.Overview = null;
            }
        }
    }

    private void Walk(List<Section> siblings, Context context, Role? owner)
    {
        var current = context == Context.RoleBody ? owner : null;
        var listKind = context == Context.Specialties || owner?.Kind == RoleKind.Specialty ? RoleKind.Specialty : RoleKind.Level;
        var levelsFollow = false;
        Section? previousSibling = null;
        foreach (var section in siblings)
        {
            var classification = _tree.ClassOf(section);
            var siblingContext = levelsFollow ? Context.Levels : context;
            switch (classification.Kind)
            {
                case SectionKind.Levels:
                    owner?.Sections.Add(section);
                    Walk(section.Children, Context.Levels, owner: null);

                    // "## Levels" with nothing under it: the levels follow as its siblings (finance/payroll). Not after
                    // an empty "### Levels of Complexity": a "Levels of X" heading names a scale of its own (a table of
                    // independence × complexity), and what follows it ("### Career Growth") is no level.
                    levelsFollow = !section.Children.Any(c => _tree.ClassOf(c).Kind == SectionKind.Other)
                        && !NamesLevelsOfSomething(section.Title);
                    current = context == Context.RoleBody ? owner : null;
                    break;

                case SectionKind.Specialties:
                    owner?.Sections.Add(section);
                    Walk(section.Children, Context.Specialties, owner: null);
                    listKind = RoleKind.Specialty;
                    levelsFollow = false;
                    current = context == Context.RoleBody ? owner : null;
                    break;

                case SectionKind.CareerLadder or SectionKind.HiringProcess:
                    levelsFollow = false;
                    if (owner is not null)
                    {
                        owner.Sections.Add(section);
                    }
                    else if (classification.Kind == SectionKind.CareerLadder)
                    {
                        CareerLadder ??= section;
                    }
                    else
                    {
                        HiringProcess ??= section;
                    }

                    // Levels continued by mistake under "## Hiring Process" ("### Senior X" › "#### Job Grade").
                    Walk(section.Children, Context.Nested, owner: null);
                    current = context == Context.RoleBody ? owner : null;
                    break;

                case SectionKind.JobGrade when classification.Prefix.Length > 0
                    && (current is null ? siblingContext != Context.Top : !NamesMatch(classification.Prefix, current.Name)):
                    // "### Vice President Job Grade" under "## Senior Director": the heading names another role.
                    current = NewRole(classification.Prefix, section, current is { Kind: not RoleKind.Page } c ? c.Kind : listKind);
                    Attach(current, section, classification);
                    break;

                case SectionKind.JobGrade when classification.Prefix.Length == 0 && context == Context.Top && owner is null
                    && ListsRoles(section):
                    // "## Job Grades" › "### Senior Widget Engineer" (a grade sentence): a list of levels, each stating
                    // its grade, like "## Levels" (Hugo-era engineering/infrastructure/finops-engineer).
                    PageRole?.Sections.Add(section);
                    Walk(section.Children, Context.Levels, owner: null);
                    levelsFollow = false;
                    current = null;
                    break;

                case SectionKind.Responsibilities or SectionKind.Requirements
                    when current is { Kind: RoleKind.Level or RoleKind.Specialty } && classification.Prefix.Length > 0
                        && SectionOf(current, classification.Kind) is not null
                        && IsOtherRankOf(classification.Prefix, current.Name):
                    // "#### Staff Widget Engineer Responsibilities" inside "### Senior Widget Engineer", which already has
                    // its responsibilities (the page forgot the "### Staff Widget Engineer" heading): the same role at
                    // another rank, as for "… Job Grade". A first section with a slip in its name ("#### Senior Manager,
                    // X Requirements" under "### Manager, X" with no requirements yet) stays the level's.
                    current = ListFor(current.Kind).FirstOrDefault(r => r.Name == classification.Prefix)
                        ?? NewRole(classification.Prefix, section, current.Kind);
                    Attach(current, section, classification);
                    break;

                case var _ when classification.IsRoleSection:
                    // At the top of the page only a section naming the current role belongs to it; "## Requirements"
                    // after a role is the page's.
                    if (levelsFollow && classification.Kind == SectionKind.PerformanceIndicators && classification.Prefix.Length == 0)
                    {
                        // "## Performance Indicators" after levels that followed an empty "## Levels" is the page's.
                        levelsFollow = false;
                        siblingContext = context;
                        current = null;
                    }

                    var target = siblingContext != Context.Top
                        || current is not null && classification.Prefix.Length > 0 && NamesMatch(classification.Prefix, current.Name)
                        || GradesFlatRole(section, classification, current, previousSibling)
                        ? current ?? owner
                        : owner;
                    if (target is not null)
                    {
                        Attach(target, section, classification);
                    }
                    else if (siblingContext == Context.Nested)
                    {
                        // A sub-heading of the hiring process or career ladder, not a role's section.
                    }
                    else if (RepeatedAfterLevel(section, classification) is { } previous)
                    {
                        // "## Responsibilities" again, after "### Senior X": the page's own came first, so this one
                        // is the level's, written a level too high.
                        Attach(previous, section, classification);
                    }
                    else if (classification.Kind == SectionKind.PerformanceIndicators)
                    {
                        // The page's indicators: prefer the outermost heading ("## Performance Indicators" over a
                        // "### Performance Indicators" tucked under an intro).
                        if (PerformanceIndicators is null || section.HeadingLevel < PerformanceIndicators.HeadingLevel)
                        {
                            PerformanceIndicators = section;
                        }

                        Walk(section.Children, Context.Nested, owner: null);
                    }
                    else
                    {
                        Attach(EnsurePageRole(section), section, classification);
                    }

                    break;

                default:
                    OtherSection(section, siblings, context, siblingContext, owner, ref current, listKind);
                    if (AnnouncesRolesAsSiblings(section, context, owner))
                    {
                        // "### Widget Management Roles" with nothing under it (its text was a table-of-contents
                        // shortcode), then "### Senior Widget Manager" …: the roles follow as its siblings, as after an
                        // empty "## Levels" – also those written as a sentence and a link to their own page, which
                        // have no sub-headings (Hugo-era development/management/_index.md lost two levels).
                        levelsFollow = true;
                    }

                    break;
            }

            if (classification.IsRoleSection && AnnouncesSpecialties(section))
            {
                // "#### Specialties" with nothing under it, tucked at the end of a section: the headings that
                // follow are specialties (finance/payroll).
                listKind = RoleKind.Specialty;
            }

            previousSibling = section;
        }
    }

    /// <summary>
    /// "## Widget Clerk" (no sub-headings) then "## Job Grades" › "### Responsibilities": the generic grade heading right
    /// after an empty heading that was taken for a role (<see cref="NamedByNextSibling"/>) is that role's, with the
    /// sections under it – when its text names the role ("The Widget Clerk is a grade 6"); a grade heading that only
    /// points at the grade table stays the page's.
    /// </summary>
    private static bool GradesFlatRole(Section section, HeadingClassification classification, Role? current, Section? previous) =>
        classification.Kind == SectionKind.JobGrade && classification.Prefix.Length == 0
        && current is { Kind: RoleKind.Level or RoleKind.Specialty, Sections.Count: 0 }
        && previous is { Children.Count: 0 } && current.StartLine == previous.StartLine
        && TextNames(section, current.Name);

    /// <summary>
    /// A heading with a role's sections but no grade of its own, right before a Levels heading that lists a level
    /// bearing its name ("IT Helpdesk Analyst" before "Senior IT Helpdesk Analyst", also "Widget Seller (Individual
    /// Contributors)" before "Associate Widget Seller"): the description all levels share.
    /// </summary>
    private bool DescribesLevelsBelow(Section section, List<Section> siblings)
    {
        var index = siblings.IndexOf(section);
        if (index < 0 || index + 1 >= siblings.Count || siblings[index + 1].Kind != SectionKind.Levels
            || !HasRoleSections(section) || section.Children.Any(c => c.Kind == SectionKind.JobGrade))
        {
            return false;
        }

        // The name without a qualifier in parentheses: "## Widget Seller (Individual Contributors)" is about the
        // "Associate Widget Seller" and "Senior Widget Seller" listed below (Hugo-era sales/partner-account-manager).
        var name = Words(BareName(section.Title));
        return name.Count > 0 && siblings[index + 1].Children.Any(c => _tree.ClassOf(c).Kind == SectionKind.Other && name.IsSubsetOf(Words(c.Title)));
    }

    /// <summary>Whether the text of a section (without its sub-sections) has every word of <paramref name="name"/>.</summary>
    private static bool TextNames(Section section, string name)
    {
        var words = Words(name);
        return words.Count > 0 && words.IsSubsetOf(Words(string.Join(' ', section.Blocks.Select(InlineText.Of))));
    }

    /// <summary>"Levels of Complexity", "Levels for Widget Engineer": a levels heading that says what its levels are of.</summary>
    private static bool NamesLevelsOfSomething(string title)
    {
        var words = title.ToLowerInvariant().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 2 && words[0] is "levels" or "level" && words[1] is "of" or "for" or "in";
    }

    private void OtherSection(Section section, List<Section> siblings, Context context, Context siblingContext, Role? owner, ref Role? current, RoleKind listKind)
    {
        var listed = siblingContext is Context.Levels or Context.Specialties;
        if (LooksLikeProse(section) && !(listed && IsNameWithColon(section)))
        {
            // "### How you'll grow in the role:" is text about the role before it (or the page), never a role.
            (current ?? owner)?.Sections.Add(section);
            Walk(section.Children, context is Context.RoleBody or Context.Nested ? context : Context.Top, owner);
        }
        else if (listed && context == Context.Top && siblingContext == Context.Levels && LinksToOtherHeadings(section)
                 && !NamesRank(section.Title))
        {
            // After an empty "## Levels" (a table), the levels follow as siblings; a sibling with no sub-headings that
            // links to two or more headings of the page ("## Leadership" over rows "| [Manager, X](#manager-x) |
            // [Grade 8](…) |") is another overview of levels, not a level (Hugo-era sales/cloud-cosell-gtm-specialist).
            owner?.Sections.Add(section);
        }
        else if (RepeatsItsFirstSubheading(section))
        {
            // "## Stock Clerk" › "### Stock Clerk" › "#### Job Grade" …: the outer heading only repeats the name of the
            // level written under it (Hugo-era finance/accounting-operations/stock-administrator). Look through it, or
            // the page gets an empty level of the same name beside the real one.
            owner?.Sections.Add(section);
            Walk(section.Children, listed ? siblingContext : context is Context.RoleBody or Context.Nested ? context : Context.Top, owner);
        }
        else if (ListsRequirementsByLevel(section))
        {
            // "### Required Skills by Level" › "#### Senior Widget Engineer" (a list) …, after the levels: each list is
            // the requirements of the level it names (product/accessibility-engineer, whose levels' own Requirements
            // only say "expected to meet the base requirements"). A level with a requirements list of its own keeps it.
            owner?.Sections.Add(section);
            foreach (var child in section.Children)
            {
                if (LevelNamed(child.Title) is { } level && level.Requirements is not { Items.Count: > 0 } && child.Items.Count > 0)
                {
                    level.Requirements = child;
                    level.Sections.Add(child);
                }
            }
        }
        else if (listed)
        {
            var misplaced = IsMisplacedLevel(section) || IsMisplacedBaseLevel(section);
            var kind = siblingContext == Context.Specialties && !misplaced ? RoleKind.Specialty
                : misplaced ? RoleKind.Level : listKind;
            if (kind == RoleKind.Level && siblingContext == Context.Levels && Levels.Count > 0 && IsTeamHeading(section))
            {
                // "## Levels" › "### Senior" › …, then "### Distribution:Build" › "#### Requirements": the page's
                // specialties written on after its level, with no Specialties heading (Hugo-era backend level pages).
                kind = RoleKind.Specialty;
            }

            current = NewRole(section.Title.TrimEnd().TrimEnd(':').TrimEnd(), section, kind);
            Walk(section.Children, Context.RoleBody, current);
        }
        else if (context == Context.Top
                 && ((section.HeadingLevel == 1 && !IsOneOfSeveralRoleH1s(section, siblings)) || NamesRolesInPlural(section.Title)))
        {
            // An H1 repeats the page title ("# Backend Engineering Roles at GitLab"): look through it. So does a
            // lower heading that names roles in the plural ("## FinOps Engineering Roles at GitLab" › "### Requirements"):
            // what is under it is shared by all roles, i.e. the page's. One that only lists roles is read like "## Levels".
            Walk(section.Children, ListsOnlyRoles(section) ? Context.Levels : Context.Top, owner: null);
        }
        else if (IsDescriptiveHeading(section))
        {
            owner?.Sections.Add(section);
            if (owner is not null && owner.Overview is null && section.Items.Count > 0)
            {
                // Bullets under a role's "Description" or "Overview" are its overview, like bullets right under its
                // heading: the page does not say whether they are responsibilities or requirements.
                owner.Overview = section;
            }

            Walk(section.Children, context is Context.RoleBody or Context.Nested ? context : Context.Top, owner);
        }
        else if (IsGroupOfRoles(section))
        {
            // "### Procurement Analyst" › "#### Procurement Analyst Levels" › …: a group of levels, not a role.
            owner?.Sections.Add(section);
            Walk(section.Children, context is Context.RoleBody or Context.Nested ? context : Context.Top, owner);
        }
        else if (IsGroupSharingSections(section, out var shared))
        {
            // "## Gadgets" › "### Gadgets Requirements", "### Gadget Buyer" › "#### Job Grade", …: a group of levels
            // with the requirements (and responsibilities) they share; each level of the group without a list of its
            // own of that kind has the group's.
            owner?.Sections.Add(section);
            var first = Levels.Count;
            Walk(section.Children.Where(c => !shared.Contains(c)).ToList(), Context.Levels, owner: null);
            foreach (var part in shared)
            {
                foreach (var level in Levels.Skip(first))
                {
                    if (_tree.ClassOf(part).Kind == SectionKind.Responsibilities)
                    {
                        level.Responsibilities ??= part;
                    }
                    else
                    {
                        level.Requirements ??= part;
                    }
                }
            }
        }
        else if (context == Context.Top && owner is null && DescribesLevelsBelow(section, siblings))
        {
            // "## Widget Analyst" › "### Responsibilities", "### Requirements", then "## Levels" › "### Senior Widget
            // Analyst" …: what every level shares, written under the family's name (Hugo-era and Middleman
            // it-helpdesk-analyst, marketing/editor): the page's sections, not a level without a grade.
            Walk(section.Children, Context.Top, owner: null);
        }
        else if (HasRoleSections(section) || NamedByNextSibling(section, siblings, owner, acceptGeneric: context == Context.Nested))
        {
            // Under "## Hiring Process" a team's heading ("### Geo" › "#### Requirements") is a specialty written after
            // the hiring steps, not a level continued there (Hugo-era development/backend/_index.md).
            var kind = owner?.Kind == RoleKind.Specialty || (context == Context.Nested && IsTeamHeading(section))
                ? RoleKind.Specialty : listKind;
            current = NewRole(section.Title, section, kind);
            Walk(section.Children, Context.RoleBody, current);
        }
        else
        {
            owner?.Sections.Add(section);
            Walk(section.Children, context is Context.RoleBody or Context.Nested ? context : Context.Top, owner);
        }
    }

    /// <summary>
    /// "Required Skills by Level" (any title ending in "by level(s)" or "per level"): a heading whose sub-headings name
    /// levels already read, each over a list. Only with at least one such sub-heading, and none with sub-headings of its
    /// own (a heading over whole levels is read as before).
    /// </summary>
    private bool ListsRequirementsByLevel(Section section)
    {
        var words = section.Title.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 && words[^2] is "by" or "per" && words[^1] is "level" or "levels"
            && section.Children.Count > 0 && section.Children.All(c => c.Children.Count == 0)
            && section.Children.Any(c => LevelNamed(c.Title) is not null && c.Items.Count > 0);
    }

    /// <summary>The level already read whose name is exactly <paramref name="title"/> (case and surrounding space aside).</summary>
    private Role? LevelNamed(string title) =>
        Levels.FirstOrDefault(l => string.Equals(l.Name.Trim(), BareTitle(title), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A heading with no role sections of its own whose first sub-heading has the same title: a wrapper repeating the
    /// name of the one role under it, not a second role.
    /// </summary>
    private bool RepeatsItsFirstSubheading(Section section) =>
        section.Children.Count > 0
        && _tree.ClassOf(section.Children[0]).Kind == SectionKind.Other
        && string.Equals(BareTitle(section.Children[0].Title), BareTitle(section.Title), StringComparison.OrdinalIgnoreCase)
        && !section.Children.Any(c => _tree.ClassOf(c).IsRoleSection);

    private static string BareTitle(string title) => title.Trim().TrimEnd(':').TrimEnd();

    /// <summary>
    /// "Staff Widget Engineer" and "Senior Widget Engineer": the same words apart from rank words, and different rank
    /// words – the same role at another rank (a heading prefix naming a sibling level, not the enclosing one).
    /// </summary>
    private static bool IsOtherRankOf(string prefix, string roleName)
    {
        var a = Words(prefix);
        var b = Words(roleName);
        var ranksA = a.Where(DistinguishingRanks.Contains).ToHashSet();
        var ranksB = b.Where(DistinguishingRanks.Contains).ToHashSet();
        a.ExceptWith(ranksA);
        b.ExceptWith(ranksB);
        return a.Count > 0 && a.SetEquals(b) && ranksA.Count > 0 && !ranksA.SetEquals(ranksB);
    }

    /// <summary>
    /// A page-level "Job Grade(s)" heading whose sub-headings all name something (no role sections, no prose): each
    /// sub-heading is a level and the grade sentence under it is that level's.
    /// </summary>
    private bool ListsRoles(Section section) =>
        section.Children.Count > 0
        && section.Children.All(c => _tree.ClassOf(c).Kind == SectionKind.Other && !LooksLikeProse(c));

    /// <summary>
    /// "FinOps Engineering Roles at GitLab", "Widget Roles": the word "roles" names a group of roles, never one role.
    /// </summary>
    /// <summary>
    /// "## Support Management Roles" › "### Manager, Support" (with "#### Job Grade" …) › "### Director of Support" (a
    /// statement and a list, no sub-headings): a heading naming roles in the plural whose every sub-heading is a role –
    /// one with a role's sections, or a name with a rank word (manager, director, VP, …) – at least one with its
    /// sections. Its sub-headings are levels, like those under "## Levels", so a level written without sub-headings is
    /// not lost between two others. A group holding a shared section or any other heading is not one.
    /// </summary>
    private bool ListsOnlyRoles(Section section)
    {
        if (section.HeadingLevel == 1 || !NamesRolesInPlural(section.Title) || section.Children.Count < 2)
        {
            return false;
        }

        var withSections = 0;
        foreach (var child in section.Children)
        {
            if (_tree.ClassOf(child).Kind != SectionKind.Other || LooksLikeProse(child) || IsDescriptiveHeading(child))
            {
                return false;
            }

            if (HasRoleSections(child))
            {
                withSections++;
            }
            else if (!child.Title.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(SeniorityWords.Contains))
            {
                return false;
            }
        }

        return withSections > 0;
    }

    /// <summary>
    /// An empty heading naming roles in the plural ("Widget Management Roles"), below the page title and at the top of
    /// the page: a heading over the roles written after it as its siblings.
    /// </summary>
    /// <summary>
    /// "Senior Director, Widgets": a title with a seniority or rank word names a role, even when its text only links to
    /// the levels around it ("reports to the [VP](#vp)", "extends the [Director](#director) role").
    /// </summary>
    private static bool NamesRank(string title) =>
        title.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(SeniorityWords.Contains);

    private bool AnnouncesRolesAsSiblings(Section section, Context context, Role? owner) =>
        context == Context.Top && owner is null && section.HeadingLevel > 1 && section.Children.Count == 0
        && section.Items.Count == 0 && NamesRolesInPlural(section.Title) && !LooksLikeProse(section);

    private static bool NamesRolesInPlural(string title) =>
        title.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries).Contains("roles");

    /// <summary>
    /// The role just before <paramref name="section"/> when the page role already has a section of this kind and
    /// that role has none: a page states its own responsibilities once.
    /// </summary>
    private Role? RepeatedAfterLevel(Section section, HeadingClassification classification)
    {
        if (PageRole is null || classification.Kind == SectionKind.PerformanceIndicators || SectionOf(PageRole, classification.Kind) is null)
        {
            return null;
        }

        var previous = Levels.Concat(Specialties).Where(r => r.StartLine < section.StartLine).MaxBy(r => r.StartLine);
        return previous is not null && SectionOf(previous, classification.Kind) is null ? previous : null;
    }

    private static Section? SectionOf(Role role, SectionKind kind) => kind switch
    {
        SectionKind.Responsibilities => role.Responsibilities,
        SectionKind.Requirements => role.Requirements,
        SectionKind.NiceToHaves => role.NiceToHaves,
        SectionKind.JobGrade => role.JobGrade,
        _ => null,
    };

    /// <summary>
    /// "### Senior Support Engineer" › "#### Job Grade" written under "## Specialties": specialties have no grade of
    /// their own, so a graded heading named by seniority or management rank is a level.
    /// </summary>
    private static bool IsMisplacedLevel(Section section) =>
        section.Children.Any(c => c.Kind == SectionKind.JobGrade)
        && section.Title.ToLowerInvariant().Split([' ', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Any(SeniorityWords.Contains);

    /// <summary>
    /// "### Widget Planner" › "#### Widget Planner Job Grade" under "## Specialties", after the level "Associate Widget
    /// Planner": the family's own (intermediate) level, named by the page title, written below a Specialties heading.
    /// It has a grade, and specialties have none of their own, so it is a level too.
    /// </summary>
    private bool IsMisplacedBaseLevel(Section section) =>
        Levels.Count > 0
        && section.Children.Any(c => c.Kind == SectionKind.JobGrade)
        && string.Equals(section.Title.Trim(), _pageTitle.Trim(), StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string> SeniorityWords =
    [
        "junior", "intermediate", "senior", "staff", "principal", "distinguished", "manager", "director", "vp", "vice", "head",
    ];

    /// <summary>
    /// A heading worded like a sentence ("What it's like to work here:", "How you'll be measured", "Why join?") is
    /// not a role name.
    /// </summary>
    private static bool LooksLikeProse(Section section)
    {
        var title = section.Title.TrimEnd();
        var first = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant();
        return title.EndsWith(':') || title.EndsWith('?') || first is "how" or "what" or "why" or "where" or "when";
    }

    /// <summary>
    /// "# Widget Operations Manager" › "### Responsibilities" … then "# Senior Widget Operations Analyst" › …: a page
    /// whose roles are written as H1 headings. One H1 repeats the page title and is looked through; two or more H1s
    /// with a role's sections of their own are the roles.
    /// </summary>
    private bool IsOneOfSeveralRoleH1s(Section section, List<Section> siblings) =>
        HasRoleSectionsThroughDescriptive(section)
        && siblings.Count(s => s.HeadingLevel == 1 && HasRoleSectionsThroughDescriptive(s)) >= 2;

    /// <summary><see cref="HasRoleSections"/>, also looking through a descriptive child ("### Role" › …).</summary>
    private bool HasRoleSectionsThroughDescriptive(Section section) =>
        HasRoleSections(section) || section.Children.Any(c => IsDescriptiveHeading(c) && HasRoleSections(c));

    /// <summary>
    /// A heading without a grade whose only role sections before the graded roles it holds are a Requirements heading
    /// and at most one Responsibilities heading (generic or named by it): a group of levels with what they share, not
    /// a level ("## Gadgets" › "### Gadgets Requirements", "### Gadget Buyer" › "#### Job Grade"; Hugo-era
    /// sales/partner-account-manager's "## Widget Sales Leadership (People Management)" › "### Leadership
    /// Responsibilities", "### Leadership Requirements", "### Senior Manager, Widget Sales" › "#### Job Grade").
    /// </summary>
    /// <remarks>
    /// Before the shared Responsibilities were accepted, such a group was a level without a grade that held every
    /// bullet, and its levels had none.
    /// </remarks>
    private bool IsGroupSharingSections(Section section, out List<Section> shared)
    {
        shared = [];
        var firstRole = section.Children.FindIndex(c => c.Children.Any(g => _tree.ClassOf(g).Kind == SectionKind.JobGrade));
        if (firstRole < 0)
        {
            return false;
        }

        // Before the first graded role: the shared Requirements (and Responsibilities) and nothing else of a role's;
        // role sections after it are those roles' own, written a level too high ("### Gadget Analyst" › "#### Job
        // Grade", "### Responsibilities").
        var before = section.Children.Take(firstRole).Where(c => _tree.ClassOf(c).IsRoleSection).ToList();
        var kinds = before.Select(c => _tree.ClassOf(c)).ToList();
        if (kinds.Count(k => k.Kind == SectionKind.Requirements) != 1
            || kinds.Count(k => k.Kind == SectionKind.Responsibilities && !k.AlsoRequirements) != before.Count - 1
            || before.Count > 2
            || kinds.Any(k => k.Prefix.Length > 0 && !NamesMatch(k.Prefix, BareName(section.Title))))
        {
            return false;
        }

        shared = before;
        return true;
    }

    /// <summary>The title without a parenthesised part: "Widget Sales Leadership (People Management)" names the group.</summary>
    private static string BareName(string title)
    {
        var open = title.IndexOf('(');
        var close = open < 0 ? -1 : title.IndexOf(')', open + 1);
        return open > 0 && close > open ? (title[..open] + title[(close + 1)..]).Trim() : title.Trim();
    }

    /// <summary>
    /// "### Widget Support, Gears:" under "## Specialties": a short name followed by a colon, as a list of specialties
    /// writes them; not a sentence ("What it's like to work here:" is longer and starts with a question word).
    /// </summary>
    private static bool IsNameWithColon(Section section)
    {
        var title = section.Title.Trim();
        var words = title.TrimEnd(':').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = words.FirstOrDefault()?.ToLowerInvariant();
        return title.EndsWith(':') && !title.EndsWith("::", StringComparison.Ordinal) && words.Length is > 0 and <= 4
            && first is not ("how" or "what" or "why" or "where" or "when" or "who");
    }

    /// <summary>
    /// A heading that only says "this is about the role" ("## Role", "## Overview") is not a role name, even with a
    /// "### Base Requirements" under it: its sections belong where they would without it (the page's, shared by its
    /// levels, at the top).
    /// </summary>
    /// <summary>A heading with no sub-headings whose own text links to two or more different anchors of the page.</summary>
    private static bool LinksToOtherHeadings(Section section)
    {
        if (section.Children.Count > 0)
        {
            return false;
        }

        var anchors = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in section.Blocks)
        {
            // The text's blocks (a paragraph, or a table's cells): their inlines hold the links.
            var leaves = block is Markdig.Syntax.LeafBlock leaf ? [leaf]
                : block is Markdig.Syntax.ContainerBlock container ? Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Syntax.LeafBlock>(container) : [];
            foreach (var text in leaves)
            {
                if (text.Inline is null)
                {
                    continue;
                }

                foreach (var link in Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Syntax.Inlines.LinkInline>(text.Inline))
                {
                    if (link.Url is { Length: > 1 } url && url[0] == '#' && anchors.Add(url) && anchors.Count >= 2)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// "### About the Role", "#### Overview", and a role's name followed by "Description" ("#### Manager, Widget Design
    /// Description" under "### Widget Design"): text about the role it is in, never a role of its own – no job title
    /// ends in "Description". Without the last rule such a heading, named like the lists after it ("#### Manager,
    /// Widget Design Requirements"), became a second specialty beside an empty one (finance/manager-data).
    /// </summary>
    private static bool IsDescriptiveHeading(Section section)
    {
        var title = section.Title.Trim().TrimEnd(':', '.').TrimEnd();
        return DescriptiveTitles.Contains(title)
            || (title.EndsWith(" Description", StringComparison.OrdinalIgnoreCase) && title.Length > " Description".Length);
    }

    private static readonly HashSet<string> DescriptiveTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Role", "The Role", "About the Role", "About this Role", "Role Description", "Role Overview", "Job Description",
        "Overview", "Introduction", "Summary", "Description",
    };

    private bool AnnouncesSpecialties(Section section) =>
        section.Children.Any(c => c.Kind == SectionKind.Specialties && c.Children.Count == 0 || AnnouncesSpecialties(c));

    private List<Role> ListFor(RoleKind kind) => kind == RoleKind.Specialty ? Specialties : Levels;

    private Role NewRole(string name, Section section, RoleKind kind)
    {
        var role = new Role
        {
            Kind = kind,
            Name = name,
            Anchor = section.Anchor.Length > 0 ? section.Anchor : KramdownIds.Generate(name),
            Location = section.Location,
            Heading = section.Heading,
            StartLine = section.StartLine,
            EndLine = section.EndLine,

            // Only a role's own heading has an overview; a role made from a list heading ("#### Staff Widget Engineer
            // Responsibilities") has that list.
            Overview = section.Kind == SectionKind.Other && section.Items.Count > 0 ? section : null,
        };
        ListFor(kind).Add(role);
        return role;
    }

    private Role EnsurePageRole(Section first)
    {
        if (PageRole is null)
        {
            PageRole = new Role
            {
                Kind = RoleKind.Page,
                Name = _pageTitle,
                Anchor = string.Empty,
                Location = first.Location,
                StartLine = 1,
                EndLine = _lastLine,
            };
        }

        return PageRole;
    }

    private void Attach(Role role, Section section, HeadingClassification classification)
    {
        if (RankVariantOf(role, section, classification) is { } variant)
        {
            // "#### Senior Responsibilities" inside the "Analyst Relations" specialty: the senior variant of that role,
            // which its own statements ("Extends that of the Analyst Relations responsibilities") build on.
            role = variant;
        }

        role.Sections.Add(section);
        switch (classification.Kind)
        {
            case SectionKind.Responsibilities:
                role.Responsibilities ??= section;
                if (classification.AlsoRequirements)
                {
                    role.Requirements ??= section;
                }

                break;
            case SectionKind.Requirements:
                role.Requirements ??= section;
                break;
            case SectionKind.NiceToHaves:
                role.NiceToHaves ??= section;
                break;
            case SectionKind.PerformanceIndicators:
                role.PerformanceIndicators ??= section;
                break;
            case SectionKind.JobGrade:
                role.JobGrade ??= section;
                break;
        }

        if (role.Kind != RoleKind.Page)
        {
            role.EndLine = Math.Max(role.EndLine, section.EndLine);
        }

        // Sub-headings of a role section ("##### Nice to have" under "#### Requirements") belong to the same role;
        // a sub-heading that itself has a role's sections is another role nested wrongly under this one.
        var target = role;
        foreach (var child in section.Children)
        {
            var childClass = _tree.ClassOf(child);
            if (childClass.IsRoleSection)
            {
                Attach(target, child, childClass);
            }
            else if (role.Kind == RoleKind.Page && classification.Kind is SectionKind.Requirements or SectionKind.Responsibilities
                && childClass.Kind == SectionKind.Other && NamesLevelOfPage(child.Title) && !IsWholeLevel(child, classification.Kind))
            {
                // Section first, levels below: "## Requirements" › "### Senior Widget Engineer" (a list) ›
                // "### Staff Widget Engineer" (a list). Each sub-heading is a level whose own text is that section.
                target = NewRole(child.Title, child, RoleKind.Level);
                Attach(target, child, classification);
                Walk(child.Children, Context.RoleBody, target);
            }
            else if (childClass.Kind == SectionKind.Other
                && (HasRoleSections(child) || NamedByNextSibling(child, section.Children, role, acceptGeneric: !SplitsRequirements(classification, child, section.Children))))
            {
                // "## Responsibilities" › "### Secure" › "#### Requirements": under the page's own section a team's
                // heading is a specialty of the page (Hugo-era management/distinguished.md), not a level.
                var kind = role.Kind == RoleKind.Specialty || (role.Kind == RoleKind.Page && IsTeamHeading(child))
                    ? RoleKind.Specialty : RoleKind.Level;
                target = NewRole(child.Title, child, kind);
                Walk(child.Children, Context.RoleBody, target);
            }
        }
    }

    /// <summary>
    /// A heading under "## Requirements" that has a grade or its own section of that kind ("### Senior Widget Planner" ›
    /// "#### Job Grade", "#### Senior Widget Planner Requirements"): a whole level that only ended up under the page's
    /// section because the heading before it was written a level too high (Hugo-era people-group/global-workforce-strategy).
    /// Read "section first" (the heading's own text as the section), its own requirements list was dropped, as the
    /// level's requirements were already taken.
    /// </summary>
    private bool IsWholeLevel(Section child, SectionKind parentKind) =>
        child.Children.Any(c => _tree.ClassOf(c).Kind is var kind && (kind == SectionKind.JobGrade || kind == parentKind));

    /// <summary>
    /// "### Requirements" › "#### Required Skills" then "#### Desired Skills": the parts of one requirements list. A
    /// generic nice-to-haves (or requirements) heading after a sub-heading of the requirements is the next part of that
    /// list, so it does not make the sub-heading a role, as a generic "Job Grade" or "Responsibilities" would.
    /// </summary>
    private bool SplitsRequirements(HeadingClassification parent, Section child, List<Section> siblings)
    {
        if (parent.Kind is not (SectionKind.Requirements or SectionKind.NiceToHaves))
        {
            return false;
        }

        var index = siblings.IndexOf(child);
        return index >= 0 && index + 1 < siblings.Count
            && _tree.ClassOf(siblings[index + 1]).Kind is SectionKind.NiceToHaves or SectionKind.Requirements;
    }

    /// <summary>
    /// A heading that names a level of this page: a seniority or rank word plus words of the page title
    /// ("Senior Widget Engineer" on "Widget Engineer"), so prose sub-headings of a section are not taken for levels.
    /// </summary>
    private bool NamesLevelOfPage(string title)
    {
        var words = title.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (!words.Any(SeniorityWords.Contains))
        {
            return false;
        }

        var rest = string.Join(' ', words.Where(w => !SeniorityWords.Contains(w)));
        return Words(rest).Count > 0 && Words(_pageTitle).Count > 0 && NamesMatch(rest, _pageTitle);
    }

    /// <summary>
    /// The role "&lt;rank&gt; &lt;role&gt;" for a responsibilities or requirements heading whose prefix is a single rank
    /// word the role's own name lacks ("Senior Responsibilities" under "Analyst Relations"); created on first use.
    /// </summary>
    private Role? RankVariantOf(Role role, Section section, HeadingClassification classification)
    {
        if (role.Kind is not (RoleKind.Level or RoleKind.Specialty)
            || classification.Kind is not (SectionKind.Responsibilities or SectionKind.Requirements)
            || !RankWords.Contains(classification.Prefix.Trim().ToLowerInvariant())
            || Words(role.Name).Contains(classification.Prefix.Trim().ToLowerInvariant()))
        {
            return null;
        }

        var name = classification.Prefix.Trim() + " " + role.Name;
        return ListFor(role.Kind).FirstOrDefault(r => r.Name == name) ?? NewRole(name, section, role.Kind);
    }

    private static readonly HashSet<string> RankWords = ["junior", "associate", "intermediate", "senior", "staff", "principal", "distinguished", "lead"];

    /// <summary>
    /// "### Procurement Analyst" › "#### Procurement Analyst Levels" › "##### …" (or an empty "Levels" heading with the
    /// levels after it) groups roles; but a role with its own sections and a prose-only "### Specialties" note ("Specialties include Education and Open Source") is a role,
    /// and so is a heading with its own Job Grade.
    /// </summary>
    private bool IsGroupOfRoles(Section section)
    {
        var lists = section.Children.Where(c => c.Kind is SectionKind.Levels or SectionKind.Specialties).ToList();
        return lists.Count > 0 && (lists.Any(c => c.Children.Count > 0 || c.Blocks.Count == 0) || !HasRoleSections(section))
            && !(lists.Any(c => c.Kind == SectionKind.Levels) && HasOwnJobGrade(section))
            && !HoldsItsOwnSpecialties(section, lists);
    }

    /// <summary>
    /// "## Widget Design Manager" › "### Job Grade", "### Responsibilities", "### Specialties" › "#### Gears", then
    /// "### Requirements": a graded role with its own responsibilities or requirements whose specialties are nested
    /// under its Specialties heading is that role (a level), not a group; its specialties are specialties of the page.
    /// </summary>
    /// <remarks>
    /// An empty "### Specializations" with the specialties written as its siblings (engineering/support-readiness-specialist,
    /// whose heading also wraps the Senior level and the Career Ladder) keeps the group reading.
    /// </remarks>
    private bool HoldsItsOwnSpecialties(Section section, List<Section> lists) =>
        lists.All(c => c.Kind == SectionKind.Specialties && c.Children.Count > 0)
        && HasOwnJobGrade(section)
        && section.Children.Any(c => _tree.ClassOf(c).Kind is SectionKind.Responsibilities or SectionKind.Requirements);

    /// <summary>
    /// "## Widget Planner (Intermediate)" › "### Job Grade", "### Responsibilities", then "### Levels" › "#### Senior" …:
    /// a heading with its own grade is a role, even with the other levels listed under it; a group has no grade.
    /// (Only with a Levels list: a graded heading over "### Specializations" keeps the older reading, in which its
    /// Career Ladder and Hiring Process sub-sections are the page's.)
    /// </summary>
    /// <remarks>
    /// Only a grade written before the Levels heading counts, generic or naming exactly this heading: in
    /// "### Widget Analyst" › "#### Widget Analyst Levels" › "#### Widget Analyst (Intermediate) Job Grade" the grade
    /// is the first level's, and the heading stays a group.
    /// </remarks>
    private bool HasOwnJobGrade(Section section)
    {
        foreach (var child in section.Children)
        {
            if (child.Kind is SectionKind.Levels or SectionKind.Specialties)
            {
                return false;
            }

            if (_tree.ClassOf(child) is { Kind: SectionKind.JobGrade } cc
                && (cc.Prefix.Length == 0 || string.Equals(cc.Prefix.Trim(), section.Title.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A heading named like a team ("Geo", "Distribution:Build"; <see cref="TeamHeading"/>) with no grade of its own and
    /// not named like the page: a specialty wherever the page writes it, since levels are named by rank or job title.
    /// </summary>
    private bool IsTeamHeading(Section section) =>
        TeamHeading.NamesNoRole(section.Title)
        && !section.Children.Any(c => c.Kind == SectionKind.JobGrade)
        && !NamesMatch(section.Title, _pageTitle);

    /// <summary>A heading whose direct children include a role's sections is a role (T2, T1 without "Levels").</summary>
    private bool HasRoleSections(Section section) =>
        section.Children.Any(c => _tree.ClassOf(c) is { IsRoleSection: true } cc
            && (cc.Prefix.Length == 0 || NamesMatch(cc.Prefix, section.Title) || cc.Kind != SectionKind.JobGrade));

    /// <summary>
    /// An empty heading directly followed by "&lt;its title&gt; Responsibilities" siblings names a role
    /// ("### International Payroll" then "### International Payroll Responsibilities").
    /// </summary>
    private bool NamedByNextSibling(Section section, List<Section> siblings, Role? owner, bool acceptGeneric = false)
    {
        if (section.Children.Count > 0)
        {
            return false;
        }

        var index = siblings.IndexOf(section);
        if (index < 0 || index + 1 >= siblings.Count)
        {
            return false;
        }

        var next = _tree.ClassOf(siblings[index + 1]);
        if (next.Kind == SectionKind.JobGrade && next.Prefix.Length == 0
            && (Levels.Count + Specialties.Count > 0
                || (TextNames(siblings[index + 1], section.Title) && siblings.Skip(index + 2).Any(HasRoleSections))))
        {
            // "## Manager, X" then "## Job Grade" at the same level, after other roles: a role written flat. So is the
            // first of them, when roles follow ("## Widget Clerk", "## Job Grades" › "### Responsibilities", then
            // "## Senior Widget Clerk" › "### Job Grade" …; Hugo-era legal-and-corporate-affairs/contract-manager), when the
            // grade's text names it.
            return true;
        }

        if (owner is not null && next.Prefix.Length > 0 && NamesMatch(next.Prefix, owner.Name))
        {
            // "#### Data Scientist Description" then "#### Data Scientist Requirements": both are the owner's.
            return false;
        }

        return next.IsRoleSection && (next.Prefix.Length > 0 ? NamesMatch(next.Prefix, section.Title) : acceptGeneric);
    }

    /// <summary>
    /// Whether a heading prefix refers to the role: one's words are all among the other's ("Vice President of SA"
    /// and "Vice President of Solution Architecture (SA)"), ignoring case, punctuation and plural 's'.
    /// </summary>
    internal static bool NamesMatch(string prefix, string roleName) =>
        // The same text has the same words: that answer without building the word sets is the common case
        // ("#### Senior X Responsibilities" under "### Senior X").
        string.Equals(prefix, roleName, StringComparison.Ordinal) || NamesMatchByWords(prefix, roleName);

    /// <summary><see cref="NamesMatch"/> from the word sets (always; the tests check it agrees on equal texts).</summary>
    internal static bool NamesMatchByWords(string prefix, string roleName)
    {
        var a = Words(prefix);
        var b = Words(roleName);
        if (a.Count == 0 || b.Count == 0)
        {
            return true;
        }

        if (!a.IsSubsetOf(b) && !b.IsSubsetOf(a))
        {
            // "Manager, CSE Job Grade" under "### Manager, Customer Success Engineers": an acronym in capitals stands for
            // the words whose initials it spells (Hugo-era sales/customer-success-engineer, where each manager level
            // was split in two: an empty one and one named by the acronym).
            ExpandAcronyms(prefix, roleName, a);
            ExpandAcronyms(roleName, prefix, b);
        }

        // "Senior Manager, X" is not "Manager, X": the words one name adds may not include a rank.
        return (a.IsSubsetOf(b) || b.IsSubsetOf(a)) && !a.Union(b).Except(a.Intersect(b)).Any(DistinguishingRanks.Contains);
    }

    /// <summary>
    /// Replaces in <paramref name="words"/> (the words of <paramref name="text"/>) each acronym of <paramref name="text"/>
    /// – two to five capital letters – that is not a word of <paramref name="other"/> but spells the initials of
    /// consecutive words of it, with those words.
    /// </summary>
    private static void ExpandAcronyms(string text, string other, HashSet<string> words)
    {
        string[]? otherTokens = null;
        foreach (var token in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length is < 2 or > 5 || !token.All(char.IsAsciiLetterUpper))
            {
                continue;
            }

            otherTokens ??= other.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            for (var start = 0; start + token.Length <= otherTokens.Length; start++)
            {
                var run = otherTokens.AsSpan(start, token.Length);
                var spells = true;
                for (var i = 0; i < run.Length && spells; i++)
                {
                    spells = char.ToUpperInvariant(run[i][0]) == token[i];
                }

                if (spells)
                {
                    words.Remove(token.ToLowerInvariant());
                    words.UnionWith(Words(string.Join(' ', run.ToArray())));
                    break;
                }
            }
        }
    }

    private static readonly HashSet<string> DistinguishingRanks =
    [
        "junior", "associate", "senior", "staff", "principal", "distinguished", "manager", "director", "vp", "vice", "head", "chief",
    ];

    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Length > 3 && raw.EndsWith('s') ? raw[..^1] : raw;
            if (word is not ("of" or "the" or "and" or "for" or "a" or "an"))
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static readonly char[] Separators = [.. " \t,;:()[]/&-–—.'\"*_".ToCharArray()];

    /// <summary>
    /// A role covers its sections; where roles overlap (a role nested wrongly inside another) the earlier one ends
    /// where the next starts.
    /// </summary>
    private void SetEndLines()
    {
        var roles = StableSort.ToSortedList(Levels.Concat(Specialties), static (a, b) => a.StartLine.CompareTo(b.StartLine));
        for (var i = 0; i + 1 < roles.Count; i++)
        {
            if (roles[i + 1].StartLine <= roles[i].EndLine)
            {
                roles[i].EndLine = Math.Max(roles[i].StartLine, roles[i + 1].StartLine - 1);
            }
        }
    }
}
