namespace Handbook.Site.Tests.Versions;

using AngleSharp.Html.Parser;
using ApprovalTests;
using Handbook.Site.Tests.History;

/// <summary>
/// The history page of one family with several versions (made-up repository): grade changes called out, items
/// added, removed and reworded per level – including items a level inherits through "extends" – a whitespace-only
/// edit folded, and commits linked through <c>repository_url</c>.
/// </summary>
public sealed class HistoryPageSnapshotTests
{
    private const string Keeper = "job-families/garden/plant-keeper.md";

    [Fact]
    public async Task History_page_of_a_family_with_several_versions()
    {
        using var repo = new TestRepository();
        repo.Write("settings.yml", "repository_url: https://gitlab.example.com/garden/handbook\n");
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("6", "7", "8"));
        repo.Write(Keeper, Page("6", "7", ["Water the plants", "Sweep the paths"], ["Train new keepers"])).Commit("Add the plant keeper family");
        repo.Write(Keeper, Page("6", "7", ["Water the plants", "Sweep the paths", "Repot the cacti"], ["Train new keepers"])).Commit("Keepers repot the cacti");
        repo.Write(Keeper, Page("6", "7", ["Water the plants", "Sweep the paths", "Repot the cacti"], ["Train new keepers"]).Replace("\n\n", "\n\n\n", StringComparison.Ordinal)).Commit("Tidy blank lines");
        repo.Write(Keeper, Page("6", "8", ["Water the plants and trees", "Repot the cacti"], ["Train new keepers", "Plan the seasons"])).Commit("Senior keepers move to grade 8 & plan the seasons");

        using var build = await VersionedBuild.RunAsync(repo.InputFolder);

        var main = new HtmlParser().ParseDocument(build.Read("/job-families/garden/plant-keeper/history/")).QuerySelector("main")!;
        Approvals.Verify(main.OuterHtml);
    }

    private static string Page(string grade, string seniorGrade, string[] keeper, string[] senior) =>
        "---\ntitle: \"Plant Keeper\"\n---\n\n## Levels\n\n"
        + $"### Plant Keeper\n\nThe Plant Keeper is a [grade {grade}](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n"
        + "#### Responsibilities\n\n" + string.Concat(keeper.Select(r => $"* {r}\n"))
        + $"\n### Senior Plant Keeper\n\nThe Senior Plant Keeper is a [grade {seniorGrade}](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n"
        + "#### Responsibilities\n\n* Extends the Plant Keeper responsibilities\n" + string.Concat(senior.Select(r => $"* {r}\n"));
}
