namespace Handbook.Site.Preview;

using System.Diagnostics;
using Handbook.Pipeline;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Stages;
using Handbook.Site.Theming;

/// <summary>
/// The preview's builds: the first is a full build; each later one passes the changed files to the engine's
/// incremental run (<see cref="Site.RunAsync(IReadOnlyList{Pipeline.Documents.Document}, BuildResult, IReadOnlyCollection{string}, CancellationToken)"/>),
/// so an edited family re-renders that family, the pages that depend on it and the generated indexes, and the
/// output folder is updated in place with only the files whose bytes changed. Not thread-safe: the watcher never
/// overlaps its callbacks.
/// </summary>
/// <remarks>
/// Input paths are passed as they are. Theme assets (<c>assets/…</c>) are documents too (read by
/// <c>ReadThemeAssets</c>); any other theme file is a template: the theme is loaded again and
/// <see cref="RenderTheme.TemplatesInput"/> marks every page for rendering, without parsing anything again.
/// A burst the watcher lost track of (overflow) loads the theme again and runs a full build.
/// </remarks>
public sealed class PreviewBuild
{
    private const string ThemeAssetFolder = "assets/";

    private readonly BuildRequest _request;
    private readonly OutputWriter _writer;
    private readonly PublishRenderedPages _publish;
    private readonly SiteSettings _settings;
    private readonly object _gate = new();
    private Theme? _theme;
    private BuildResult? _previous;

    // The run in progress (null between runs), whether a newer change asked to supersede it, and whether it is past
    // publishing (only then is it cancelled); the changes of a superseded run, which the next run makes as well.
    private CancellationTokenSource? _running;
    private bool _supersedeAsked;
    private bool _pastPublishing;
    private PreviewChanges? _pending;

    public PreviewBuild(BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        _settings = new SiteSettings { BaseUrl = request.BaseUrl };
        _writer = new OutputWriter(request.OutputFolder, new OutputWriterOptions { KeepGoing = request.KeepGoing, InputFolder = request.InputFolder, UpdateInPlace = true });
        _publish = new PublishRenderedPages(_writer);
    }

    /// <summary>
    /// Called during an incremental build with the output paths of the pages written before the site-wide files are
    /// made (see <see cref="PublishRenderedPages"/>); the browsers can reload them at once. The build's report lists
    /// them again (<see cref="PreviewBuildReport.PublishedEarly"/>).
    /// </summary>
    public Action<IReadOnlyList<string>>? Published { get; set; }

    /// <summary>The last run's result (null before the first or after a theme that failed to load).</summary>
    public BuildResult? LastResult => _previous;

    /// <summary>
    /// A newer change arrived while a run is in progress: once that run has published its pages (at once if it has),
    /// the rest of it (the site-wide files) is cancelled, and <see cref="RunAsync"/> throws
    /// <see cref="RebuildSupersededException"/>. Its changes are kept and made by the next run, so the end state is
    /// still a full build's. Does nothing between runs. Thread-safe (the watcher calls it).
    /// </summary>
    public void Supersede()
    {
        CancellationTokenSource? cancel = null;
        lock (_gate)
        {
            if (_running is null)
            {
                return;
            }

            _supersedeAsked = true;
            if (_pastPublishing)
            {
                cancel = _running;
            }
        }

        cancel?.Cancel();
    }

    private void OnPublishingDone()
    {
        CancellationTokenSource? cancel = null;
        lock (_gate)
        {
            _pastPublishing = true;
            if (_supersedeAsked)
            {
                cancel = _running;
            }
        }

        cancel?.Cancel();
    }

    /// <summary>Builds: in full when <paramref name="changes"/> is null (the first build) or overflowed, else incrementally.</summary>
    /// <exception cref="RebuildSupersededException">A newer change superseded the run after it published its pages.</exception>
    public async Task<PreviewBuildReport> RunAsync(PreviewChanges? changes, CancellationToken cancellationToken = default)
    {
        if (_pending is { } pending)
        {
            changes = changes is null ? null : PreviewChanges.Union(pending, changes);
            _pending = null;
        }

        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_gate)
        {
            (_running, _supersedeAsked, _pastPublishing) = (running, false, false);
        }

