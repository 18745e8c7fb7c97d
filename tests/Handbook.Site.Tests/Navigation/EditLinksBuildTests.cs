namespace Handbook.Site.Tests.Navigation;

using AngleSharp.Html.Parser;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Building;
using Handbook.Site.Tests.Support;

/// <summary><c>input/settings.yml</c> read by the build (ReadSiteSettings) and turned into "Edit this page" links.</summary>
public class EditLinksBuildTests
{
    private static Task<BuildReport> Build(TempFolder folder) =>
        SiteBuild.RunAsync(new BuildRequest { InputFolder = folder["input"], OutputFolder = folder["output"], ThemeFolder = TestTheme.Folder, History = false });

    [Fact]
    public async Task Given_a_repository_url_in_the_settings_When_the_site_is_built_Then_the_family_page_links_its_source_in_the_web_editor()
    {
        using var folder = new TempFolder();
        folder.Write("input/settings.yml", "repository_url: https://gitlab.example.com/northwind/handbook\nedit_branch: live\n");
        folder.Write("input/job-families/finance/payroll.md", "---\ntitle: Payroll\n---\n\nPays everyone.\n");

        var report = await Build(folder);

        Assert.Equal(0, report.ErrorCount);
        var html = new HtmlParser().ParseDocument(File.ReadAllText(folder["output/job-families/finance/payroll/index.html"]));
        // The temp input folder is in no git work tree, so the path has no prefix.
        Assert.Equal(
            "https://gitlab.example.com/northwind/handbook/-/edit/live/job-families/finance/payroll.md",
            html.QuerySelector("a.edit-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Given_a_bad_setting_When_the_site_is_built_Then_the_error_is_reported_at_its_line_and_the_output_is_not_written()
    {
        using var folder = new TempFolder();
        folder.Write("input/settings.yml", "repository_url: https://gitlab.example.com/hb\nedit_branch: two words\n");
        folder.Write("input/job-families/finance/payroll.md", "---\ntitle: Payroll\n---\n\nPays everyone.\n");

        var report = await Build(folder);

        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("SET008", new SourceLocation("settings.yml", 2, 14)), (error.Code, error.Location));
        Assert.False(report.OutputWritten);
    }
}
