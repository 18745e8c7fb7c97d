namespace Handbook.Site.Building;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.IO;
using Handbook.Pipeline.Memory;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Stages;
using Handbook.Site.Caching;
using Handbook.Site.Catalog;
using Handbook.Site.Links;
using Handbook.Site.Security;
using Handbook.Site.Stages;
using Handbook.Site.Theming;
using Handbook.Site.Versions;

/// <summary>
/// The app: the engine's site with the job-families plugin between reading the input and the theme stages.
/// <see cref="Compose"/> is the whole stage list in one place; <see cref="RunAsync"/> runs it and counts the result.
/// With a cache folder (<c>--cache</c>) the input is read first and fingerprinted (<see cref="BuildFingerprint"/>): an
/// unchanged input, theme, tool and settings give back the stored output and diagnostics (<see cref="SiteOutputCache"/>)
/// instead of building again.
/// </summary>
public static class SiteBuild
{
    // Theme assets are trusted and may be large (the vendored Mermaid bundle is about 5 MB).
    private static readonly ReadFilesOptions ThemeAssetOptions = new() { Binary = true, CopyToOutput = true, MaxFileBytes = 32 * 1024 * 1024 };

    /// <param name="writer">The output writer to use (the preview keeps one across rebuilds so it can update the
    /// output in place); null creates one from the request.</param>
    public static Site Compose(BuildRequest request, Theme theme, SiteSettings settings, HistoryStatus? history = null, OutputWriter? writer = null)
    {
        var site = new Site();
        site.AddStages(ReadingStages(request, theme));
        return AddProcessing(site, request, theme, settings, history, writer);
    }

    public static async Task<BuildReport> RunAsync(BuildRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        if (request.CacheFolder is not null && Directory.Exists(request.ThemeFolder))
        {
            // The theme's templates are parsed only when the cache has no build for this input: a hit needs just the
            // theme's folder (the fingerprint hashes its files), and parsing them was a third of a warm build's time at
            // synthetic N = 100. A theme that fails to load never has a cached build (a failed load stops the build
            // before anything is stored), so a hit is never a theme that would have failed. The git history too is read
            // only on a miss (RunCachedAsync).
            return await RunCachedAsync(request, clock, cancellationToken).ConfigureAwait(false);
        }

        // The theme loads on another thread while this one reads the git history: both are start-up work before the
        // first page is read, neither reads what the other makes (issue 9). Without a cache reading the history
        // writes nothing, so a theme that fails to load still ends the build with its diagnostics alone, as before.
        var themeDiagnostics = new DiagnosticBag();
        var themeLoad = LoadThemeInBackground(request, themeDiagnostics);
        using var history = ReadHistory(request, out var historyTiming);
        var theme = await themeLoad.ConfigureAwait(false);
        if (theme is null)
        {
            return new BuildReport(themeDiagnostics.Sorted(), 0, 0, OutputWritten: false, clock.Elapsed);
        }

        // With a cache the theme folder is missing here, so the load above failed (THEME001) and returned.
        var settings = SettingsFor(request, history);

        // One build, no incremental run after it: let each stage's intermediates go (and what AddProcessing releases),
        // and write pages as soon as they are final (the staging deletes what a failed or cancelled build staged).
        var writer = OneShotWriter(request);
        using var staging = writer?.BeginStaging();
        // A one-shot build without versions splits each page as its file is read (SplitFrontMatterWhenRead): nothing
        // reads a page's text before ReadFrontMatter but RecordSourceTexts, which only builds with versions have.
        // Its bodies are parked (kept compressed) as they are read when its parsing runs in batches, which read them
        // parked (AddProcessing batches the builds without versions that this path builds with a batch size, when the
        // site has enough pages: the reading decides from the files it is about to read, so a small site neither parks
        // nor unparks); the compressed Markdown and the bodies the batches render wait in a temporary file (issue 9).
        var batches = history?.Session.IsEnabled != true && request.FamiliesPerBatch > 0;
        using var textSpool = batches ? new FragmentSpool() : null;
        var splitsWhenRead = history?.Session.IsEnabled == true ? null
            : batches ? SplitFrontMatterWhenRead.ParkingWhenBatched(request.FamiliesPerBatch, request.SmallestBatchedSite, textSpool)
            : new SplitFrontMatterWhenRead();
        using var site = AddProcessing(new Site { KeepsRunRecord = false }.AddStages(ReadingStages(request, theme.Directory, splitsWhenRead)), request, theme, settings, history, writer, staging, textSpool: textSpool);
        // A large one-shot build stays nearer its live set with collections when its old generations outgrow it (issue 9).
        using var heapWatch = HeapGrowthWatch.StartFromEnvironment();
        var result = await site.RunAsync([], cancellationToken).ConfigureAwait(false);
        return Report(request, site, result, clock, historyTiming, heapWatch);
    }

