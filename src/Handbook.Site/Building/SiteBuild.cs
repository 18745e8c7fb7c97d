namespace Handbook.Site.Building;

using System.Diagnostics;
using Handbook.JobFamilies;
using Handbook.Pipeline;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Catalog;
using Handbook.Site.Stages;
using Handbook.Site.Theming;

/// <summary>
/// The app: the engine's site with the job-families plugin between reading the input and the theme stages.
/// <see cref="Compose"/> is the whole stage list in one place; <see cref="RunAsync"/> runs it and counts the result.
/// </summary>
public static class SiteBuild
{
    public static Site Compose(BuildRequest request, Theme theme, SiteSettings settings)
    {
        var site = new Site();
        site.AddStage(new ReadInputFolder(request.InputFolder));
        site.AddJobFamilies(new JobFamiliesOptions());
        site.AddStage(new RenderTheme(theme, settings));
        site.AddStage(new WriteJobFamiliesExport());
        site.AddStage(new WriteSitemap(settings));
        if (request.WriteOutput)
        {
            site.AddStage(new WriteOutputFolder(request.OutputFolder, theme, request.KeepGoing));
        }

        return site;
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

        var settings = new SiteSettings { BaseUrl = request.BaseUrl };
        var result = await Compose(request, theme, settings).RunAsync([], cancellationToken).ConfigureAwait(false);

        var pages = result.Documents.Count(d => d.Metadata.Contains(SiteKeys.IsHtmlPage));
        var families = FamilyCatalog.From(result.Documents).Families.Count;
        var written = request.WriteOutput && (result.ErrorCount == 0 || request.KeepGoing);
        return new BuildReport(result.Diagnostics, pages, families, written, clock.Elapsed);
    }
}
