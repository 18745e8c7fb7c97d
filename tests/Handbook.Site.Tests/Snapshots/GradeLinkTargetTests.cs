namespace Handbook.Site.Tests.Snapshots;

using AngleSharp.Html.Parser;
using Handbook.Site.Building;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

public class GradeLinkTargetTests
{
    [Fact]
    public async Task Every_grade_link_of_the_sample_site_lands_on_a_row_of_the_generated_grades_page()
    {
        using var folder = new TempFolder();
        await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = Path.Combine(SharedCorpus.RepositoryRoot, "input"),
            OutputFolder = folder["output"],
            ThemeFolder = TestTheme.Folder,
            KeepGoing = true,
            History = false, // the current site's links; versions keep the grade links of their own time
        });
        var parser = new HtmlParser();
        const string gradesPage = "/handbook/total-rewards/compensation/compensation-calculator/";
        var ids = parser.ParseDocument(File.ReadAllText(folder["output" + gradesPage + "index.html"]))
            .QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);

        var links = Directory.EnumerateFiles(folder["output/job-families"], "*.html", SearchOption.AllDirectories)
            .SelectMany(f => parser.ParseDocument(File.ReadAllText(f)).QuerySelectorAll("a.grade, a.grade-badge").Select(a => a.GetAttribute("href")!))
            .ToList();

        Assert.NotEmpty(links);
        Assert.All(links, href =>
        {
            Assert.StartsWith(gradesPage + "#", href, StringComparison.Ordinal);
            Assert.Contains(href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..], ids);
        });
    }
}