    /// <summary>Starts <see cref="Theme.Load"/> on a thread-pool thread; its diagnostics go to <paramref name="diagnostics"/>.</summary>
    private static Task<Theme?> LoadThemeInBackground(BuildRequest request, DiagnosticBag diagnostics) =>
        Task.Run(() => Theme.Load(request.ThemeFolder, diagnostics));

    /// <summary>
    /// The build's git history (opened and walked: <see cref="HistoryStatus"/>), or null without versions, and the
    /// <c>--verbose</c> line of reading it (<paramref name="timing"/>, empty without versions): the walk happens before
    /// the stages, so it is in no stage's time.
    /// </summary>
    private static HistoryStatus? ReadHistory(BuildRequest request, out string timing)
    {
        timing = string.Empty;
        if (!request.History)
        {
            return null;
        }

        var watch = Stopwatch.StartNew();
        var history = HistoryStatus.Read(request);
        timing = new StageTiming("ReadHistory", watch.Elapsed, 0, 0).Format() + "\n";
        return history;
    }

    private static SiteSettings SettingsFor(BuildRequest request, HistoryStatus? history) => new()
    {
        BaseUrl = request.BaseUrl,
        ChangesFeedUrl = history?.Session.IsEnabled == true ? VersionUrls.ChangesFeed : null,
    };

    /// <summary>The stages that read the input folder and the theme's assets.</summary>
    private static IStage[] ReadingStages(BuildRequest request, Theme theme) => ReadingStages(request, theme.Directory);

    /// <param name="splitsWhenRead">Splits job-family pages as they are read (one-shot builds without versions), or null.</param>
    private static IStage[] ReadingStages(BuildRequest request, string themeDirectory, IReadTextPreparer? splitsWhenRead = null) =>
    [
        new ReadFiles(request.InputFolder, InputFiles.Text, new ReadFilesOptions { PrepareText = splitsWhenRead }, "ReadInput"),
        new ReadFiles(request.InputFolder, InputFiles.Images, new ReadFilesOptions { Binary = true, CopyToOutput = true }, "ReadInputImages"),
        new CheckStrayPageFiles(request.InputFolder),
        new ReadFiles(themeDirectory, InputFiles.ThemeAssets, ThemeAssetOptions, "ReadThemeAssets"),
    ];

    /// <summary>The writer of a one-shot build that writes output (it stages pages), or null for <c>check</c>.</summary>
    private static OutputWriter? OneShotWriter(BuildRequest request) =>
        request.WriteOutput ? new OutputWriter(request.OutputFolder, WriterOptions(request)) : null;

