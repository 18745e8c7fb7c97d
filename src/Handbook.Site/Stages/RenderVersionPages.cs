namespace Handbook.Site.Stages;

using System.Text;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Versions;
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
/// stored are taken as they were instead of being rendered through the theme again (<see cref="VersionPageCache"/>).</param>
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
        var contents = await renderer.RenderAsync(
            AllVersions(families), views, new CurrentPages(documents, session, views), context.MaxDegreeOfParallelism, context.CancellationToken).ConfigureAwait(false);

        var keys = pageCache is null ? null : new VersionPageKeys(theme, views.Site);

        // The families' pages are made in parallel (issue 9: one family after the other this was the longest
        // single-threaded part of a versioned build, ≈ 150 ms after one commit, where nearly every page is a link to
        // the previous output's file) and gathered in family order, so what the stage returns does not depend on
        // which thread made what. Each worker renders a family's HTML into a buffer of its own.
        var pagesOfFamilies = new FamilyPages[families.Count];
        Parallel.For(
            0,
            families.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            () => new StringBuilder(),
            (i, _, familyHtml) =>
            {
                pagesOfFamilies[i] = PagesOf(families[i], views, keys, contents, familyHtml, context);
                return familyHtml;
            },
            _ => { });

        var result = documents.ToArray();
        var generated = new List<Document>();
        var recent = new List<RecentChangeView>();
        for (var i = 0; i < families.Count; i++)
        {
            result[families[i].Index] = pagesOfFamilies[i].Current;
            generated.AddRange(pagesOfFamilies[i].Generated);
            recent.AddRange(pagesOfFamilies[i].Recent);
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
    // history page (staged as they are made), and its lines of the recent changes. Called from several threads at once.
    private FamilyPages PagesOf(FamilyVersions familyVersions, PageViews views, VersionPageKeys? keys, IReadOnlyDictionary<PageVersion, HistoricContent> contents, StringBuilder familyHtml, StageContext context)
    {
        var (_, document, family, versions) = familyVersions;
        var published = versions.Where(contents.ContainsKey).ToList();
        var historyUrl = VersionUrls.History(family.Url);
        var current = document.With(VersionKeys.Published, new PublishedVersions(
            historyUrl,
            published.Select(v => new PublishedVersion(v.Id, v.Date, v.CommitSha, v.Subject, VersionUrls.Version(family.Url, v.Id))).ToList()));

        var diffs = HistoryChanges.Diffs(published, contents);
        // The current page's URLs and breadcrumbs are all its version and history pages take from it: its trail,
        // not the whole page view (whose JSON-LD, ≈ 13 ms of CPU for 120 families, RenderTheme makes for itself).
        var pageOfFamily = views.TrailOf(family);
        var generated = new List<Document>(published.Count + 1);
        var recent = new List<RecentChangeView>(published.Count);
        for (var i = 0; i < published.Count; i++)
        {
            generated.Add(VersionPage(views, keys, pageOfFamily, family, published[i], contents[published[i]], isLatest: i == 0, familyHtml, context));
            recent.Add(new RecentChangeView(
                VersionDates.Day(published[i].Date),
                VersionDates.Iso(published[i].Date),
                family.Title,
                UrlPath.Encode(family.Url),
                UrlPath.Encode(VersionUrls.Version(family.Url, published[i].Id)),
                UrlPath.Encode(historyUrl),
                published[i].Subject,
                HistoryChanges.Summary(diffs[i], isFirst: i == published.Count - 1),
                HistoryChanges.GradeChanges(diffs[i])));
        }

        generated.Add(HistoryPage(views, keys, pageOfFamily, family, published, contents, diffs, context));
        return new FamilyPages(current, generated, recent);
    }

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

    private Document VersionPage(PageViews views, VersionPageKeys? keys, PageView current, JobFamily family, PageVersion version, HistoricContent content, bool isLatest, StringBuilder familyHtml, StageContext context)
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
        var document = new Document(url.TrimStart('/'), UrlPath.OutputFileOf(url), string.Empty, Metadata.Empty).With(SiteKeys.IsHtmlPage, true);
        var key = keys?.ForVersionPage(ThemeTemplates.FamilyVersion, page, banner, content);
        if (key is { } stored && Stored(stored, document, context) is { } unchanged)
        {
            return unchanged;
        }

        // The family's HTML goes from its buffer straight into the page (no string of it): written unescaped, like
        // the layout's content; a template that filters it (`| raw`) gets the same text as a string.
        familyHtml.Clear();
        theme.RenderFragment(familyHtml, ThemeTemplates.JobFamily, views.Site, page, new Dictionary<string, object?> { ["family"] = content.Family });
        var html = theme.RenderPageBuffered(ThemeTemplates.FamilyVersion, views.Site, page, new Dictionary<string, object?> { ["version"] = banner, ["family_html"] = new BufferedHtmlValue(familyHtml) });
        return FinishAndStore(key, document, html.Span, context);
    }

    private Document HistoryPage(
        PageViews views, VersionPageKeys? keys, PageView current, JobFamily family, IReadOnlyList<PageVersion> versions, IReadOnlyDictionary<PageVersion, HistoricContent> contents, IReadOnlyList<Handbook.JobFamilies.Versions.Diff.VersionDiffResult?> diffs, StageContext context)
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
        var document = Page(url.TrimStart('/'), url, string.Empty);
        var key = keys?.ForHistoryPage(ThemeTemplates.FamilyHistory, page, family.Title, current.Url, entries);
        if (key is { } stored && Stored(stored, document, context) is { } unchanged)
        {
            return unchanged;
        }

        var html = theme.RenderPageBuffered(ThemeTemplates.FamilyHistory, views.Site, page, new Dictionary<string, object?>
        {
            ["family_title"] = family.Title,
            ["current_url"] = current.Url,
            ["versions"] = entries,
        });
        return FinishAndStore(key, document, html.Span, context);
    }

    // The page stored under its key: the previous output's file when that still holds the stored bytes (linked, not
    // written again), else the stored bytes staged; null when the key is not stored (render it).
    private Document? Stored(Handbook.Pipeline.Caching.CacheKey key, Document document, StageContext context)
    {
        if (finishedPages is not null && pageCache!.TryStageUnchanged(key, document, finishedPages, context.CancellationToken) is { } linked)
        {
            return linked;
        }

        return pageCache!.TryGet(key, out var cached)
            ? StageFinishedPages.FinishOrKeep(finishedPages, document, cached.Span, context.CancellationToken)
            : null;
    }

    // A page just rendered: staged (or given its text), and kept for the next build with the hash staging took of it.
    private Document FinishAndStore(Handbook.Pipeline.Caching.CacheKey? key, Document document, ReadOnlySpan<char> html, StageContext context)
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
}
