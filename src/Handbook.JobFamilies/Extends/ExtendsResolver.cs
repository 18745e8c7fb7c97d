namespace Handbook.JobFamilies.Extends;

using System.Collections.Concurrent;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Collections;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Resolves the statements of all families to the roles they extend: in-page anchors, links to other families,
/// positions ("above", "previous level", "the intermediate position"), the page's general sections, and role names
/// (see <see cref="RoleNameMatcher"/>). Reports EXTENDS001 (unresolved), EXTENDS002 (self-reference or cycle) and
/// EXTENDS003 (ambiguous), and fills <see cref="Role.Extends"/>. Reads the ASTs, never changes them.
/// </summary>
/// <param name="lookup">Finds the families statements link to.</param>
/// <param name="statements">The statements already found on these trees (<see cref="FoundStatementsMemo"/>), or null:
/// each call of <see cref="Resolve(IReadOnlyList{JobFamily}, DiagnosticBag, IReadOnlySet{JobFamily})"/> then
/// remembers what it finds only for itself.</param>
public sealed partial class ExtendsResolver(IFamilyLookup lookup, FoundStatementsMemo? statements = null)
{
    /// <summary>Two candidates whose costs differ by less than this are equally good.</summary>
    private const double Tie = 0.001;

    /// <summary>A role on another page found by name alone must match this well (links are the normal way).</summary>
    private const double CrossPageMaxCost = 0.3;

    // Roles in page order (a comparison for StableSort: LINQ's sort by an int key is JIT-compiled in every build, issue 9).
    private static readonly Comparison<Role> ByStartLine = static (a, b) => a.StartLine.CompareTo(b.StartLine);

    private IReadOnlyList<JobFamily> _all = [];

    // The names each role's own statements extend, by role: a candidate that extends a role of the very name being
    // looked up is a variant of that role, not the role (see Narrow). Empty while the owners' closure is found.
    private Dictionary<Role, List<string>> _namesExtendedBy = new(ReferenceEqualityComparer.Instance);

    // Normalised words of role names and family titles, memoised: every statement compares its target with the
    // same role names again (issue 9: recomputing them per comparison was most of what resolving allocated).
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _familyWords = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Role, HashSet<string>> _impliedWords = new(ReferenceEqualityComparer.Instance);

    public ExtendsResolution Resolve(IReadOnlyList<JobFamily> families, DiagnosticBag diagnostics) => Resolve(families, diagnostics, owners: null);

    /// <summary>
    /// Resolves the statements of <paramref name="owners"/> (all families when null) against all
    /// <paramref name="families"/>, and fills <see cref="Role.Extends"/> of the owners only. The statements of the
    /// families the owners extend (transitively) are resolved too, without touching those families, because what an
    /// owner inherits depends on them; that is what an incremental rebuild of a few pages needs.
    /// </summary>
    public ExtendsResolution Resolve(IReadOnlyList<JobFamily> families, DiagnosticBag diagnostics, IReadOnlySet<JobFamily>? owners)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(diagnostics);
        _all = families;
        _namesExtendedBy = new(ReferenceEqualityComparer.Instance);

        // The closure finds the owners' statements (and those of the families they reach); resolving reads them again.
        var known = statements ?? new FoundStatementsMemo();
        var included = owners is null ? null : ExtendedClosure(families, owners, known);
        var subset = included is null ? families : families.Where(included.Contains).ToList();

        // Finding statements only reads each page's AST: pages in parallel, concatenated in page order (and so are
        // the regex time-outs each page reports; a remembered find had none).
        var perFamily = new IReadOnlyList<FoundStatement>[subset.Count];
        var timeouts = new List<Diagnostic>[subset.Count];
        Parallel.For(0, subset.Count, i =>
        {
            timeouts[i] = [];
            perFamily[i] = known.TryGet(subset[i], out var found) ? found : StatementFinder.Find(subset[i], timeouts[i]);
        });
        var found = perFamily.SelectMany(f => f).ToList();
        diagnostics.ReportAll(timeouts.SelectMany(t => t));
        _namesExtendedBy = NamesExtendedBy(found);
        var resolved = new List<ResolvedStatement>();
        var outside = new HashSet<FoundStatement>();
        foreach (var f in found)
        {
            ReportMisspeltVerb(f, diagnostics);
            var r = ResolveStatement(f, diagnostics, out var pointsOutside);
            if (r is not null)
            {
                resolved.Add(r);
            }
            else if (pointsOutside)
            {
                outside.Add(f);
            }
        }