    /// <param name="staging">One-shot builds that write output: where finished pages are written early (null: kept until WriteOutput).</param>
    /// <param name="storesFamilyStates">A build with <c>--cache</c> that stores each family's state: bodies are rendered in
    /// <c>RenderBodyHtml</c> (the state holds them), not deferred to the theme.</param>
    /// <param name="textSpool">A batched build's spool for its compressed bodies and Markdown (<see cref="JobFamiliesOptions.TextSpool"/>), or null.</param>
    private static Site AddProcessing(Site site, BuildRequest request, Theme theme, SiteSettings settings, HistoryStatus? history, OutputWriter? writer, OutputStaging? staging = null, bool storesFamilyStates = false, ICompressedTextSpool? textSpool = null)
    {
        // settings.yml is read once per build; later stages (and plugins) find it in the services. The build cache's
        // fingerprint includes the file (BuildFingerprint), since it is read here and not by the reading stages.
        var fileSettings = new LoadedSiteSettings();
        site.Services.Add(fileSettings);
        site.AddStage(new ReadSiteSettings(request.InputFolder, fileSettings));
        // A build that keeps no record for a later incremental run (one-shot: build, check) lets go of what no later
        // stage reads: each Markdown tree once its body is rendered, the body HTML once placed in its page; and it
        // returns that memory (and the leftovers of the stages that allocate most) right away (issue 9, peak memory).
        var oneShot = !site.KeepsRunRecord;
        // Versions from git history compare the current pages' texts with theirs (CurrentPages): a one-shot build
        // records their fingerprints before ReadFrontMatter lets the texts go (a build that keeps them compares the kept
        // texts); bodies are read through RenderedBody, however they are kept.
        // Without versions nothing between rendering and the theme reads a body: the theme renders each one into its
        // page (DeferredBody), so no body outlives its page. Version pages read the current bodies before (CurrentPages).
        var defersBodies = oneShot && history?.Session.IsEnabled != true && !storesFamilyStates;
        // No later stage changes the pages rendered so far (family, version, department pages): the versions stage and
        // the theme hand each page to the staging as they render it, the stage after the theme stages the rest.
        // With --cache (a staging that hashes each page as it writes it) the CSP facts of a page whose bytes an earlier
        // build staged come from the cache instead of reading the page again (issue 9, after one commit).
        var storedResources = staging is { HashesFiles: true } && request.CacheFolder is { } resourcesFolder
            ? StoredPageResources.Open(resourcesFolder, WriteNetlifyHeaders.SiteOriginOf(settings))
            : null;
        var finishedPages = staging is null ? null : new StageFinishedPages(staging, settings, nameof(RenderTheme), storedResources);
        // A build that stages its output makes each family's compare page, export part and search record as the theme
        // renders the family, so its bullets go right after the theme, before the collection after it (issue 9); a
        // batched build makes them in the family's batch (BatchOutputs), so its bullets go with the batch.
        // Where families are reused (--cache), the family and compare pages whose views did not change are linked from the
        // previous output instead of rendered through the theme again (issue 9, after one commit).
        var themePages = storesFamilyStates && staging is { HashesFiles: true } && request.CacheFolder is { } themePagesFolder
            ? new ThemePageCache(themePagesFolder, theme)
            : null;
        // The site disposes its spools (temporary files) when the caller disposes it, however its run ended.
        var perFamilyOutputs = finishedPages is null ? null : site.Owns(new PerFamilyOutputs(theme, settings, finishedPages, themePages));
        var familiesPerBatch = defersBodies && request.FamiliesPerBatch > 0 ? request.FamiliesPerBatch : 0;
        // A build that defers bodies to the theme parses, expands and renders a batch of pages at a time (issue 9).
        var options = new JobFamiliesOptions
        {
            ReleasesSyntaxTrees = oneShot,
            ReleasesSourceText = oneShot,
            KeepsBodyHtmlAsUtf8 = oneShot,
            DefersBodyHtml = defersBodies,
            FamiliesPerBatch = familiesPerBatch,
            SmallestBatchedSite = request.SmallestBatchedSite,
            BatchOutputs = familiesPerBatch > 0 ? perFamilyOutputs : null,
            TextSpool = familiesPerBatch > 0 ? textSpool : null,
        };
        if (oneShot && history?.Session.IsEnabled == true)
        {
            // Before the job-families stages: ReadFrontMatter empties the page texts. The fingerprint is of the file as
            // read, which no stage before ParseJobFamilies changes (ExpandErb replaces the body, not the text).
            site.AddStage(new RecordSourceTexts());
        }

        site.AddJobFamilies(options);

        if (options.FamiliesPerBatch > 0)
        {
            // Each batch's trees went with it; what the batches left behind goes before the theme allocates.
            site.AddStageAfter(nameof(ProcessFamiliesInBatches), new ReturnFreedMemory(nameof(ProcessFamiliesInBatches)));
        }
        else if (oneShot)
        {
            // Expanding extends leaves most of what it allocated behind; the body HTML is rendered into that space
            // (without this collection synthetic N = 3000 peaked 60-130 MiB higher, two rounds).
            site.AddStageAfter(nameof(ExpandExtendsStatements), new ReturnFreedMemory(nameof(ExpandExtendsStatements)));
            // Rendering bodies here lets go of the trees; deferring them to the theme still lets go of the models that
            // held them (the tree-less copies replace them), and the theme's allocations reuse that space: at synthetic
            // N = 10000 the resident set at the end of RenderTheme was 2667 MiB without this collection, 2423 with it.
            site.AddStageAfter(nameof(RenderBodyHtml), new ReturnFreedMemory(nameof(RenderBodyHtml)));
        }

        site.AddStage(new ReadRedirectData(options.RedirectsDataPath));
        if (history is not null)
        {
            site.AddStage(new RenderVersionPages(theme, settings, history.Session, history.Diagnostics, history.Cache, finishedPages, history.PageCache, request.ReusesVersionsOfAgreeingGrades));
        }

        site.AddStage(new RenderTheme(theme, settings, fileSettings, finishedPages, perFamilyOutputs, themePages));
        AddIf(oneShot, site, new ReleaseBodyHtml());
        AddIf(finishedPages is not null, site, () => finishedPages!);
        AddIf(oneShot && perFamilyOutputs is not null, site, () => new ReleaseFamilyBullets(perFamilyOutputs));
        // The bodies just let go are most of the heap (1.2 GB at synthetic N = 10000): without this collection the late
        // half stayed at 2.3-2.6 GB resident there instead of 1.0-1.35 GB (below the first half's peak today, but it
        // would be the peak once the first half holds less).
        AddIf(oneShot, site, new ReturnFreedMemory(nameof(ReleaseBodyHtml)));
        site.AddStage(new RenderSearchPage(theme, settings));
        // Compare pages (one per family) are staged as they are rendered; the stage after them stages the search page.
        site.AddStage(new RenderComparePages(theme, settings, finishedPages, perFamilyOutputs, themePages));
        AddIf(staging is not null, site, () => new StageFinishedPages(staging!, settings, nameof(RenderComparePages), storedResources));
        // No collection after the compare pages: staged as they are rendered, they leave nothing behind that the young
        // generation's collections do not take (resident before/after such a collection at synthetic N = 3000: 379/384 MiB).
        // A build without staging (check) holds them to the end anyway.
        site.AddStage(new RenderLadderPages(theme, settings, finishedPages));
        site.AddStage(new WriteSearchIndex(staging, perFamilyOutputs));
        site.AddStage(new WriteJobFamiliesExport(staging, perFamilyOutputs));
        // Without the theme's records (check) the export was the last reader of the bullets: the link check runs on the
        // families without them.
        AddIf(oneShot && perFamilyOutputs is null, site, new ReleaseFamilyBullets());
        // No collection after the export: it returned ~120 MiB for a 1 s blocking compaction at N = 10000, and lowered
        // no peak measurably at N = 1000 and 3000 (two rounds each, within the runs' noise).
        site.AddStage(new WriteJobGradesExport());
        site.AddStage(new WriteSitemap(settings));
        site.AddStage(new WriteNetlifyRedirects(options.RedirectsDataPath));

        // Last before writing: links are checked against every page the stages above generated.
        // With --cache a one-shot build takes the anchors of pages whose text an earlier build read from the cache (issue 9,
        // after one commit). Not the preview: it keeps each page's anchors in memory across rebuilds (AnchorCollector), and
        // hashing and storing on every edit would only add to the edit-to-reload time.
        var storedAnchors = oneShot && request.CacheFolder is { } cacheFolder ? StoredPageAnchors.Open(cacheFolder) : null;
        site.AddStage(new CheckLinks(LinkOptions(settings), options.RedirectsDataPath, storedAnchors));
        if (request.WriteOutput)
        {
            site.AddStage(new WriteNetlifyHeaders(settings, storedResources));
            writer ??= new OutputWriter(request.OutputFolder, WriterOptions(request));
            site.AddStage(new WriteOutput(writer));
        }

        return site;
    }

