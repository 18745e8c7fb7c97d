namespace Handbook.Site.Building;

using System.Diagnostics;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Links;
using Handbook.Pipeline;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.IO;
using Handbook.Pipeline.Output;
using Handbook.Site.Catalog;
using Handbook.Site.Stages;
using Handbook.Site.Theming;
using Handbook.Site.Versions;

/// <summary>
/// The app: the engine's site with the job-families plugin between reading the input and the theme stages.
/// <see cref="Compose"/> is the whole stage list in one place; <see cref="RunAsync"/> runs it and counts the result.
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
        site.AddStage(new ReadFiles(request.InputFolder, InputFiles.Text, name: "ReadInput"));
        site.AddStage(new ReadFiles(request.InputFolder, InputFiles.Images, new ReadFilesOptions { Binary = true, CopyToOutput = true }, "ReadInputImages"));
        site.AddStage(new ReadFiles(theme.Directory, InputFiles.ThemeAssets, ThemeAssetOptions, "ReadThemeAssets"));
        // settings.yml is read once per build; later stages (and plugins) find it in the services.
        var fileSettings = new LoadedSiteSettings();
        site.Services.Add(fileSettings);
        site.AddStage(new ReadSiteSettings(request.InputFolder, fileSettings));
        var options = new JobFamiliesOptions();
        site.AddJobFamilies(options);
        site.AddStage(new ReadRedirectData(options.RedirectsDataPath));
        if (history is not null)
        {
            site.AddStage(new RenderVersionPages(theme, settings, history.Session, history.Diagnostics, history.Cache));
        }

        site.AddStage(new RenderTheme(theme, settings, fileSettings));
        site.AddStage(new RenderSearchPage(theme, settings));
        site.AddStage(new RenderComparePages(theme, settings));
        site.AddStage(new RenderLadderPages(theme, settings));
        site.AddStage(new WriteSearchIndex());
        site.AddStage(new WriteJobFamiliesExport());
        site.AddStage(new WriteJobGradesExport());
        site.AddStage(new WriteSitemap(settings));
        site.AddStage(new WriteNetlifyRedirects(options.RedirectsDataPath));

        // Last before writing: links are checked against every page the stages above generated.
        site.AddStage(new CheckLinks(LinkOptions(settings), options.RedirectsDataPath));
        if (request.WriteOutput)
        {
            site.AddStage(new WriteNetlifyHeaders(settings));
            writer ??= new OutputWriter(request.OutputFolder, new OutputWriterOptions { KeepGoing = request.KeepGoing, InputFolder = request.InputFolder });
            site.AddStage(new WriteOutput(writer));
        }

        return site;
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

    public static async Task<BuildReport> RunAsync(BuildRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var themeDiagnostics = new DiagnosticBag();
        var theme = Theme.Load(request.ThemeFolder, themeDiagnostics);
        if (theme is null)
        {
            return new BuildReport(themeDiagnostics.Sorted(), 0, 0, OutputWritten: false, clock.Elapsed);
        }

        using var history = request.History ? HistoryStatus.Read(request) : null;
        var settings = new SiteSettings
        {
            BaseUrl = request.BaseUrl,
            ChangesFeedUrl = history?.Session.IsEnabled == true ? VersionUrls.ChangesFeed : null,
        };
        var site = Compose(request, theme, settings, history);
        var result = await site.RunAsync([], cancellationToken).ConfigureAwait(false);
        var versions = site.Stages.OfType<RenderVersionPages>().FirstOrDefault()?.LastRenderer;

        var pages = result.Documents.Count(d => d.Metadata.Contains(SiteKeys.IsHtmlPage));
        var families = FamilyCatalog.From(result.Documents).Families.Count;
        var written = request.WriteOutput && (result.ErrorCount == 0 || request.KeepGoing);
        var checkedPages = result.Documents
            .Where(d => d.Metadata.Contains(JobFamilyKeys.PathInfo))
            .Select(d => d.SourcePath)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new BuildReport(result.Diagnostics, pages, families, written, clock.Elapsed)
        {
            Timings = result.FormatTimings(),
            CheckedPages = checkedPages,
            Versions = (versions?.Rendered ?? 0, versions?.FromCache ?? 0, versions?.Reused ?? 0),
        };
    }
}