        resolved = BreakCycles(resolved, diagnostics, out var brokenCycles);
        foreach (var r in resolved.Where(r => r.Owner.Role is not null && (owners is null || owners.Contains(r.Owner.Family))))
        {
            foreach (var t in r.Targets)
            {
                r.Owner.Role!.Extends.Add(new ExtendsLink(t.Url, t.Name, r.Sections, r.Found.Location) { IsAlternative = r.IsChoice });
            }
        }

        return new ExtendsResolution(found, resolved) { BrokenCycles = brokenCycles, PointingOutside = outside };
    }

    private static void ReportMisspeltVerb(FoundStatement f, DiagnosticBag diagnostics)
    {
        if (f.Statement.MisspeltVerb is not { } written || MisspeltVerb.Replacement(written) is not { } fix)
        {
            return;
        }

        diagnostics.Report(Diagnostic.Warning(
            ExtendsCodes.MisspeltVerb,
            $"'{written}' is read as '{fix}': the statement inherits as if it were spelt right",
            f.Location,
            $"did you mean '{fix}'?"));
    }

    /// <summary>The owners and every family their statements reach, transitively (resolved once without reporting).</summary>
    private HashSet<JobFamily> ExtendedClosure(IReadOnlyList<JobFamily> families, IReadOnlySet<JobFamily> owners, FoundStatementsMemo known)
    {
        var included = new HashSet<JobFamily>(owners, ReferenceEqualityComparer.Instance);
        var pending = new Queue<JobFamily>(families.Where(owners.Contains));
        var silent = new DiagnosticBag();
        while (pending.TryDequeue(out var family))
        {
            foreach (var statement in known.Find(family))
            {
                foreach (var target in ResolveStatement(statement, silent, out _)?.Targets ?? [])
                {
                    if (included.Add(target.Family))
                    {
                        pending.Enqueue(target.Family);
                    }
                }
            }
        }

        return included;
    }

    private ResolvedStatement? ResolveStatement(FoundStatement f, DiagnosticBag diagnostics, out bool pointsOutside)
    {
        pointsOutside = false;
        var skippedOutside = 0;
        var owner = new ExtendsNode(f.Family, f.Role);
        var s = f.Statement;
        var sections = s.Sections.Count > 0 ? s.Sections
            : f.ContextKind is { } k ? [k]
            : [SectionKind.Responsibilities, SectionKind.Requirements, SectionKind.NiceToHaves, SectionKind.PerformanceIndicators];

        var targets = new List<ExtendsNode>();
        var isChoice = s.IsChoice;
        foreach (var target in s.Targets)
        {
            var result = ResolveTarget(target, f, sections);
            if (result.Nodes.Count == 1 && IsOwn(result.Nodes[0], f) && LinksOutsideTheSite(target))
            {
                // "must meet the requirements for a [Senior Engineer](https://example.com/…/gadget-engineer/…)" on the
                // Senior Widget Engineer level: the link names a role of a page this site does not build, and only its
                // words fit the statement's own role. It points elsewhere – not expanded, and not "extends itself".
                skippedOutside++;
                continue;
            }

            switch (result)
            {
                case { Nodes.Count: 1 }:
                    targets.Add(result.Nodes[0]);
                    break;
                case { Nodes.Count: > 1, IsChoice: true }:
                    targets.AddRange(result.Nodes);
                    isChoice = true;
                    break;
                case { Nodes.Count: > 1 }:
                    diagnostics.Report(Diagnostic.Warning(
                        ExtendsCodes.Ambiguous,
                        $"'{Describe(target)}' matches several roles equally well: {string.Join(", ", result.Nodes.Select(n => n.Name))}; the reader is offered a choice",
                        f.Location,
                        "name the role exactly as its heading does, or link to it with its #anchor"));
                    targets.AddRange(result.Nodes);
                    isChoice = true;
                    break;
                default:
                    diagnostics.Report(Diagnostic.Error(ExtendsCodes.Unresolved, $"cannot find the role '{Describe(target)}' this statement extends", f.Location, result.Hint));
                    break;
            }
        }

        targets = targets.Distinct().ToList();
        if (targets.RemoveAll(n => IsOwn(n, f)) > 0)
        {
            var previous = PreviousRole(f);
            diagnostics.Report(Diagnostic.Error(
                ExtendsCodes.Cycle,
                $"'{owner.Name}' extends itself ({owner.Name} → {owner.Name})",
                f.Location,
                previous is null ? "remove the statement or name the role it really extends" : $"did you mean the previous level '{previous.Name}'?"));
        }

        if (targets.Count == 0)
        {
            // Every target lies outside the site: the bullet is ordinary text (copied when its role is extended).
            pointsOutside = skippedOutside > 0 && skippedOutside == s.Targets.Count;
            return null;
        }

        return new ResolvedStatement(f, owner, targets, isChoice && targets.Count > 1, sections);
    }

    /// <summary>Nodes found (several = ambiguous, unless <see cref="IsChoice"/>: the statement itself offers a choice).</summary>
    private sealed record TargetResult(IReadOnlyList<ExtendsNode> Nodes, string? Hint, bool IsChoice = false)
    {
        public static readonly TargetResult None = new([], null);

        public static TargetResult One(ExtendsNode node) => new([node], null);
    }

    private TargetResult ResolveTarget(ExtendsTarget target, FoundStatement f, IReadOnlyList<SectionKind> sections)
    {
        if (target.Link is { Length: > 0 } link)
        {
            var byLink = ResolveLink(link, target, f);
            if (byLink is not null)
            {
                return byLink;
            }
        }

        return target.Kind switch
        {
            ExtendsTargetKind.Previous => Previous(f, sections, target.Qualifier),
            ExtendsTargetKind.Intermediate => Intermediate(f),
            // Without a page-level section, "the general responsibilities" are the ones of the level before.
            ExtendsTargetKind.General => ExtendsNode.HasGeneral(f.Family) ? TargetResult.One(new ExtendsNode(f.Family, null)) : Previous(f, sections),
            _ => ByName(target.Name ?? string.Empty, f),
        };
    }

    /// <summary>A link that is neither an in-page anchor nor a job-family page URL (another site's page).</summary>
    private static bool LinksOutsideTheSite(ExtendsTarget target) =>
        target.Link is { Length: > 0 } link && !link.StartsWith('#') && !FamilyLookup.IsFamilyUrl(link);

    /// <summary>A link target; null means "the link leads nowhere, fall back to the text".</summary>
    private TargetResult? ResolveLink(string link, ExtendsTarget target, FoundStatement f)
    {
        if (link.StartsWith('#'))
        {
            // An anchor that leads back to the statement's own role ("#responsibilities" is the first such heading,
            // often the role's own) is as broken as a missing one: the link text says what was meant.
            var node = ByAnchor(f.Family, link[1..]);
            if (node is null || IsOwn(node, f))
            {
                return null;
            }

            // "[same responsibilities of a Widget Manager](#responsibilities-1)": a generic section anchor may belong to
            // another role than the one the text names; when the text clearly names a different role, trust the text.
            if (target.Kind == ExtendsTargetKind.Named && target.Name is { Length: > 0 } linkText && !NameFits(linkText, node))
            {
                var byName = MatchIn(f.Family, linkText, f);
                if (byName.Nodes.Count > 0 && !byName.Nodes.Contains(node))
                {
                    return byName;
                }
            }

            return TargetResult.One(node);
        }

        if (!FamilyLookup.IsFamilyUrl(link))
        {
            return null;
        }

        if (!lookup.TryGet(link, out var family))
        {
            return new TargetResult([], $"{link} is not a job family of this site; check the link or add the page");
        }

        if (FamilyLookup.AnchorOf(link) is { } anchor && ByAnchor(family, anchor) is { } anchored)
        {
            return TargetResult.One(anchored);
        }

        if (target.Name is { Length: > 0 } name && MatchIn(family, name, from: null) is { Nodes.Count: > 0 } named)
        {
            return named;
        }

        if (ExtendsNode.HasGeneral(family))
        {
            return TargetResult.One(new ExtendsNode(family, null));
        }

        if (family.PageRole is not null)
        {
            return TargetResult.One(new ExtendsNode(family, family.PageRole));
        }

        return family.Levels.Count == 1
            ? TargetResult.One(new ExtendsNode(family, family.Levels[0]))
            : new TargetResult([], $"{family.Url} has no role named '{target.Name}'{Suggest(family, target.Name ?? string.Empty)}");
    }

    private bool NameFits(string name, ExtendsNode node) =>
        RoleNameMatcher.Cost(WordsOf(name), WordsOf(node.Name), FamilyWordsOf(node.Family.Title)) is not null;

    private static ExtendsNode? ByAnchor(JobFamily family, string anchor)
    {
        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            var role = family.Roles.FirstOrDefault(r => string.Equals(r.Anchor, anchor, comparison));
            if (role is not null)
            {
                return new ExtendsNode(family, role);
            }

            var roles = family.Roles.ToList();
            var sections = ExtendsNode.Flatten(family.Sections)
                .Concat(roles.SelectMany(r => ExtendsNode.Flatten(r.Sections)))
                .Where(s => s.Anchor.Length > 0);
            var section = sections.FirstOrDefault(s => string.Equals(s.Anchor, anchor, comparison));
            if (section is not null)
            {
                var owner = roles.Where(r => r.Sections.Count > 0 && ExtendsNode.Flatten(r.Sections).Contains(section)).FirstOrDefault()
                    ?? StableSort.LastOrDefault(roles.Where(r => r.StartLine <= section.Location.Line && section.Location.Line <= r.EndLine), ByStartLine);
                return new ExtendsNode(family, owner);
            }
        }

        return null;
    }

    private static TargetResult Previous(FoundStatement f, IReadOnlyList<SectionKind> sections, string? qualifier = null)
    {
        var previous = qualifier is null ? PreviousRole(f) : PreviousRoleNamed(f, qualifier) ?? PreviousRole(f);
        if (previous is not null)
        {
            return TargetResult.One(new ExtendsNode(f.Family, previous));
        }

        // The first level's "outlined above" is the page's general section.
        return sections.Any(k => ExtendsNode.GeneralSection(f.Family, k) is not null) || ExtendsNode.HasGeneral(f.Family)
            ? TargetResult.One(new ExtendsNode(f.Family, null))
            : new TargetResult([], "nothing is above this role: no previous level and no general section");
    }

    private static Role? PreviousRole(FoundStatement f)
    {
        if (f.Role is null)
        {
            return null;
        }

        var roles = StableSort.ToSortedList(f.Family.Roles, ByStartLine);
        var i = roles.IndexOf(f.Role);
        return i > 0 ? roles[i - 1] : null;
    }

    /// <summary>The nearest role above the statement's own whose name has <paramref name="word"/> (or its plural).</summary>
    private static Role? PreviousRoleNamed(FoundStatement f, string word)
    {
        if (f.Role is null)
        {
            return null;
        }

        // Words are compared as names are (RoleNameMatcher.Words: "Mgr" = "manager", plurals singular).
        var wanted = RoleNameMatcher.Words(word);
        var roles = StableSort.ToSortedList(f.Family.Roles, ByStartLine);
        for (var i = roles.IndexOf(f.Role) - 1; i >= 0; i--)
        {
            var words = RoleNameMatcher.Words(roles[i].Name);
            if (wanted.Count > 0 && wanted.All(words.Contains))
            {
                return roles[i];
            }
        }

        return null;
    }

    private TargetResult Intermediate(FoundStatement f)
    {
        var candidates = f.Family.Levels.Where(r => WordsOf(r.Name).Contains("intermediate")).ToList();
        if (candidates.Count == 0)
        {
            // "Backend Engineer" beside "Senior Backend Engineer": the level without a level word is the intermediate one.
            candidates = f.Family.Levels.Where(r => RoleNameMatcher.Cost(WordsOf(f.Family.Title), WordsOf(r.Name), []) == 0).ToList();
        }

        return candidates.Count switch
        {
            1 => TargetResult.One(new ExtendsNode(f.Family, candidates[0])),
            > 1 => new TargetResult(candidates.Select(c => new ExtendsNode(f.Family, c)).ToList(), null),
            _ => new TargetResult([], "no level on this page is named Intermediate" + Suggest(f.Family, "Intermediate " + f.Family.Title)),
        };
    }

    private TargetResult ByName(string name, FoundStatement f)
    {
        var corresponding = CorrespondingRegex().Match(name);
        if (corresponding.Success)
        {
            return Corresponding(corresponding.Groups["rest"].Value, f);
        }

        var here = MatchIn(f.Family, name, f);
        if (here.Nodes.Count == 1 && IsOwn(here.Nodes[0], f))
        {
            // "…defined above for the Manager, Infrastructure, Delivery specialty": the phrase ran into the
            // statement's own role name. Try the phrase without its last qualifier before calling it a self-reference.
            foreach (var shorter in Shorter(name))
            {
                var retry = MatchIn(f.Family, shorter, f);
                if (retry.Nodes.Count > 0 && !retry.Nodes.Any(n => IsOwn(n, f)))
                {
                    return retry;
                }
            }

            // A page with one role (a split family's level page "Senior Widget Engineer" saying "Extends the Widget
            // Engineer responsibilities"): the name fits its own title only because words may be left out, and the
            // role it names is a page of its own (a sibling level page, see OnOtherPages). Only a name that is the
            // page's own title word for word is "extends itself" (a statement copied from the level below).
            if (IsOnlyRoleOfPage(f) && RoleNameMatcher.Cost(WordsOf(name), WordsOf(f.Role!.Name), []) is not (< Tie))
            {
                return OnOtherPages(name, f);
            }
        }

        if (here.Nodes.Count > 0)
        {
            return here;
        }

        return OnOtherPages(name, f);
    }

    /// <summary>
    /// The statement's own role – and, when that is the page role, the page's general sections too: the page role's
    /// sections are the page's general sections (a split family's level page, a single-role page), so a statement
    /// that resolves to them extends itself (it resolved to them silently, and inherited nothing, before).
    /// </summary>
    private static bool IsOwn(ExtendsNode node, FoundStatement f) =>
        ReferenceEquals(node.Family, f.Family)
        && (ReferenceEquals(node.Role, f.Role)
            || (node.Role is null && f.Role is { Kind: RoleKind.Page } && ReferenceEquals(f.Role, f.Family.PageRole)));

    /// <summary>The only best candidate on a page in the same folder as <paramref name="family"/>'s page, or null.</summary>
    private static ExtendsNode? SiblingAmong(List<CrossPageCandidate> candidates, double best, JobFamily family)
    {
        var folder = FolderOf(family.Url);
        ExtendsNode? sibling = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Cost - best < Tie && string.Equals(FolderOf(candidate.Node.Family.Url), folder, StringComparison.Ordinal))
            {
                if (sibling is not null)
                {
                    return null;
                }

                sibling = candidate.Node;
            }
        }

        return sibling;
    }

    /// <summary>The folder URL a page URL sits in: <c>/job-families/a/b/c/</c> → <c>/job-families/a/b/</c>.</summary>
    private static string FolderOf(string url)
    {
        var trimmed = url.TrimEnd('/');
        return trimmed[..(trimmed.LastIndexOf('/') + 1)];
    }

    /// <summary>A Hugo-era level page: a page with a front matter weight, below a family folder.</summary>
    private static bool IsLevelPage(JobFamily family) =>
        family.FrontMatter.Values.ContainsKey(FrontMatter.WeightKey) && family.Slug.Count(c => c == '/') >= 2;

    /// <summary>The statement belongs to the page role of a page without levels or specialties.</summary>
    private static bool IsOnlyRoleOfPage(FoundStatement f) =>
        f.Role is { Kind: RoleKind.Page } && ReferenceEquals(f.Role, f.Family.PageRole) && f.Family.Levels.Count == 0 && f.Family.Specialties.Count == 0;

    /// <summary>A unique, near-exact role name on another page (e.g. a manager role of a sibling family), or none (with a hint).</summary>
    private TargetResult OnOtherPages(string name, FoundStatement f)
    {
        lookup.NoteSearchOfOtherPages();
        var words = WordsOf(name);
        // Plain loops over a class, not LINQ over (node, cost) tuples: LINQ's iterators over a value tuple are not in the
        // composite ReadyToRun image and were JIT-compiled in every build that searched other pages (issue 9).
        var elsewhere = new List<CrossPageCandidate>();
        var best = double.MaxValue;
        var levelPage = IsLevelPage(f.Family);
        var folder = FolderOf(f.Family.Url);
        foreach (var other in _all)
        {
            if (ReferenceEquals(other, f.Family))
            {
                continue;
            }

            // A level page's sibling level pages are one family split into files: their roles are matched as leniently
            // as roles on the page itself ("Manager, Technology Parnter Managers" for the manager page beside it).
            var limit = levelPage && IsLevelPage(other) && string.Equals(FolderOf(other.Url), folder, StringComparison.Ordinal)
                ? RoleNameMatcher.MaxCost
                : CrossPageMaxCost;
            foreach (var role in other.Roles)
            {
                if (RoleNameMatcher.Cost(words, WordsOf(role.Name), []) is { } cost && cost <= limit)
                {
                    elsewhere.Add(new CrossPageCandidate(new ExtendsNode(other, role), cost));
                    best = Math.Min(best, cost);
                }
            }
        }

        ExtendsNode? only = null;
        var within = 0;
        foreach (var candidate in elsewhere)
        {
            if (candidate.Cost - best < Tie)
            {
                only = candidate.Node;
                within++;
            }
        }

        if (within == 1)
        {
            return TargetResult.One(only!);
        }

        // Several pages have the role: the one in the statement's own folder (the level pages of a split family are
        // siblings; an older combined page elsewhere may list the same levels).
        if (within > 1 && SiblingAmong(elsewhere, best, f.Family) is { } sibling)
        {
            return TargetResult.One(sibling);
        }

        return new TargetResult([], Suggest(f.Family, name).TrimStart(';', ' ') is { Length: > 0 } hint ? hint : null);
    }

    /// <summary>
    /// The best matches for a name among a family's roles and its general sections. Equally good candidates are
    /// narrowed the way a reader would: not the statement's own role, a level rather than a specialty, and among
    /// roles with the very same name the nearest one above the statement.
    /// </summary>
    private TargetResult MatchIn(JobFamily family, string name, FoundStatement? from)
    {
        var words = WordsOf(name);
        var familyWords = FamilyWordsOf(family.Title);

        // Scores go into this thread's scratch list and a node is made only for the best ones: this runs for every
        // role name a statement names, and the scored list of nodes (with the Roles concatenation's iterators and the
        // general score's LINQ chain) was most of what resolving allocated (issue 9). Roles in Roles' order: levels,
        // specialties, the page role.
        var scored = scoredScratch ??= [];
        scored.Clear();
        ScoreRoles(family, family.Levels, words, familyWords, scored);
        ScoreRoles(family, family.Specialties, words, familyWords, scored);
        if (family.PageRole is { } pageRole)
        {
            ScoreRole(family, pageRole, words, familyWords, scored);
        }

        if (ExtendsNode.HasGeneral(family))
        {
            // "Extends that of Payroll" on the Payroll page, "the AVP responsibilities" on the Area Vice President page:
            // the lower of the title's score and "general" (0), when either applies.
            var byTitle = RoleNameMatcher.Cost(words, WordsOf(family.Title), []);
            double? byWord = words is ["general"] ? 0 : null;
            if (byTitle is not null || byWord is not null)
            {
                scored.Add((null, Math.Min(byTitle ?? double.MaxValue, byWord ?? double.MaxValue)));
            }
        }

        if (scored.Count == 0)
        {
            return TargetResult.None;
        }

        // Plain loops: this runs for every role name a statement names (issue 9). Same order as Distinct: first seen.
        var best = double.MaxValue;
        foreach (var (_, cost) in scored)
        {
            best = Math.Min(best, cost);
        }

        var top = new List<ExtendsNode>(1);
        foreach (var (role, cost) in scored)
        {
            if (cost - best < Tie && !ContainsRole(top, role))
            {
                top.Add(new ExtendsNode(family, role));
            }
        }

        scored.Clear();
        return new TargetResult(Narrow(top, from, words), null);
    }

    [ThreadStatic]
    private static List<(Role? Role, double Cost)>? scoredScratch;

    private void ScoreRoles(JobFamily family, List<Role> roles, IReadOnlyList<string> words, HashSet<string> familyWords, List<(Role? Role, double Cost)> scored)
    {
        foreach (var role in roles)
        {
            ScoreRole(family, role, words, familyWords, scored);
        }
    }

    private void ScoreRole(JobFamily family, Role role, IReadOnlyList<string> words, HashSet<string> familyWords, List<(Role? Role, double Cost)> scored)
    {
        // A specialty is read with the words of its level ("Manager, International Payroll" for the
        // International Payroll specialty listed under "Manager, Payroll").
        var implied = role.Kind == RoleKind.Specialty ? ImpliedWordsOf(family, role, familyWords) : familyWords;
        if (RoleNameMatcher.Cost(words, WordsOf(role.Name), implied) is { } cost)
        {
            scored.Add((role, cost));
        }
    }

    /// <summary>Whether <paramref name="nodes"/> (all of one family) holds the node of <paramref name="role"/>: node equality is by reference of both.</summary>
    private static bool ContainsRole(List<ExtendsNode> nodes, Role? role)
    {
        foreach (var node in nodes)
        {
            if (ReferenceEquals(node.Role, role))
            {
                return true;
            }
        }

        return false;
    }

    private List<ExtendsNode> Narrow(List<ExtendsNode> top, FoundStatement? from, IReadOnlyList<string> words)
    {
        if (top.Count > 1 && from is not null)
        {
            // Not the statement's own role; when every candidate is its own (its role and, for the page role, the
            // general sections), the role alone: a self-reference, reported as such.
            var others = top.Where(n => !IsOwn(n, from)).ToList();
            top = others.Count > 0 ? others : [new ExtendsNode(from.Family, from.Role)];
        }

        if (top.Count > 1 && top.Any(n => n.Role?.Kind == RoleKind.Level))
        {
            top = top.Where(n => n.Role?.Kind == RoleKind.Level).ToList();
        }

        if (top.Count > 1)
        {
            // "Manager, Widgets (Gadgets)" that itself "extends the Manager, Widgets" is a variant of the Manager,
            // Widgets level, not that level: when another variant ("Manager, Widgets (Sprockets)") is written as the
            // base, "the Manager, Widgets" of a third role means the base (a Hugo-era sales-development-manager page
            // offered both as a choice, EXTENDS003 ×3). Never narrows to nothing.
            var bases = top.Where(n => n.Role is null || !ExtendsRoleNamed(n.Role, words)).ToList();
            if (bases.Count > 0 && bases.Count < top.Count)
            {
                top = bases;
            }
        }

        // (The names are compared only when there is a tie: one name needs no narrowing, issue 9.)
        if (top.Count > 1 && top.Select(n => string.Join(' ', WordsOf(n.Name))).Distinct().Count() == 1)
        {
            // The same name twice (a level and its copy further down): the nearest one above the statement, else the first.
            var line = from?.Location.Line ?? int.MaxValue;
            var above = StableSort.LastOrDefault(top.Where(n => n.Role is not null && n.Role.StartLine <= line), static (a, b) => a.Role!.StartLine.CompareTo(b.Role!.StartLine));
            top = [above ?? StableSort.FirstOrDefault(top, static (a, b) => (a.Role?.StartLine ?? 0).CompareTo(b.Role?.StartLine ?? 0))!];
        }

        return top;
    }

    private IReadOnlyList<string> WordsOf(string name) => _words.GetOrAdd(name, RoleNameMatcher.Words);

    /// <summary>Whether one of <paramref name="role"/>'s own statements names a role with exactly these words.</summary>
    private bool ExtendsRoleNamed(Role role, IReadOnlyList<string> words) =>
        _namesExtendedBy.TryGetValue(role, out var names) && names.Any(n => WordsOf(n).SequenceEqual(words, StringComparer.Ordinal));

    private static Dictionary<Role, List<string>> NamesExtendedBy(List<FoundStatement> found)
    {
        var names = new Dictionary<Role, List<string>>(ReferenceEqualityComparer.Instance);
        foreach (var f in found)
        {
            if (f.Role is null)
            {
                continue;
            }

            foreach (var target in f.Statement.Targets)
            {
                if (target is { Kind: ExtendsTargetKind.Named, Name: { } name })
                {
                    if (!names.TryGetValue(f.Role, out var list))
                    {
                        names[f.Role] = list = [];
                    }

                    list.Add(name);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// A specialty's words plus those of the level above it (or the family's words alone without one), once per
    /// specialty: <see cref="MatchIn"/> scores every role of a page for every target named on it (issue 9: building
    /// the set anew per call was most of what resolving targets allocated).
    /// </summary>
    private HashSet<string> ImpliedWordsOf(JobFamily family, Role specialty, HashSet<string> familyWords) =>
        _impliedWords.GetOrAdd(
            specialty,
            static (role, state) => StableSort.LastOrDefault(state.Family.Levels.Where(l => l.StartLine <= role.StartLine), ByStartLine) is { } level
                ? [.. state.FamilyWords, .. state.Resolver.WordsOf(level.Name)]
                : state.FamilyWords,
            (Family: family, FamilyWords: familyWords, Resolver: this));

    /// <summary>A family title's words as a set; shared, so callers must not change it.</summary>
    /// <remarks>The factory takes the resolver as state: a lambda capturing it was a new delegate on every call (issue 9).</remarks>
    private HashSet<string> FamilyWordsOf(string title) =>
        _familyWords.GetOrAdd(title, static (t, resolver) => resolver.WordsOf(t).ToHashSet(), this);

    /// <summary>"the corresponding Customer Success Manager level": every level of that name, as a choice.</summary>
    private TargetResult Corresponding(string rest, FoundStatement f)
    {
        var words = WordsOf(rest).Where(w => !RoleNameMatcher.IsLevelWord(w)).ToList();
        var familyWords = FamilyWordsOf(f.Family.Title);
        var levels = f.Family.Levels
            .Where(l => words.Count == 0 || RoleNameMatcher.Cost(words, WordsOf(l.Name).Where(w => !RoleNameMatcher.IsLevelWord(w)).ToList(), familyWords) is not null)
            .Select(l => new ExtendsNode(f.Family, l))
            .Where(n => n != new ExtendsNode(f.Family, f.Role))
            .ToList();
        return levels.Count == 0
            ? new TargetResult([], "no level of this page matches" + Suggest(f.Family, rest))
            : new TargetResult(levels, null, IsChoice: levels.Count > 1);
    }

    /// <summary>The name without its trailing qualifiers: "A, B, C" → "A, B" → "A"; "A in B" → "A".</summary>
    private static IEnumerable<string> Shorter(string name)
    {
        var current = name;
        while (true)
        {
            var comma = current.LastIndexOf(',');
            var inWord = current.LastIndexOf(" in ", StringComparison.OrdinalIgnoreCase);
            var cut = Math.Max(comma, inWord);
            if (cut <= 0)
            {
                yield break;
            }

            current = current[..cut].Trim();
            yield return current;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:the\s+)?corresponding\s+(?<rest>.+?)(?:\s+levels?)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, Handbook.Pipeline.Limits.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex CorrespondingRegex();

    /// <summary>"; did you mean 'A', 'B'?" with the role names closest to <paramref name="name"/>.</summary>
    private static string Suggest(JobFamily family, string name)
    {
        // A stable sort over a class, not OrderBy over (name, distance) tuples: LINQ's sorter over a value tuple is not in
        // the composite ReadyToRun image and was JIT-compiled in every build that made a hint (issue 9).
        var closest = StableSort.ToSortedList(family.Roles.Select(r => new RoleHint(r.Name, RoleNameMatcher.HintDistance(name, r.Name))), RoleHint.Closer)
            .Take(3)
            .Select(x => $"'{x.Name}'")
            .ToList();
        return closest.Count == 0 ? string.Empty : $"; did you mean {string.Join(", ", closest)}?";
    }

    private static string Describe(ExtendsTarget t) => t.Kind switch
    {
        ExtendsTargetKind.Named => t.Name ?? string.Empty,
        ExtendsTargetKind.Previous => t.Qualifier is null ? "the previous level" : $"the previous {t.Qualifier} role",
        ExtendsTargetKind.Intermediate => "the intermediate position",
        _ => "the general sections",
    } + (t.Link is null ? string.Empty : $" ({t.Link})");

    /// <summary>Drops the statements that close a cycle, reporting EXTENDS002 with the chain.</summary>
    /// <param name="broken">How many links were dropped (0: no cycle).</param>
    private static List<ResolvedStatement> BreakCycles(List<ResolvedStatement> statements, DiagnosticBag diagnostics, out int broken)
    {
        var edges = statements.GroupBy(s => s.Owner).ToDictionary(g => g.Key, g => g.ToList());
        var state = new Dictionary<ExtendsNode, int>(); // 1 = on the stack, 2 = done
        var stack = new List<ExtendsNode>();
        var dropped = new HashSet<(ResolvedStatement, ExtendsNode)>();

        void Visit(ExtendsNode node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var st in edges.GetValueOrDefault(node) ?? [])
            {
                foreach (var t in st.Targets)
                {
                    var s = state.GetValueOrDefault(t);
                    if (s == 1)
                    {
                        var chain = stack.Skip(stack.IndexOf(t)).Append(t).Select(n => n.Name);
                        diagnostics.Report(Diagnostic.Error(
                            ExtendsCodes.Cycle,
                            $"roles extend each other in a cycle: {string.Join(" → ", chain)}",
                            st.Found.Location,
                            $"one of these roles must stop extending the next; this statement's link to '{t.Name}' is ignored"));
                        dropped.Add((st, t));
                    }
                    else if (s == 0)
                    {
                        Visit(t);
                    }
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
        }

        foreach (var st in statements)
        {
            if (state.GetValueOrDefault(st.Owner) == 0)
            {
                Visit(st.Owner);
            }
        }

        broken = dropped.Count;
        if (dropped.Count == 0)
        {
            return statements;
        }

        return statements
            .Select(s => s with { Targets = s.Targets.Where(t => !dropped.Contains((s, t))).ToList() })
            .Where(s => s.Targets.Count > 0)
            .ToList();
    }
}
