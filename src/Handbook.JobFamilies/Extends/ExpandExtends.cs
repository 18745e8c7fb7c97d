namespace Handbook.JobFamilies.Extends;

using Handbook.Pipeline.Collections;
using System.Text;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Text;
using Handbook.Pipeline.Diagnostics;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// The extends pass over a whole set of families. In four phases, so no page's AST is read while another thread
/// changes it: (1) resolve every statement on the model (<see cref="ExtendsResolver"/>); (2) compute, in dependency
/// order and on one thread, what each role inherits (transitively, deduplicated by normalised text) and where each
/// inherited bullet goes – this only reads models and ASTs; (3) copy the inherited bullets, each family in parallel
/// (the copies are new nodes made from read-only sources, so the result does not depend on the order); (4) insert
/// the copies, each family in parallel touching only its own AST and model. Phases 2-4 run a batch of families at a
/// time; a family another family inherits from is changed only after every batch has read it, so what each plan reads
/// is what it read when all families were planned first. Inherited bullets go before the role's own bullets, right after the statement, and
/// carry <c>class="inherited"</c>, <c>data-inherited-from</c> and a visible "from &lt;role&gt;" link. A "copy" is shown in
/// place (consecutive such bullets of one statement share one <see cref="InheritedBulletRun"/> node) when that renders
/// the same as a deep copy, else it is a marked deep copy (<see cref="InheritedCopy"/>).
/// </summary>
/// <param name="batchSize">How many families are planned, copied and applied together (<see cref="DefaultBatchSize"/>);
/// the result does not depend on it.</param>
/// <param name="statements">The statements already found on these trees, for the resolver
/// (<see cref="ExtendsResolver"/>), or null.</param>
public sealed class ExpandExtends(IFamilyLookup lookup, int batchSize = ExpandExtends.DefaultBatchSize, FoundStatementsMemo? statements = null)
{
    /// <summary>
    /// Enough families to keep both cores busy in the parallel phases, few enough that a batch's plans are a few MiB
    /// (≈ 17 KiB a family at synthetic N = 1000).
    /// </summary>
    public const int DefaultBatchSize = 128;