        try
        {
            return await RunCoreAsync(changes, running.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (running.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _pending = changes;
            throw new RebuildSupersededException(e);
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }
        }
    }

    private async Task<PreviewBuildReport> RunCoreAsync(PreviewChanges? changes, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var templatesChanged = changes is not null && changes.ThemePaths.Any(p => !p.StartsWith(ThemeAssetFolder, StringComparison.Ordinal));
        // After a burst the watcher lost track of, a template may have changed unseen: the full build that follows
        // loads the theme again too (its partials are looked up once per theme, see MemoizedThemeFiles).
        if (_theme is null || templatesChanged || changes is { Overflowed: true })
        {
            var themeDiagnostics = new DiagnosticBag();
            _theme = Theme.Load(_request.ThemeFolder, themeDiagnostics);
            if (_theme is null)
            {
                _previous = null;
                var failed = new BuildReport(themeDiagnostics.Sorted(), 0, 0, OutputWritten: false, clock.Elapsed);
                return new PreviewBuildReport(failed, [], 0, "the theme did not load");
            }
        }

        var site = SiteBuild.Compose(_request, _theme, _settings, writer: _writer);
        site.AddStageAfter(nameof(RenderTheme), _publish);
        var publishedEarly = new List<string>();
        _publish.Published = files =>
        {
            publishedEarly.AddRange(files);
            Published?.Invoke(files);
        };
        _publish.Done = OnPublishingDone;
        var lastWrite = _writer.LastResult;
        var result = _previous is null || changes is null || changes.Overflowed
            ? await site.RunAsync([], cancellationToken).ConfigureAwait(false)
            : await site.RunAsync([], _previous, ChangedInputs(changes, templatesChanged), cancellationToken).ConfigureAwait(false);
        var rendered = RenderedPages(_previous, result);
        _previous = result;

        var write = ReferenceEquals(lastWrite, _writer.LastResult) ? null : _writer.LastResult;
        var written = write is { Replaced: true };
        var changedFiles = (written ? write!.ChangedFiles : []).Union(publishedEarly, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var pages = result.Documents.Count(d => d.Metadata.Contains(SiteKeys.IsHtmlPage));
        var families = CountFamilies(result.Documents);
        var report = new BuildReport(result.Diagnostics, pages, families, written, clock.Elapsed) { Timings = result.FormatTimings() };
        return new PreviewBuildReport(report, changedFiles, rendered, result.FullRebuildReason) { PublishedEarly = publishedEarly };
    }

    /// <summary>
    /// <c>FamilyCatalog.From(documents).Families.Count</c> without building the catalogue (it sorts and groups every
    /// page; the count is all the report needs): documents with a parsed family and a body that are not index pages.
    /// </summary>
    private static int CountFamilies(IReadOnlyList<Document> documents)
    {
        var count = 0;
        foreach (var document in documents)
        {
            if (document.TryGet(JobFamilies.JobFamilyKeys.Family, out var family) && !family.IsDepartmentIndex && document.Metadata.Contains(JobFamilies.JobFamilyKeys.BodyHtml))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>HTML pages this run produced anew: recomputed and not the very document of the previous run (a generated page whose view did not change is reused).</summary>
    private static int RenderedPages(BuildResult? previous, BuildResult result)
    {
        var before = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var page in previous?.Documents.Where(d => d.Metadata.Contains(SiteKeys.IsHtmlPage)) ?? [])
        {
            before.TryAdd(page.SourcePath, page);
        }

        return result.Documents.Count(d => d.Metadata.Contains(SiteKeys.IsHtmlPage)
            && result.Recomputed.Contains(d.SourcePath)
            && !(before.TryGetValue(d.SourcePath, out var old) && ReferenceEquals(old, d)));
    }

    private static List<string> ChangedInputs(PreviewChanges changes, bool templatesChanged)
    {
        var names = new List<string>(changes.InputPaths);
        names.AddRange(changes.ThemePaths.Where(p => p.StartsWith(ThemeAssetFolder, StringComparison.Ordinal)));
        if (templatesChanged)
        {
            names.Add(RenderTheme.TemplatesInput);
        }

        return names;
    }
}