    private static void AddIf(bool condition, Site site, IStage stage)
    {
        if (condition)
        {
            site.AddStage(stage);
        }
    }

    private static void AddIf(bool condition, Site site, Func<IStage> stage)
    {
        if (condition)
        {
            site.AddStage(stage());
        }
    }

    /// <summary>The link check's internal hosts: GitLab's own, plus the host of the base URL the site is published at.</summary>
    private static LinkCheckOptions LinkOptions(SiteSettings settings)
    {
        var hosts = LinkCheckOptions.DefaultInternalHosts.ToList();
        if (Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out var baseUrl) && !hosts.Contains(baseUrl.Host, StringComparer.OrdinalIgnoreCase))
        {
            hosts.Add(baseUrl.Host);
        }

        return new LinkCheckOptions { InternalHosts = hosts };
    }

    private static OutputWriterOptions WriterOptions(BuildRequest request) => new() { KeepGoing = request.KeepGoing, InputFolder = request.InputFolder };

    /// <summary>
    /// A build with <c>--cache</c>: the theme's templates are loaded and the git history is read only on a miss. A hit
    /// replays the stored files and diagnostics, which nothing read from the history can change (the fingerprint holds
    /// the git state, <see cref="GitState"/>); opening and walking the history was most of a warm versioned build
    /// (replayed history: ~0.3-1.1 s of a 0.75-1.7 s build under load).
    /// </summary>
    /// <param name="splitsWhenReadAllowed">False for the second read of a build whose pages were split as they were read
    /// but whose history turned out to be readable after all (see below).</param>
    private static async Task<BuildReport> RunCachedAsync(BuildRequest request, Stopwatch clock, CancellationToken cancellationToken, bool splitsWhenReadAllowed = true)
    {
        var cache = new SiteOutputCache(request.CacheFolder!);
        var themeDirectory = Path.GetFullPath(request.ThemeFolder);

        // Read exactly as the uncached build does (same stages, same document order), to fingerprint what was read. Each
        // text's digest is taken as it is read; a build without versions and without family reuse (whose plan reads the
        // page texts) also splits and parks its pages as they are read, as the uncached build does, so the texts are
        // not all held until the last file is read (issue 9: synthetic N = 10000 peaked at 1.43 GB with --cache).
        var splitsWhenRead = splitsWhenReadAllowed
            && !(request.History && GitState.HasRepository(request.InputFolder))
            && !request.ReusesFamiliesWhen(versioned: false);
        var batches = splitsWhenRead && request.FamiliesPerBatch > 0;
        using var textSpool = batches ? new FragmentSpool() : null;
        var preparer = new DigestWhenRead(
            !splitsWhenRead ? null
            : batches ? SplitFrontMatterWhenRead.ParkingWhenBatched(request.FamiliesPerBatch, request.SmallestBatchedSite, textSpool)
            : new SplitFrontMatterWhenRead());
        var readDiagnostics = new DiagnosticBag();
        var context = new StageContext(readDiagnostics, new ServiceRegistry(), cancellationToken);
        var timings = new StringBuilder();
        IReadOnlyList<Document> inputs = [];
        foreach (var stage in ReadingStages(request, themeDirectory, preparer))
        {
            var watch = Stopwatch.StartNew();
            var before = inputs.Count;
            inputs = await stage.ExecuteAsync(inputs, context).ConfigureAwait(false);
            timings.Append(new StageTiming(stage.Name, watch.Elapsed, before, inputs.Count).Format()).Append('\n');
        }

        var read = readDiagnostics.Sorted();
        var fingerprintWatch = Stopwatch.StartNew();
        var fingerprint = BuildFingerprint.Of(inputs, read, themeDirectory, request);
        timings.Append(new StageTiming("FingerprintInput", fingerprintWatch.Elapsed, inputs.Count, inputs.Count).Format()).Append('\n');

        var damaged = false;
        if (cache.TryLoad(fingerprint, out var cached))
        {
            var restoreWatch = Stopwatch.StartNew();
            var upToDate = request.WriteOutput && OutputStamp.Matches(cache.Stamps, request.OutputFolder, fingerprint);
            var restored = upToDate
                ? CachedDiagnostics(cached)
                : await RestoreAsync(request, cache, cached, cancellationToken).ConfigureAwait(false);
            if (restored is not null)
            {
                timings.Append(new StageTiming(upToDate ? "OutputUpToDate" : "RestoreFromCache", restoreWatch.Elapsed, inputs.Count, cached.Files.Count).Format()).Append('\n');
                timings.Append(CultureInfo.InvariantCulture, $"{"total",-28} {clock.Elapsed.TotalMilliseconds,8:0.0} ms  from the cache ({cache.Folder})\n");
                var written = request.WriteOutput && (restored.All(d => d.Severity != Severity.Error) || request.KeepGoing);
                if (written && !upToDate)
                {
                    OutputStamp.Save(cache.Stamps, request.OutputFolder, fingerprint);
                }

                return new BuildReport(restored, cached.PageCount, cached.FamilyCount, written, clock.Elapsed) { Timings = timings.ToString(), FromCache = true };
            }

            damaged = true;
        }

        // The theme loads on another thread while this one reads the git history (as in RunAsync).
        var themeDiagnostics = new DiagnosticBag();
        var themeLoad = LoadThemeInBackground(request, themeDiagnostics);
        using var history = ReadHistory(request, out var historyTiming);
        if (splitsWhenRead && history?.Session.IsEnabled == true)
        {
            // The history was found where GitState found no repository: the pages were split too early for versions
            // (RecordSourceTexts reads their texts). Read again without splitting; the fingerprint is the same.
            return await RunCachedAsync(request, clock, cancellationToken, splitsWhenReadAllowed: false).ConfigureAwait(false);
        }

        timings.Append(historyTiming);
        var settings = SettingsFor(request, history);
        var theme = await themeLoad.ConfigureAwait(false);
        if (theme is null)
        {
            return new BuildReport(themeDiagnostics.Sorted(), 0, 0, OutputWritten: false, clock.Elapsed) { Timings = timings.ToString() };
        }

        // Per-family reuse (--reuse-families): the families whose text (and whose extends neighbours) did not change are
        // restored from the state the previous build stored, instead of being parsed, expanded and rendered again (issue 9).
        FamilyReuseSession? reuse = null;
        if (request.ReusesFamiliesWhen(history?.Session.IsEnabled == true))
        {
            var planWatch = Stopwatch.StartNew();
            reuse = FamilyReuseSession.Open(new FamilyReuseStore(request.CacheFolder!), FamilyReuseKey.Of(inputs, read, request));
            timings.Append(new StageTiming("PlanFamilyReuse", planWatch.Elapsed, reuse.Plan.Rebuild.Count, reuse.RestoredStates.Count).Format()).Append('\n');
        }

        // The run owns what was read from here on (this method's locals live across its awaits): a one-shot run lets
        // the file texts go once parsed. A partial build keeps them, in case it is abandoned and runs again in full.
        var toBuild = inputs;
        inputs = [];

        // The files the output holds from the previous build, with their hashes: unchanged ones are left in place in the
        // output instead of written, and every staged file is hashed as written, so storing reads none back (issue 9).
        var previous = request.WriteOutput ? PreviousOutputOfCache.Load(cache, request.OutputFolder) : null;
        var (site, result, used, staging) = reuse is null
            ? await RunOnceAsync(request, theme, settings, history, read, toBuild, previous, textSpool, cancellationToken).ConfigureAwait(false)
            : await RunReusingFamiliesAsync(request, theme, settings, history, read, toBuild, reuse, previous, cancellationToken).ConfigureAwait(false);
        // The staging outlives the run: storing reads the staged pages of a build that did not replace the output.
        using var ownedStaging = staging;
        using var ownedSite = site;
        var report = Report(request, site, result, clock, timings.ToString());
        var saveWatch = Stopwatch.StartNew();
        cache.Save(fingerprint, result.Documents, result.Diagnostics, report.PageCount, report.FamilyCount, rewriteBlobs: damaged);
        if (report.OutputWritten)
        {
            OutputStamp.Save(cache.Stamps, request.OutputFolder, fingerprint);
        }

        return report with
        {
            Timings = report.Timings + new StageTiming("SaveToCache", saveWatch.Elapsed, result.Documents.Count, result.Documents.Count).Format() + "\n",
            FamilyReuse = used?.Outcome(),
            OutputFilesKept = report.OutputWritten && previous is not null ? (previous.KeptCount, previous.Count) : null,
        };
    }

    /// <summary>A one-shot build of every family, as without <c>--reuse-families</c>; the caller disposes the staging after storing the build.</summary>
    private static async Task<(Site Site, BuildResult Result, FamilyReuseSession? Reuse, OutputStaging? Staging)> RunOnceAsync(
        BuildRequest request, Theme theme, SiteSettings settings, HistoryStatus? history, IReadOnlyList<Diagnostic> read,
        IReadOnlyList<Document> inputs, PreviousOutputFiles? previous, ICompressedTextSpool? textSpool, CancellationToken cancellationToken)
    {
        var writer = OneShotWriter(request);
        var staging = writer?.BeginStaging(hashesFiles: true, previous);
        Site? site = null;
        try
        {
            site = AddProcessing(new Site { KeepsRunRecord = false }.AddStage(new ReportReadDiagnostics(read)), request, theme, settings, history, writer, staging, textSpool: textSpool);
            var result = await site.RunAsync(inputs, cancellationToken).ConfigureAwait(false);
            return (site, result, null, staging);
        }
        catch
        {
            site?.Dispose();
            staging?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs a one-shot build that reuses families (<paramref name="reuse"/>), then stores its families' states. A partial
    /// build whose rebuilt families changed what other pages resolve to is abandoned (cancelled, its staged pages
    /// deleted) and run again in full from <paramref name="inputs"/>; a build that is already full is not run again.
    /// </summary>
    /// <returns>The run and its staging, which the caller disposes after storing the build (the staged pages of a build
    /// that did not replace the output are read back then).</returns>
    private static async Task<(Site Site, BuildResult Result, FamilyReuseSession? Reuse, OutputStaging? Staging)> RunReusingFamiliesAsync(
        BuildRequest request, Theme theme, SiteSettings settings, HistoryStatus? history, IReadOnlyList<Diagnostic> read,
        IReadOnlyList<Document> inputs, FamilyReuseSession reuse, PreviousOutputFiles? previous, CancellationToken cancellationToken)
    {
        using var abandonable = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, reuse.AbandonToken);
        var writer = OneShotWriter(request);
        var staging = writer?.BeginStaging(hashesFiles: true, previous);
        Site? site = null;
        try
        {
            site = AddProcessing(new Site { KeepsRunRecord = false }.AddStage(new ReportReadDiagnostics(read)), request, theme, settings, history, writer, staging, storesFamilyStates: true);
            FamilyReuseWiring.AddTo(site, reuse, nameof(ReportReadDiagnostics));
            var result = await site.RunAsync(inputs, abandonable.Token).ConfigureAwait(false);
            reuse.SaveIndex();
            return (site, result, reuse, staging);
        }
        catch (OperationCanceledException) when (reuse.AbandonReason is { } reason && !reuse.Plan.IsFull && !cancellationToken.IsCancellationRequested)
        {
            // The abandoned run's staged pages and spools go; the full run stages its own.
            site?.Dispose();
            staging?.Dispose();
            return await RunReusingFamiliesAsync(request, theme, settings, history, read, inputs, reuse.AsFull(reason), previous, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            site?.Dispose();
            staging?.Dispose();
            throw;
        }
    }

    private static IReadOnlyList<Diagnostic> CachedDiagnostics(CachedBuild cached)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.ReportAll(cached.Diagnostics.Select(d => d.ToDiagnostic()));
        return diagnostics.Sorted();
    }

    /// <summary>
    /// Writes a cached build's files through the atomic writer and returns its diagnostics (plus any the writing
    /// reported), or null when a blob turned out missing or damaged: then the caller builds from scratch.
    /// </summary>
    private static async Task<IReadOnlyList<Diagnostic>?> RestoreAsync(BuildRequest request, SiteOutputCache cache, CachedBuild cached, CancellationToken cancellationToken)
    {
        if (!request.WriteOutput)
        {
            return CachedDiagnostics(cached);
        }

        var diagnostics = new DiagnosticBag();
        diagnostics.ReportAll(cached.Diagnostics.Select(d => d.ToDiagnostic()));

        // The writer adds what writing finds (a full disk); the plan's own findings were cached and are kept once.

        var writer = new CachedOutputWriter(request.OutputFolder, WriterOptions(request), cache);
        var documents = cached.Files
            .Select(f => new Document(f.SourcePath, f.Destination, string.Empty, Metadata.Empty).With(CachedOutputWriter.Blob, f.Blob))
            .ToList();
        await writer.WriteAsync(documents, !diagnostics.HasErrors, diagnostics, cancellationToken).ConfigureAwait(false);
        return writer.BlobMissing ? null : diagnostics.Sorted();
    }

    /// <param name="heapWatch">The build's heap watch, whose collections <c>--verbose</c> shows, or null.</param>
    private static BuildReport Report(BuildRequest request, Site site, BuildResult result, Stopwatch clock, string readTimings, HeapGrowthWatch? heapWatch = null)
    {
        var versionStage = site.Stages.OfType<RenderVersionPages>().FirstOrDefault();
        var versions = versionStage?.LastRenderer;
        var versionPages = versionStage?.LastPageCache;
        var themePages = site.Stages.OfType<RenderComparePages>().FirstOrDefault()?.ThemePages;
        var pages = result.Documents.Count(d => d.Metadata.Contains(SiteKeys.IsHtmlPage));
        var families = FamilyCatalog.From(result.Documents).Families.Count;
        var written = request.WriteOutput && (result.ErrorCount == 0 || request.KeepGoing);
        var checkedPages = result.Documents
            .Where(d => d.Metadata.Contains(JobFamilyKeys.PathInfo))
            .Select(d => d.SourcePath)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var batches = site.Stages.OfType<ProcessFamiliesInBatches>().FirstOrDefault()?.LastRun;
        return new BuildReport(result.Diagnostics, pages, families, written, clock.Elapsed)
        {
            Timings = readTimings + result.FormatTimings() + (batches is null ? string.Empty : batches.Describe() + "\n")
                + (heapWatch is null ? string.Empty : $"heap watch: {heapWatch.Collections} full collections\n"),
            CheckedPages = checkedPages,
            Versions = (versions?.Rendered ?? 0, versions?.FromCache ?? 0, versions?.Reused ?? 0),
            HistoryFacts = versionStage is { Facts: var facts } ? (facts.Reused, facts.Learned) : default,
            VersionPages = (versionPages?.Misses ?? 0, versionPages?.Hits ?? 0),
            VersionPagesKept = versionPages?.Kept ?? 0,
            FamilyHistoriesFromMemo = versionPages?.Families.Hits ?? 0,
            ThemePages = themePages is null ? default : (themePages.Rendered, themePages.Kept),
        };
    }

    /// <summary>
    /// First stage of a build whose input was read beforehand: reports what reading found, so the later stages (and
    /// the output writer's "were there errors?") see exactly what they see in a build that reads the input itself.
    /// </summary>
    private sealed class ReportReadDiagnostics(IReadOnlyList<Diagnostic> diagnostics) : IStage
    {
        public string Name => nameof(ReportReadDiagnostics);

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            context.Diagnostics.ReportAll(diagnostics);
            return Task.FromResult(documents);
        }
    }
}
