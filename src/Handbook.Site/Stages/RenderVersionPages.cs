namespace Handbook.Site.Stages;

using System.Text;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;
using Handbook.Site.Urls;
using Handbook.Site.Versions;
using Handbook.Site.Versions.Views;

/// <summary>
/// The versions of every job family from git history (issue 6): reports what reading the history found (once),
/// renders each published version as of its commit (<see cref="VersionRenderer"/>) at
/// <c>/job-families/&lt;slug&gt;/versions/&lt;id&gt;/</c>, a history page per family with the diff between
/// consecutive versions, the section-wide recent-changes page and the Atom feed; and attaches each current page's
/// versions (<see cref="VersionKeys.Published"/>) for its "last changed" block and the JSON export. Runs after
/// the domain stages and before <c>RenderTheme</c>; department index pages have no versions.
/// </summary>
/// <param name="finishedPages">One-shot builds that write output: each version, history and recent-changes page is
/// staged (written, its text let go) as soon as it is rendered – no later stage changes them – instead of being held
/// until the stage after <c>RenderTheme</c> stages it (issue 9: they are most of a versioned build's pages).</param>
/// <param name="pageCache">Under <c>--cache DIR --reuse-families</c>: version and history pages whose inputs are unchanged since they were
/// stored are taken as they were instead of being rendered through the theme again (<see cref="VersionPageCache"/>), and a
/// family whose history is as the last build made it takes its pages and recent-changes lines from the memo kept with
/// them (<see cref="FamilyHistoryMemo"/>), its contents not read.</param>
/// <param name="reusesVersionsOfAgreeingGrades">See <see cref="VersionRenderer"/>; false is the tests' oracle.</param>
public sealed class RenderVersionPages(Theme theme, SiteSettings settings, HistorySession session, IReadOnlyList<Diagnostic> historyDiagnostics, VersionRenderCache? cache, StageFinishedPages? finishedPages = null, VersionPageCache? pageCache = null, bool reusesVersionsOfAgreeingGrades = true) : IStage
{
    public const int RecentChangesShown = 100;

    public string Name => nameof(RenderVersionPages);

    /// <summary>The renderer of the last run (its counters say how many versions were rendered or taken from the cache).</summary>
    public VersionRenderer? LastRenderer { get; private set; }

    /// <summary>What the build took from and added to the facts kept about the history (<see cref="HistoryFacts"/>).</summary>
    public HistoryFacts Facts => session.Facts;

    /// <summary>The page cache of the last run, if any (its counters say how many pages were rendered or taken from it).</summary>
    public VersionPageCache? LastPageCache => pageCache;

    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        context.Diagnostics.ReportAll(historyDiagnostics);
        if (!session.IsEnabled)
        {
            return documents;
        }

        var catalog = FamilyCatalog.From(documents);
        var views = new PageViews(catalog, settings);
        var families = FamiliesWithVersions(documents);
        var renderer = new VersionRenderer(session, new JobFamiliesOptions(), cache, ThemeFingerprint.Of(theme), reusesVersionsOfAgreeingGrades);
        LastRenderer = renderer;
        var plan = renderer.Plan(AllVersions(families), views);
        var keys = pageCache is null ? null : new VersionPageKeys(theme, views.Site);

        // The families' pages are made in parallel (issue 9: one family after the other this was the longest
        // single-threaded part of a versioned build, ≈ 150 ms after one commit, where nearly every page is a link to
        // the previous output's file) and gathered in family order, so what the stage returns does not depend on
        // which thread made what. First each family whose history is as an earlier build made it takes its pages and
        // lines from the memo (FamilyHistoryMemo); the contents of the others are then looked up or rendered, and their
        // pages made, each worker rendering a family's HTML into a buffer of its own.
        var pagesOfFamilies = new FamilyPages?[families.Count];
        var memoKeys = new CacheKey?[families.Count];
        var stagedFromMemo = new Dictionary<string, Document?>?[families.Count];
        if (keys is not null)
        {
            Parallel.For(
                0,
                families.Count,
                new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
                i =>
                {
                    memoKeys[i] = MemoKeyOf(families[i], plan, views, keys);
                    pagesOfFamilies[i] = FromMemo(families[i], memoKeys[i]!.Value, context, out stagedFromMemo[i]);
                });
        }

