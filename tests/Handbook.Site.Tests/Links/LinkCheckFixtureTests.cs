namespace Handbook.Site.Tests.Links;

using ApprovalTests;
using Handbook.Site.Building;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// The fixture <c>Fixtures/broken-links</c> holds one of every link and redirect-data problem next to links that
/// must pass (redirected, relative, absolute about.gitlab.com, /handbook/, external, #top, a prefix redirect, grade
/// links, inherited bullets). The approved file lists the exact diagnostics, reviewed line by line.
/// </summary>
public class LinkCheckFixtureTests
{
    public static readonly string FixtureInput = Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Handbook.Site.Tests", "Fixtures", "broken-links");

    [Fact]
    public async Task Given_one_of_every_link_problem_When_checked_Then_exactly_the_expected_diagnostics()
    {
        var report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = FixtureInput,
            OutputFolder = "unused",
            ThemeFolder = TestTheme.Folder,
            WriteOutput = false,
        });

        Approvals.Verify(string.Join("\n", report.Diagnostics.Select(d => d.Format())) + "\n");
    }

    [Fact]
    public async Task Given_a_broken_link_in_a_bullet_another_level_inherits_When_checked_Then_it_is_reported_once_where_it_was_written()
    {
        var report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = FixtureInput,
            OutputFolder = "unused",
            ThemeFolder = TestTheme.Folder,
            WriteOutput = false,
        });

        var checklist = report.Diagnostics.Where(d => d.Message.Contains("/job-families/bakery/checklist/", StringComparison.Ordinal)).ToList();
        var only = Assert.Single(checklist);
        Assert.Equal("job-families/bakery/baker.md:19:14", only.Location.ToString());
    }
}