    private readonly int _batchSize = batchSize >= 1 ? batchSize : throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "at least one family per batch");

    public ExtendsResolution Run(IReadOnlyList<JobFamily> families, DiagnosticBag diagnostics) => Run(families, diagnostics, owners: null);

    /// <summary>
    /// Expands the statements of <paramref name="owners"/> only (all when null), resolving against every family; the
    /// other families are read, never changed (an incremental rebuild passes the pages it recomputes).
    /// </summary>
    public ExtendsResolution Run(IReadOnlyList<JobFamily> families, DiagnosticBag diagnostics, IReadOnlySet<JobFamily>? owners)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var resolution = new ExtendsResolver(lookup, statements).Resolve(families, diagnostics, owners);
        var planner = new Planner(resolution, diagnostics);
        var readByOthers = FamiliesReadByOthers(resolution);

        // Families nothing else reads from are planned, copied and applied a batch at a time, and their planning state
        // goes with their batch. Kept for every family to the end, the plans and the planner's memo grew the resident
        // set by ≈ 300 MiB during planning at synthetic N = 10000, on top of the build's largest live set; batched, the
        // stage ended 115 MiB lower (issue 9, peak memory). A family other
        // families inherit from is planned and copied with its batch but changed only at the end (`deferred`), after
        // every family has read it, as when all families were changed at once.
        var deferred = new List<FamilyPlan>();
        foreach (var batch in families.Where(f => owners is null || owners.Contains(f)).Chunk(_batchSize))
        {
            var plans = batch.Select(planner.PlanFamily).ToList();
            planner.Forget(batch.Where(f => !readByOthers.Contains(f)));

            // Copying is most of the pass's allocation: done in parallel, and only after planning, because planning
            // decides what to copy; and before any insertion, because the sources may be other families' bullets.
            Parallel.ForEach(plans, plan => plan.MakeCopies());
            var now = new List<FamilyPlan>(plans.Count);
            for (var i = 0; i < batch.Length; i++)
            {
                (readByOthers.Contains(batch[i]) ? deferred : now).Add(plans[i]);
            }

            Parallel.ForEach(now, plan => plan.Apply());
        }

        Parallel.ForEach(deferred, plan => plan.Apply());
        return resolution;
    }

    /// <summary>
    /// The families a statement of another family resolved to. Planning and copying read the targets' models and
    /// ASTs (their own bullets, what they inherit in turn); only these are ever read by another family's plan, since
    /// every step of inheritance between families is such a statement.
    /// </summary>
    private static HashSet<JobFamily> FamiliesReadByOthers(ExtendsResolution resolution)
    {
        var read = new HashSet<JobFamily>(ReferenceEqualityComparer.Instance);
        foreach (var statement in resolution.Resolved)
        {
            foreach (var target in statement.Targets)
            {
                if (!ReferenceEquals(target.Family, statement.Owner.Family))
                {
                    read.Add(target.Family);
                }
            }
        }

        return read;
    }

    /// <param name="Shown">True when the bullet is shown in place (<see cref="InheritedBulletRun.CanShow"/>), not copied.</param>
    /// <param name="Key">The bullet's <see cref="BulletKeys"/> id: equal ids = equal item keys.</param>
    private sealed record Inherited(Item Item, ExtendsNode Origin, SectionKind Kind, bool Shown, int Key);

    /// <summary>Phase 2: reads models and ASTs, builds insertions. Single-threaded, memoised per (node, kind).</summary>
    private sealed class Planner
    {
        private readonly Dictionary<ExtendsNode, List<ResolvedStatement>> _byOwner;

        // Each family's own statements (owners with a role), in _byOwner's order: looking them up per family keeps
        // planning linear in the number of families (filtering _byOwner for every family was quadratic).
        private readonly Dictionary<JobFamily, List<ResolvedStatement>> _byFamily = new(ReferenceEqualityComparer.Instance);

        private readonly HashSet<Block> _statementItems;
        private readonly Dictionary<(ExtendsNode, SectionKind), List<Inherited>> _memo = [];
        private readonly HashSet<ExtendsNode> _visiting = [];
        private readonly HashSet<ResolvedStatement> _reportedTooLong = [];
        private readonly Dictionary<ExtendsNode, int> _chain = [];
        private readonly DiagnosticBag _diagnostics;

        // Bullets are deduplicated by id: each bullet's key is hashed once, not once per role that inherits it.
        private readonly BulletKeys _keys = new();

        // The deduplication sets, reused: each is needed only while one node's or one family's bullets are gathered,
        // and a cleared set keeps its capacity, so planning no longer grows a new set per node and per role (issue 9).
        private readonly Stack<HashSet<int>> _freeSets = new();

        // The copies of the family being planned (families are planned one at a time), kept by its plan as an array
        // of exactly their number when it is done: a list per plan grew by doubling, ≈ 10 MiB of discarded arrays at
        // synthetic N = 1000 (issue 9).
        private readonly List<(Inherited Inherited, CopySite Site)> _plannedCopies = [];

        public Planner(ExtendsResolution resolution, DiagnosticBag diagnostics)
        {
            _diagnostics = diagnostics;
            _byOwner = resolution.Resolved.GroupBy(r => r.Owner).ToDictionary(g => g.Key, g => g.ToList());
            _statementItems = resolution.Found.Where(f => !resolution.PointingOutside.Contains(f))
                .Select(f => (Block?)f.ListItem).Where(b => b is not null).Select(b => b!).ToHashSet();
            foreach (var (owner, statements) in _byOwner)
            {
                if (owner.Role is null)
                {
                    continue;
                }

                if (!_byFamily.TryGetValue(owner.Family, out var list))
                {
                    list = [];
                    _byFamily.Add(owner.Family, list);
                }

                list.AddRange(statements);
            }
        }

        public FamilyPlan PlanFamily(JobFamily family)
        {
            _plannedCopies.Clear();
            var plan = new FamilyPlan(_plannedCopies);
            if (!_byFamily.TryGetValue(family, out var statements))
            {
                plan.FinishPlanning();
                return plan;
            }

            var own = StableSort.ToSortedList(statements, static (a, b) => a.Found.Block.Line.CompareTo(b.Found.Block.Line)); // stable: ties keep _byOwner's order
            var seen = new Dictionary<(Role, SectionKind), HashSet<int>>();
            foreach (var st in own)
            {
                if (st.IsChoice)
                {
                    PlanChoice(plan, st);
                    continue;
                }

                foreach (var kind in st.Sections)
                {
                    PlanInherit(plan, st, kind, seen);
                }
            }

            foreach (var set in seen.Values)
            {
                ReturnSet(set);
            }

            plan.FinishPlanning();
            return plan;
        }

        /// <summary>
        /// Drops what planning remembered about the nodes of <paramref name="done"/>, families already planned that no
        /// other family reads from: no later plan asks for them (each request for a node of another family comes from a
        /// statement that resolved to it), so nothing is computed again and the answers do not change.
        /// </summary>
        public void Forget(IEnumerable<JobFamily> done)
        {
            var families = done.ToHashSet(ReferenceEqualityComparer.Instance);
            if (families.Count == 0)
            {
                return;
            }

            // A plain loop over the keys, not Where(...).ToList(): LINQ over the (node, section kind) value tuples was
            // JIT-compiled in every build (≈ 35 methods; issue 9). Removing while enumerating a Dictionary is allowed
            // (Remove does not invalidate its enumerators) and removes the same keys.
            foreach (var key in _memo.Keys)
            {
                if (families.Contains(key.Item1.Family))
                {
                    _memo.Remove(key);
                }
            }
        }

        private HashSet<int> RentSet() => _freeSets.TryPop(out var set) ? set : [];

        private void ReturnSet(HashSet<int> set)
        {
            set.Clear();
            _freeSets.Push(set);
        }

        /// <summary>
        /// What <paramref name="st"/> inherits of a kind from <paramref name="target"/>: <see cref="Effective"/>, or –
        /// when a level or specialty has nothing of that kind – its page's own section of the kind, which stands for
        /// every role of the page. Why: engineering/support-engineer writes "## Requirements" once beside its first
        /// level, and "In addition to the above requirements for Global Support Engineers" (resolved to that level)
        /// silently inherited nothing.
        /// </summary>
        private List<Inherited> Inheritable(ResolvedStatement st, ExtendsNode target, SectionKind kind)
        {
            var effective = Effective(target, kind);
            if (effective.Count > 0 || target.Role is null or { Kind: RoleKind.Page } || !HasPlaceFor(st, kind))
            {
                return effective;
            }

            var page = new ExtendsNode(target.Family, null);
            return page.SectionOf(kind) is { Items.Count: > 0 } ? Effective(page, kind) : effective;
        }

        /// <summary>
        /// True when the page's section would land in a list the reader sees under the kind's name: the section the
        /// statement is written in, or the owner's own section of the kind. Why: "The Senior Backend Engineer role
        /// extends the Backend Engineer role", written under the level's heading, put the page's requirements,
        /// nice-to-haves and performance indicators – 80 bullets the page shows once above – into one unnamed list.
        /// </summary>
        private static bool HasPlaceFor(ResolvedStatement st, SectionKind kind) =>
            st.Found.ContextKind == kind || (st.Owner.Role is { } owner && ExtendsNode.RoleSection(owner, kind) is { HeadingLevel: > 0 });

        /// <summary>Everything a node has in a section: what it inherits (first) and its own bullets.</summary>
        private List<Inherited> Effective(ExtendsNode node, SectionKind kind)
        {
            if (_memo.TryGetValue((node, kind), out var cached))
            {
                return cached;
            }

            var result = new List<Inherited>();
            if (!_visiting.Add(node))
            {
                return result;
            }

            var seen = RentSet();
            foreach (var st in _byOwner.GetValueOrDefault(node) ?? [])
            {
                if (st.IsChoice || !st.Sections.Contains(kind))
                {
                    continue;
                }

                foreach (var target in st.Targets)
                {
                    if (TooLong(st, target))
                    {
                        continue;
                    }

                    foreach (var inherited in Inheritable(st, target, kind))
                    {
                        if (seen.Add(inherited.Key))
                        {
                            result.Add(inherited);
                        }
                    }
                }
            }

            foreach (var item in OwnItems(node, kind))
            {
                var key = _keys.IdOf(item.Text);
                if (seen.Add(key))
                {
                    result.Add(new Inherited(item, node, kind, InheritedBulletRun.CanShow(item.Block!), key));
                }
            }

            ReturnSet(seen);
            _visiting.Remove(node);
            _memo[(node, kind)] = result;
            return result;
        }

        /// <summary>
        /// True when <paramref name="target"/> brings more than the limit of roles (itself and what it extends); reports
        /// LIMIT012 once per statement, and the statement is not expanded. Deterministic: it depends on the graph only.
        /// </summary>
        private bool TooLong(ResolvedStatement st, ExtendsNode target)
        {
            if (ChainLength(target) <= ExtendsCodes.MaxChainLength)
            {
                return false;
            }

            if (_reportedTooLong.Add(st))
            {
                _diagnostics.Report(Diagnostic.Error(
                    ExtendsCodes.ChainTooLong,
                    $"'{st.Owner.Name}' extends a chain of more than {ExtendsCodes.MaxChainLength} roles through '{target.Name}'; this statement is not expanded",
                    st.Found.Location,
                    "let a role extend a nearer level instead of a long line of levels"));
            }

            return true;
        }

        /// <summary>How many roles a node's extends chain holds (itself included); cycles were broken before.</summary>
        private int ChainLength(ExtendsNode node)
        {
            if (_chain.TryGetValue(node, out var known))
            {
                return known;
            }

            _chain[node] = 1; // guards against a cycle the resolver missed
            var longest = 0;
            foreach (var st in _byOwner.GetValueOrDefault(node) ?? [])
            {
                if (!st.IsChoice)
                {
                    longest = Math.Max(longest, st.Targets.Select(ChainLength).DefaultIfEmpty(0).Max());
                }
            }

            _chain[node] = longest + 1;
            return longest + 1;
        }

        private IEnumerable<Item> OwnItems(ExtendsNode node, SectionKind kind) =>
            node.SectionOf(kind)?.Items.Where(i => i.InheritedFrom is null && i.Block is not null && !_statementItems.Contains(i.Block)) ?? [];

        private void PlanInherit(FamilyPlan plan, ResolvedStatement st, SectionKind kind, Dictionary<(Role, SectionKind), HashSet<int>> seenByRole)
        {
            var role = st.Owner.Role!;
            var destination = ExtendsNode.RoleSection(role, kind) ?? st.Found.Section;
            if (!seenByRole.TryGetValue((role, kind), out var seen))
            {
                seen = RentSet();
                foreach (var item in destination?.Items ?? [])
                {
                    if (item.Block is null || !_statementItems.Contains(item.Block))
                    {
                        seen.Add(_keys.IdOf(item.Text));
                    }
                }

                seenByRole[(role, kind)] = seen;
            }

            // The copies are planned as the bullets are accepted (no list of accepted bullets first): one site, shared by
            // the statement's copies, says where they go; the new list, if any, is made only once something is copied.
            var first = plan.CopyCount;
            Position? at = null;
            CopySite? site = null;
            foreach (var target in st.Targets)
            {
                if (TooLong(st, target))
                {
                    continue;
                }

                foreach (var inherited in Inheritable(st, target, kind))
                {
                    if (seen.Add(inherited.Key))
                    {
                        if (site is null)
                        {
                            var (line, column) = (st.Found.Block.Line, st.Found.Block.Column);
                            at = Where(st, destination, kind);
                            site = new CopySite(st.Found.Family, line, column, at.NewList ? NewList(line, column) : null);
                        }

                        plan.Copy(inherited, site);
                    }
                }
            }

            var copies = new CopyRange(first, plan.CopyCount - first);
            if (copies.Count == 0 || site is null || at is null)
            {
                return;
            }

            var into = site.List;
            if (into is not null)
            {
                plan.AddBlock(at with { NewList = false }, into);
            }
            else
            {
                plan.AddBullets(at, copies);
            }

            if (destination is not null)
            {
                plan.AddModelItems(destination, IsSection(st.Found.Section, destination) ? st.Found.ListItem : null, copies, kind);
            }
            else if (ModelOnlySection(role, kind, st) is { } modelOnly)
            {
                plan.AddModelItems(modelOnly, null, copies, kind);
            }
        }

        /// <summary>
        /// A list of <paramref name="kind"/> for a role that has none, holding only the bullets its statement inherits
        /// (shown in a new list after the statement), so the model – export, search, compare – has them too. Why: "The
        /// Intern level shares the same requirements and responsibilities outlined above", written under the level's
        /// heading, showed the bullets on the page and exported none. <see cref="Section.HeadingLevel"/> 0 marks it: no
        /// heading, no blocks, not in the page's tree (and it survives the family state store).
        /// </summary>
        private static Section? ModelOnlySection(Role role, SectionKind kind, ResolvedStatement st)
        {
            var section = new Section
            {
                Kind = kind,
                Title = kind switch
                {
                    SectionKind.Responsibilities => "Responsibilities",
                    SectionKind.Requirements => "Requirements",
                    SectionKind.NiceToHaves => "Nice-to-haves",
                    _ => "Performance Indicators",
                },
                Anchor = string.Empty,
                HeadingLevel = 0,
                Location = st.Found.Location,
                StartLine = st.Found.Block.Line + 1,
                EndLine = st.Found.Block.Line + 1,
            };
            switch (kind)
            {
                case SectionKind.Responsibilities:
                    role.Responsibilities = section;
                    break;
                case SectionKind.Requirements:
                    role.Requirements = section;
                    break;
                case SectionKind.NiceToHaves:
                    role.NiceToHaves = section;
                    break;
                case SectionKind.PerformanceIndicators:
                    role.PerformanceIndicators = section;
                    break;
                default:
                    return null;
            }

            return section;
        }

        private void PlanChoice(FamilyPlan plan, ResolvedStatement st)
        {
            var family = st.Found.Family;
            var (line, column) = (st.Found.Block.Line, st.Found.Block.Column);
            var choice = new ExtendsChoiceBlock { Line = line, Column = column };
            foreach (var target in st.Targets.Where(t => !TooLong(st, t)))
            {
                var alternative = new ExtendsAlternativeBlock(target.Name, target.UrlFrom(family)) { Line = line, Column = column };
                var list = NewList(line, column);
                var site = new CopySite(family, line, column, list);
                var count = 0;
                foreach (var kind in st.Sections)
                {
                    foreach (var inherited in Inheritable(st, target, kind))
                    {
                        plan.Copy(inherited, site);
                        count++;
                    }
                }

                if (count > 0)
                {
                    alternative.Add(list);
                }

                choice.Add(alternative);
            }

            // Inside the statement's bullet when it is one (a <div> may not sit directly in a <ul>), else after it.
            plan.AddBlock(st.Found.ListItem is { } item ? new Position(item, null, AtEnd: true) : new Position(st.Found.Block.Parent!, st.Found.Block, AtEnd: false), choice);
        }

        /// <summary>Where inherited bullets go: after the statement bullet, at the top of the section's list, or in a new list.</summary>
        private static Position Where(ResolvedStatement st, Section? destination, SectionKind kind)
        {
            var item = st.Found.ListItem;
            var inDestination = destination is null || IsSection(st.Found.Section, destination);
            if (item is not null && (inDestination || UnderLaterHeading(st.Found.Section, destination!, kind)))
            {
                return new Position(item.Parent!, item, AtEnd: false);
            }

            var list = destination?.Blocks.OfType<ListBlock>().FirstOrDefault();
            if (list is not null)
            {
                return new Position(list, null, AtEnd: false);
            }

            // No list to join: a new list right after the statement, or at the end of the destination section.
            var anchor = inDestination ? (Block?)item ?? st.Found.Block : destination!.Blocks.LastOrDefault() ?? destination.Heading;
            if (anchor is ListItemBlock li)
            {
                return new Position(li.Parent!, li, AtEnd: false, NewList: false);
            }

            return anchor?.Parent is { } parent
                ? new Position(parent, anchor, AtEnd: false, NewList: true)
                : new Position(st.Found.Block.Parent!, st.Found.Block, AtEnd: false, NewList: true);
        }

        /// <summary>
        /// True when the statement's section is the role's list <paramref name="destination"/>: the same section, or the
        /// role's merged list that stands for it (the same heading written twice makes one list starting with this
        /// section, <c>RepeatedSectionCheck</c>).
        /// </summary>
        private static bool IsSection(Section? found, Section destination) =>
            ReferenceEquals(found, destination)
            || (found is not null && found.Kind == destination.Kind && found.StartLine == destination.StartLine
                && ReferenceEquals(found.Heading, destination.Heading) && found.Title == destination.Title);

        /// <summary>
        /// The statement bullet sits under a heading of its own after the role's section of that kind: a second
        /// "… Responsibilities" of the role, or a heading naming no section ("#### Manager, Gadgets (Channel)"), as a
        /// specialty written level by level has ("### Channel" › "#### Analyst (Channel) Responsibilities" › "#### Senior
        /// Manager (Channel) Responsibilities" › "- Extends …"). Its bullets belong there, after the statement, not at
        /// the top of the role's first section (where they were shown as another level's).
        /// </summary>
        private static bool UnderLaterHeading(Section? statementSection, Section destination, SectionKind kind) =>
            statementSection is { Heading: not null } own
            && (own.Kind == kind || own.Kind == SectionKind.Other)
            && own.StartLine > destination.EndLine;

        internal static ListBlock NewList(int line, int column) =>
            new(null!) { BulletType = '*', IsOrdered = false, Line = line, Column = column };
    }

    /// <summary>An insertion point: after <see cref="After"/> in <see cref="Parent"/> (null = at the start), or at the end.</summary>
    private sealed record Position(ContainerBlock Parent, Block? After, bool AtEnd, bool NewList = false);

    /// <summary>
    /// Phases 3 and 4 for one family: the bullets to copy (made by <see cref="MakeCopies"/>, in planning order) and
    /// the planned insertions into its own AST and model (<see cref="Apply"/>, after every family's copies exist).
    /// </summary>
    private sealed class FamilyPlan(List<(Inherited Inherited, CopySite Site)> planning)
    {
        // The planned copies, in planning order (a statement's copies are consecutive: ranges refer to them), and the
        // copies made from them. Plain arrays, not an object per copy (issue 9). While the family is planned, its
        // copies go to the planner's list (planning), then they are kept here.
        private List<(Inherited Inherited, CopySite Site)>? _planning = planning;
        private (Inherited Inherited, CopySite Site)[] _copies = [];
        private readonly List<(Position At, List<PlannedBlock> Blocks)> _blocks = [];
        private readonly List<(Section Section, Block? After, CopyRange Copies, SectionKind Kind)> _items = [];
        private ListItemBlock[] _made = [];

        public int CopyCount => _planning?.Count ?? _copies.Length;

        /// <summary>Plans a copy of <paramref name="inherited"/>'s bullet at <paramref name="site"/>.</summary>
        public void Copy(Inherited inherited, CopySite site) =>
            (_planning ?? throw new InvalidOperationException("the family's planning is finished")).Add((inherited, site));

        /// <summary>Keeps the planned copies (the planner's list is then used for the next family).</summary>
        public void FinishPlanning()
        {
            if (_planning is null)
            {
                return;
            }

            _copies = [.. _planning];
            _planning = null;
        }

        public void AddBullets(Position at, CopyRange bullets)
        {
            var existing = _blocks.FirstOrDefault(b => b.At == at);
            if (existing.Blocks is not null)
            {
                existing.Blocks.Add(new PlannedBlock(null, bullets));
            }
            else
            {
                _blocks.Add((at, [new PlannedBlock(null, bullets)]));
            }
        }

        public void AddBlock(Position at, Block block)
        {
            var existing = _blocks.FirstOrDefault(b => b.At == at);
            if (existing.Blocks is not null)
            {
                existing.Blocks.Add(new PlannedBlock(block, default));
            }
            else
            {
                _blocks.Add((at, [new PlannedBlock(block, default)]));
            }
        }

        /// <summary>Items for the model section, placed after the statement's own item when it is in that section.</summary>
        public void AddModelItems(Section section, Block? after, CopyRange copies, SectionKind kind) => _items.Add((section, after, copies, kind));

        /// <summary>
        /// Makes every planned copy; reads other families' ASTs and changes only nodes made here. Consecutive bullets of
        /// one site that are shown in place share one run node (each planned copy's slot refers to it).
        /// </summary>
        public void MakeCopies()
        {
            // An origin's link is the same for all its copies into one page: one origin (name, URL, attributes) per
            // origin and page, not per copy (nothing changes a copy's attributes after expansion).
            var origins = new Dictionary<(ExtendsNode Origin, JobFamily Into), InheritedOrigin>();
            _made = new ListItemBlock[_copies.Length];
            for (var i = 0; i < _copies.Length;)
            {
                var site = _copies[i].Site;
                var end = i + 1;
                if (ShownInPlace(_copies[i]))
                {
                    while (end < _copies.Length && ShownInPlace(_copies[end]) && ReferenceEquals(_copies[end].Site, site))
                    {
                        end++;
                    }

                    var bullets = new ShownBullet[end - i];
                    for (var b = i; b < end; b++)
                    {
                        var inherited = _copies[b].Inherited;
                        bullets[b - i] = new ShownBullet(inherited.Item.Block!, OriginOf(origins, inherited.Origin, site.Into));
                    }

                    var run = new InheritedBulletRun(bullets) { Order = bullets[0].Source.Order, Line = site.Line, Column = site.Column };
                    Array.Fill(_made, run, i, end - i);
                    site.List?.Add(run);
                }
                else
                {
                    var inherited = _copies[i].Inherited;
                    var origin = OriginOf(origins, inherited.Origin, site.Into);
                    var copy = InheritedCopy.Make(inherited.Item.Block!, site.Line, site.Column, origin.Name, origin.Url, origin.Attributes, LinkBaseOf(_copies[i]));
                    _made[i] = copy;
                    site.List?.Add(copy);
                }

                i = end;
            }
        }

        /// <summary>
        /// The page whose page-relative links a copy must rebase (<see cref="PageRelativeLinks"/>): the origin's, when
        /// the bullet goes into another page and has such links; else null.
        /// </summary>
        private static string? LinkBaseOf((Inherited Inherited, CopySite Site) copy) =>
            ReferenceEquals(copy.Inherited.Origin.Family, copy.Site.Into) || !PageRelativeLinks.In(copy.Inherited.Item.Block!)
                ? null
                : copy.Inherited.Origin.Family.Url;

        /// <summary>A run shows the source's own nodes, so a bullet whose links need rebasing is copied instead.</summary>
        private static bool ShownInPlace((Inherited Inherited, CopySite Site) copy) =>
            copy.Inherited.Shown && LinkBaseOf(copy) is null;

        private static InheritedOrigin OriginOf(Dictionary<(ExtendsNode Origin, JobFamily Into), InheritedOrigin> origins, ExtendsNode origin, JobFamily into)
        {
            if (!origins.TryGetValue((origin, into), out var known))
            {
                known = new InheritedOrigin(origin.Name, origin.UrlFrom(into));
                origins.Add((origin, into), known);
            }

            return known;
        }

        public void Apply()
        {
            foreach (var (at, blocks) in _blocks)
            {
                var index = at.AtEnd ? at.Parent.Count : at.After is null ? 0 : at.Parent.IndexOf(at.After) + 1;
                foreach (var block in blocks)
                {
                    if (block.Ready is not null)
                    {
                        at.Parent.Insert(index++, block.Ready);
                        continue;
                    }

                    for (var i = block.Copies.First; i < block.Copies.End; i++)
                    {
                        // A run stands for several consecutive copies: inserted once.
                        if (i == block.Copies.First || !ReferenceEquals(_made[i], _made[i - 1]))
                        {
                            at.Parent.Insert(index++, _made[i]);
                        }
                    }
                }
            }

            // One (immutable) origin record per origin and section kind, shared by its copies' items.
            var origins = new Dictionary<(ExtendsNode, SectionKind), InheritedFrom>();
            foreach (var (section, after, copies, kind) in _items)
            {
                // Same order as in the page: after the statement's bullet (and what was already inserted after it),
                // else before the section's own items.
                var index = after is null ? 0 : section.Items.FindIndex(i => ReferenceEquals(i.Block, after)) + 1;
                while (index < section.Items.Count && section.Items[index].InheritedFrom is not null)
                {
                    index++;
                }

                for (var i = copies.First; i < copies.End; i++)
                {
                    var source = _copies[i].Inherited;
                    if (!origins.TryGetValue((source.Origin, kind), out var origin))
                    {
                        origin = new InheritedFrom(source.Origin.Url, source.Origin.Name, kind);
                        origins.Add((source.Origin, kind), origin);
                    }

                    section.Items.Insert(index++, new Item
                    {
                        Text = source.Item.Text,
                        Location = source.Item.Location,
                        Block = _made[i],
                        InheritedFrom = origin,
                    });
                }
            }
        }
    }

    /// <summary>A block to insert: one made during planning (<paramref name="Ready"/>), else a range of the copies made in phase 3.</summary>
    private readonly record struct PlannedBlock(Block? Ready, CopyRange Copies);

    /// <summary>Consecutive planned copies of one family plan: <see cref="Count"/> of them from <see cref="First"/>.</summary>
    private readonly record struct CopyRange(int First, int Count)
    {
        public int End => First + Count;
    }

    /// <summary>
    /// Where the copies of one statement (or one alternative of a choice) go: the page, the statement's position (the
    /// copies' line and column) and the new list they are added to, if any. Shared by those copies (issue 9: each copy
    /// held these itself).
    /// </summary>
    private sealed record CopySite(JobFamily Into, int Line, int Column, ListBlock? List);
}