        var needed = new HashSet<PageVersion>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < families.Count; i++)
        {
            if (pagesOfFamilies[i] is null)
            {
                needed.UnionWith(families[i].Versions);
            }
        }

        var contents = await renderer.RenderAsync(
            plan, needed.Contains, views, new CurrentPages(documents, session, views), context.MaxDegreeOfParallelism, context.CancellationToken).ConfigureAwait(false);
        Parallel.For(
            0,
            families.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            () => new StringBuilder(),
            (i, _, familyHtml) =>
            {
                if (pagesOfFamilies[i] is null)
                {
                    var made = new MadeFamily(views, keys, contents, familyHtml, stagedFromMemo[i], context);
                    pagesOfFamilies[i] = PagesOf(families[i], made);
                    if (memoKeys[i] is { } memoKey && made.Memo is { } memo)
                    {
                        pageCache!.Families.Set(memoKey, memo);
                    }
                }

                return familyHtml;
            },
            _ => { });

        var result = documents.ToArray();
        var generated = new List<Document>();
        var recent = new List<RecentChangeView>();
        for (var i = 0; i < families.Count; i++)
        {
            var pages = pagesOfFamilies[i]!;
            result[families[i].Index] = pages.Current;
            generated.AddRange(pages.Generated);
            recent.AddRange(pages.Recent);
        }

        var ordered = recent
            .OrderByDescending(r => r.DateIso, StringComparer.Ordinal)
            .ThenBy(r => r.FamilyUrl, StringComparer.Ordinal)
            .ThenBy(r => r.VersionUrl, StringComparer.Ordinal)
            .ToList();
        generated.Add(Finished(RecentChangesPage(views, ordered), context));
        generated.Add(new Document(VersionUrls.ChangesFeed.TrimStart('/'), VersionUrls.ChangesFeed.TrimStart('/'), ChangesFeed.Write(settings.Title, settings.BaseUrl, ordered), Metadata.Empty));
        pageCache?.SavePagesOfThisBuild();
        return [.. result, .. generated.OrderBy(d => d.Destination, StringComparer.Ordinal)];
    }

    // One family's share of the stage: its current page with its published versions attached, its version pages and
    // history page (staged as they are made), and its lines of the recent changes; and, with the page cache, what the
    // memo keeps of it (made.Memo). Called from several threads at once.
    private FamilyPages PagesOf(FamilyVersions familyVersions, MadeFamily made)
    {
        var (_, document, family, versions) = familyVersions;
        var contents = made.Contents;
        var published = versions.Where(contents.ContainsKey).ToList();
        var diffs = HistoryChanges.Diffs(published, contents);
        // The current page's URLs and breadcrumbs are all its version and history pages take from it: its trail,
        // not the whole page view (whose JSON-LD, ≈ 13 ms of CPU for 120 families, RenderTheme makes for itself).
        var pageOfFamily = made.Views.TrailOf(family);
        var generated = new List<Document>(published.Count + 1);
        var recent = new List<RecentChangeView>(published.Count);
        var memo = made.Keys is null ? null : new List<StoredVersionPage>(published.Count);
        for (var i = 0; i < published.Count; i++)
        {
            var summary = HistoryChanges.Summary(diffs[i], isFirst: i == published.Count - 1);
            var gradeChanges = HistoryChanges.GradeChanges(diffs[i]);
            generated.Add(VersionPage(made, pageOfFamily, family, published[i], contents[published[i]], isLatest: i == 0, out var pageKey));
            recent.Add(RecentChange(family, published[i], summary, gradeChanges));
            if (memo is not null && pageKey is { } key)
            {
                memo.Add(new StoredVersionPage(published[i].Id, key.Hex, summary, gradeChanges));
            }
            else
            {
                memo = null;
            }
        }

        generated.Add(HistoryPage(made, pageOfFamily, family, published, contents, diffs, out var historyKey));
        made.Memo = memo is null || historyKey is not { } historyPageKey ? null : new StoredFamilyHistory(historyPageKey.Hex, memo);
        return new FamilyPages(Current(document, family, published), generated, recent);
    }

    // A family whose history is as an earlier build made it (same versions, content keys and surroundings): its pages
    // staged from their stored keys, its lines from the memo – no content read, compared or fingerprinted. Null when
    // the memo has no entry or a stored page cannot be staged; what was found until then is handed back (staged, by
    // key: the page staged, or null for the page that could not be) so that making the family the usual way neither
    // stages a page twice nor looks a missing one up (and counts it) again.
    private FamilyPages? FromMemo(FamilyVersions familyVersions, CacheKey memoKey, StageContext context, out Dictionary<string, Document?>? staged)
    {
        staged = null;
        var (_, document, family, versions) = familyVersions;
        if (!pageCache!.Families.TryGet(memoKey, out var stored))
        {
            return null;
        }

        var byId = new Dictionary<string, PageVersion>(versions.Count, StringComparer.Ordinal);
        foreach (var version in versions)
        {
            byId.TryAdd(version.Id, version);
        }

        var published = new List<PageVersion>(stored.Versions.Count);
        foreach (var page in stored.Versions)
        {
            if (!byId.TryGetValue(page.Id, out var version))
            {
                return null;
            }

            published.Add(version);
        }

        staged = [];
        var generated = new List<Document>(published.Count + 1);
        var recent = new List<RecentChangeView>(published.Count);
        for (var i = 0; i < published.Count; i++)
        {
            var key = new CacheKey(stored.Versions[i].PageKey);
            var page = Stored(key, VersionPageShell(family, published[i]), context);
            staged[key.Hex] = page;
            if (page is null)
            {
                return null;
            }

            generated.Add(page);
            recent.Add(RecentChange(family, published[i], stored.Versions[i].Summary, stored.Versions[i].GradeChanges));
        }

        var historyKey = new CacheKey(stored.HistoryPageKey);
        if (Stored(historyKey, HistoryPageShell(family), context) is not { } history)
        {
            staged[historyKey.Hex] = null;
            return null;
        }

        generated.Add(history);
        pageCache.Families.Used(memoKey);
        staged = null;
        return new FamilyPages(Current(document, family, published), generated, recent);
    }

    // Everything the family's share reads but its contents, which their render-cache keys name (VersionPageKeys).
    private CacheKey MemoKeyOf(FamilyVersions familyVersions, VersionRenderer.VersionPlan plan, PageViews views, VersionPageKeys keys)
    {
        var family = familyVersions.Family;
        var parts = new List<VersionKeyPart>(familyVersions.Versions.Count);
        foreach (var version in familyVersions.Versions)
        {
            parts.Add(new VersionKeyPart(version, session.Settings.CommitUrl(version.CommitSha)?.AbsoluteUri, plan.ContentKeyOf(version)));
        }

        return keys.ForFamilyHistory(views.TrailOf(family), family.Title, family.Url, settings.BaseUrl, parts);
    }

    // The current page with its published versions attached (its "last changed" block and the JSON export).
    private static Document Current(Document document, JobFamily family, List<PageVersion> published) =>
        document.With(VersionKeys.Published, new PublishedVersions(
            VersionUrls.History(family.Url),
            published.Select(v => new PublishedVersion(v.Id, v.Date, v.CommitSha, v.Subject, VersionUrls.Version(family.Url, v.Id))).ToList()));

    private static RecentChangeView RecentChange(JobFamily family, PageVersion version, string summary, IReadOnlyList<string> gradeChanges) => new(
        VersionDates.Day(version.Date),
        VersionDates.Iso(version.Date),
        family.Title,
        UrlPath.Encode(family.Url),
        UrlPath.Encode(VersionUrls.Version(family.Url, version.Id)),
        UrlPath.Encode(VersionUrls.History(family.Url)),
        version.Subject,
        summary,
        gradeChanges);

    // Classes and loops, not tuples through LINQ: generic code over value types is compiled at run time in every
    // versioned build (ReadyToRun cannot hold it; issue 9).
    private List<FamilyVersions> FamiliesWithVersions(IReadOnlyList<Document> documents)
    {
        var families = new List<FamilyVersions>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i].TryGet(JobFamilyKeys.Family, out var family) && !family.IsDepartmentIndex
                && session.Versions.VersionsOf(documents[i].SourcePath) is { Count: > 0 } versions)
            {
                families.Add(new FamilyVersions(i, documents[i], family, versions));
            }
        }

        return families;
    }

    private static List<PageVersion> AllVersions(List<FamilyVersions> families)
    {
        var all = new List<PageVersion>();
        foreach (var family in families)
        {
            all.AddRange(family.Versions);
        }

        return all;
    }

    private Document VersionPage(MadeFamily made, PageView current, JobFamily family, PageVersion version, HistoricContent content, bool isLatest, out CacheKey? key)
    {
        var url = VersionUrls.Version(family.Url, version.Id);
        var day = VersionDates.Day(version.Date);
        var page = new PageView(
            content.Family.Title + " (version of " + day + ")",
            content.Family.Description,
            UrlPath.Encode(url),
            current.CanonicalUrl,
            [.. current.Breadcrumbs.Take(current.Breadcrumbs.Count - 1), new LinkView(family.Title, current.Url), new LinkView("History", UrlPath.Encode(VersionUrls.History(family.Url))), new LinkView("Version of " + day, null)])
        {
            Scripts = content.HasDiagrams ? [PageViews.MermaidScript] : [],
            NoIndex = true,
        };
        var banner = new VersionBannerView(
            version.Id,
            day,
            VersionDates.Iso(version.Date),
            version.Subject,
            ShortSha(version.CommitSha),
            session.Settings.CommitUrl(version.CommitSha)?.AbsoluteUri,
            current.Url,
            UrlPath.Encode(VersionUrls.History(family.Url)),
            isLatest,
            content.UnknownGrades,
            version.AtShallowBoundary);
        var document = VersionPageShell(family, version);
        key = made.Keys?.ForVersionPage(ThemeTemplates.FamilyVersion, page, banner, content);
        if (key is { } stored && Stored(stored, document, made) is { } unchanged)
        {
            return unchanged;
        }

        // The family's HTML goes from its buffer straight into the page (no string of it): written unescaped, like
        // the layout's content; a template that filters it (`| raw`) gets the same text as a string.
        var familyHtml = made.FamilyHtml;
        familyHtml.Clear();
        theme.RenderFragment(familyHtml, ThemeTemplates.JobFamily, made.Views.Site, page, new Dictionary<string, object?> { ["family"] = content.Family });
        var html = theme.RenderPageBuffered(ThemeTemplates.FamilyVersion, made.Views.Site, page, new Dictionary<string, object?> { ["version"] = banner, ["family_html"] = new BufferedHtmlValue(familyHtml) });
        return FinishAndStore(key, document, html.Span, made.Context);
    }

    private Document HistoryPage(
        MadeFamily made, PageView current, JobFamily family, IReadOnlyList<PageVersion> versions, IReadOnlyDictionary<PageVersion, HistoricContent> contents, IReadOnlyList<Handbook.JobFamilies.Versions.Diff.VersionDiffResult?> diffs, out CacheKey? key)
    {
        var url = VersionUrls.History(family.Url);
        var page = new PageView(
            family.Title + ": history",
            "Every version of the " + family.Title + " job family and what changed.",
            UrlPath.Encode(url),
            UrlPath.Absolute(settings.BaseUrl, url),
            [.. current.Breadcrumbs.Take(current.Breadcrumbs.Count - 1), new LinkView(family.Title, current.Url), new LinkView("History", null)]);
        var entries = versions.Select((v, i) => new HistoryEntryView(
            v.Id,
            UrlPath.Encode(VersionUrls.Version(family.Url, v.Id)),
            VersionDates.Day(v.Date),
            VersionDates.Iso(v.Date),
            v.Subject,
            ShortSha(v.CommitSha),
            session.Settings.CommitUrl(v.CommitSha)?.AbsoluteUri,
            IsLatest: i == 0,
            IsFirst: i == versions.Count - 1,
            v.AtShallowBoundary,
            v.Folded.Count,
            contents[v].UnknownGrades,
            HistoryChanges.GradeChanges(diffs[i]),
            HistoryChanges.Roles(diffs[i]))).ToList();
        // Staged from the buffer it is rendered into (or from the cache's), as a version page: no string of the page.
        var document = HistoryPageShell(family);
        key = made.Keys?.ForHistoryPage(ThemeTemplates.FamilyHistory, page, family.Title, current.Url, entries);
        if (key is { } stored && Stored(stored, document, made) is { } unchanged)
        {
            return unchanged;
        }

        var html = theme.RenderPageBuffered(ThemeTemplates.FamilyHistory, made.Views.Site, page, new Dictionary<string, object?>
        {
            ["family_title"] = family.Title,
            ["current_url"] = current.Url,
            ["versions"] = entries,
        });
        return FinishAndStore(key, document, html.Span, made.Context);
    }

    // A version page without its text: what rendering it or taking it from the cache fills in.
    private static Document VersionPageShell(JobFamily family, PageVersion version)
    {
        var url = VersionUrls.Version(family.Url, version.Id);
        return new Document(url.TrimStart('/'), UrlPath.OutputFileOf(url), string.Empty, Metadata.Empty).With(SiteKeys.IsHtmlPage, true);
    }

    // A history page without its text (staged from the buffer it is rendered into, or from the cache's, as a version page).
    private static Document HistoryPageShell(JobFamily family)
    {
        var url = VersionUrls.History(family.Url);
        return Page(url.TrimStart('/'), url, string.Empty);
    }

    // The page stored under its key: the previous output's file when that still holds the stored bytes (linked, not
    // written again), else the stored bytes staged; null when the key is not stored (render it).
    private Document? Stored(CacheKey key, Document document, StageContext context)
    {
        if (finishedPages is not null && pageCache!.TryStageUnchanged(key, document, finishedPages, context.CancellationToken) is { } linked)
        {
            return linked;
        }

        return pageCache!.TryGet(key, out var cached)
            ? StageFinishedPages.FinishOrKeep(finishedPages, document, cached.Span, context.CancellationToken)
            : null;
    }

    // A stored page while making a family the usual way: what the memo already found in this build under that key (a
    // staged page, or null: not stored), else as above.
    private Document? Stored(CacheKey key, Document document, MadeFamily made) =>
        made.StagedFromMemo is { } found && found.TryGetValue(key.Hex, out var staged) ? staged : Stored(key, document, made.Context);

    // A page just rendered: staged (or given its text), and kept for the next build with the hash staging took of it.
    private Document FinishAndStore(CacheKey? key, Document document, ReadOnlySpan<char> html, StageContext context)
    {
        var finished = StageFinishedPages.FinishOrKeep(finishedPages, document, html, context.CancellationToken);
        if (key is { } toStore)
        {
            pageCache!.Set(toStore, html, finished);
        }

        return finished;
    }

    private Document RecentChangesPage(PageViews views, IReadOnlyList<RecentChangeView> changes)
    {
        var page = new PageView(
            "Recent changes",
            "The newest versions of every job family.",
            VersionUrls.RecentChanges,
            UrlPath.Absolute(settings.BaseUrl, VersionUrls.RecentChanges),
            [new LinkView(settings.Title, PageViews.SectionUrl), new LinkView("Recent changes", null)]);
        var html = theme.RenderPage(ThemeTemplates.RecentChanges, views.Site, page, new Dictionary<string, object?>
        {
            ["changes"] = changes.Take(RecentChangesShown).ToList(),
            ["feed_url"] = VersionUrls.ChangesFeed,
        });
        return Page(VersionUrls.RecentChanges.TrimStart('/'), VersionUrls.RecentChanges, html);
    }

    private Document Finished(Document page, StageContext context) =>
        finishedPages is null ? page : finishedPages.Finish(page, context.CancellationToken);

    private static Document Page(string sourcePath, string url, string html) =>
        new Document(sourcePath, UrlPath.OutputFileOf(url), html, Metadata.Empty).With(SiteKeys.IsHtmlPage, true).With(SiteKeys.SitemapUrl, url);

    private static string ShortSha(string sha) => sha.Length > 7 ? sha[..7] : sha;

    private sealed record FamilyVersions(int Index, Document Document, JobFamily Family, IReadOnlyList<PageVersion> Versions);

    private sealed record FamilyPages(Document Current, List<Document> Generated, List<RecentChangeView> Recent);

    // What making one family's pages the usual way reads, and what the memo will keep of it.
    private sealed class MadeFamily(PageViews views, VersionPageKeys? keys, IReadOnlyDictionary<PageVersion, HistoricContent> contents, StringBuilder familyHtml, Dictionary<string, Document?>? stagedFromMemo, StageContext context)
    {
        public PageViews Views => views;

        public VersionPageKeys? Keys => keys;

        public IReadOnlyDictionary<PageVersion, HistoricContent> Contents => contents;

        // The buffer this worker renders a family's HTML into.
        public StringBuilder FamilyHtml => familyHtml;

        public StageContext Context => context;

        // What the memo found of this family's pages before it gave up, by key (see FromMemo); null without.
        public Dictionary<string, Document?>? StagedFromMemo => stagedFromMemo;

        // The family's history as the memo keeps it; null when a page has no key (it is rendered in every build).
        public StoredFamilyHistory? Memo { get; set; }
    }
}
