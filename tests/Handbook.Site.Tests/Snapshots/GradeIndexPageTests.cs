namespace Handbook.Site.Tests.Snapshots;

using AngleSharp.Html.Parser;
using Handbook.Site.Building;
using Handbook.Site.Tests.Support;

public class GradeIndexPageTests
{
    [Fact]
    public async Task Given_graded_levels_When_built_Then_the_grade_index_lists_each_role_under_its_grade_and_links_to_it()
    {
        // Given: two families whose levels are graded 6 and 7, and a grade table with 6, 7 and 8.
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["input/data"]);
        File.WriteAllText(folder["input/data/job-grades.yml"], "grades:\n  - id: 6\n    title: Intermediate\n  - id: 7\n    title: Senior\n  - id: 8\n    title: Staff\n");
        Directory.CreateDirectory(folder["input/job-families/ops"]);
        const string Grade = "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";
        File.WriteAllText(folder["input/job-families/ops/planner.md"], $"---\ntitle: Planner\n---\n\n## Levels\n\n### Planner\n\n#### Planner Job Grade\n\nThe Planner is a [grade 6]({Grade}).\n\n### Senior Planner\n\n#### Senior Planner Job Grade\n\nThe Senior Planner is a [grade 7]({Grade}).\n");
        File.WriteAllText(folder["input/job-families/ops/dispatcher.md"], $"---\ntitle: Dispatcher\n---\n\n## Responsibilities\n\n* Dispatch\n\n## Job Grade\n\nThe Dispatcher is a [grade 7]({Grade}).\n");

        // When
        var report = await SiteBuild.RunAsync(new BuildRequest { InputFolder = folder["input"], OutputFolder = folder["output"], ThemeFolder = TestTheme.Folder });

        // Then
        Assert.Equal(0, report.ErrorCount);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(folder["output/job-families/grades/index.html"]));
        string[] RolesAt(string anchor) =>
            page.QuerySelectorAll($"section[aria-labelledby='{anchor}'] li > a:first-child").Select(a => a.TextContent + " " + a.GetAttribute("href")).ToArray();
        Assert.Equal(["Planner /job-families/ops/planner/#planner"], RolesAt("grade-6"));
        Assert.Equal(
            ["Dispatcher /job-families/ops/dispatcher/", "Senior Planner /job-families/ops/planner/#senior-planner"],
            RolesAt("grade-7").Order(StringComparer.Ordinal));
        Assert.Empty(RolesAt("grade-8"));
        Assert.Contains("No level or specialty has this grade.", page.QuerySelector("section[aria-labelledby='grade-8']")!.TextContent, StringComparison.Ordinal);
    }
}
