namespace Handbook.JobFamilies.Tests.Links;

using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Redirects;
using Handbook.Pipeline.Diagnostics;

public class LinkResolverTests
{
    private const string Page = "/job-families/sales/account-executive/";

    private static readonly LinkTargets Targets = BuildTargets();

    private static LinkTargets BuildTargets()
    {
        var targets = new LinkTargets();
        targets.AddPage("/job-families/", () => new HashSet<string>());
        targets.AddPage(Page, () => new HashSet<string> { "levels", "senior-account-executive", "technical-architect" });
        targets.AddPage("/job-families/sales/solutions-architect/", () => new HashSet<string> { "responsibilities", "internal-auditor" });
        targets.AddPage("/job-families/product/technical-writer/", () => new HashSet<string>());
        targets.AddPage("/job-families/finance/VP-Finance/", () => new HashSet<string>());
        targets.AddPage("/handbook/total-rewards/compensation/compensation-calculator/", () => new HashSet<string> { "gitlab-job-grades", "grade-9-5" });
        targets.AddFile("/api/job-families.json");
        return targets;
    }

    private static LinkVerdict Resolve(string url, string redirects = "")
    {
        var table = RedirectDataReader.Read("data/redirects.yml", redirects, new List<Diagnostic>());
        return new LinkResolver(Targets, table).Resolve(LinkAddress.Parse(url, Page, ["about.gitlab.com"]));
    }

    [Theory]
    [InlineData("/job-families/sales/solutions-architect/")]
    [InlineData("/job-families/sales/solutions-architect/#responsibilities")]
    [InlineData("https://about.gitlab.com/job-families/sales/solutions-architect/")]
    [InlineData("#levels")]
    [InlineData("#top")]
    [InlineData("../solutions-architect/#internal-auditor")]
    [InlineData("/handbook/total-rewards/compensation/compensation-calculator/#grade-9-5")]
    [InlineData("/job-families/sales/solutions-architect/index.html")]
    [InlineData("/api/job-families.json")]
    public void Given_a_link_to_a_generated_page_and_anchor_When_resolved_Then_it_is_fine(string url)
    {
        Assert.Equal(LinkProblem.None, Resolve(url).Problem);
    }

    [Theory]
    [InlineData("/handbook/hiring/")]
    [InlineData("/company/culture/#values")]
    [InlineData("https://about.gitlab.com/handbook/leadership/")]
    [InlineData("/handbook/total-rewards/benefits/")]
    [InlineData("https://example.com/job-families/nothing/")]
    public void Given_a_link_outside_the_generated_part_of_the_site_When_resolved_Then_it_is_not_judged(string url)
    {
        Assert.Equal(LinkProblem.None, Resolve(url).Problem);
    }

    [Fact]
    public void Given_a_missing_trailing_slash_When_resolved_Then_a_warning_with_the_corrected_link()
    {
        var verdict = Resolve("https://about.gitlab.com/job-families/sales/solutions-architect#responsibilities");

        Assert.Equal(LinkProblem.MissingTrailingSlash, verdict.Problem);
        Assert.Equal("https://about.gitlab.com/job-families/sales/solutions-architect/#responsibilities", verdict.Corrected);
    }

    [Fact]
    public void Given_a_path_in_the_wrong_case_When_resolved_Then_the_page_is_named_with_its_case()
    {
        var verdict = Resolve("/job-families/finance/vp-finance");

        Assert.Equal(LinkProblem.WrongCase, verdict.Problem);
        Assert.Equal("/job-families/finance/VP-Finance/", verdict.Corrected);
    }

    [Fact]
    public void Given_an_anchor_in_the_wrong_case_When_resolved_Then_the_corrected_anchor_is_offered()
    {
        var verdict = Resolve("/job-families/sales/solutions-architect/#Internal-Auditor");

        Assert.Equal(LinkProblem.AnchorWrongCase, verdict.Problem);
        Assert.Equal("/job-families/sales/solutions-architect/#internal-auditor", verdict.Corrected);
    }

    [Theory]
    [InlineData("#senior-acount-executive", "#senior-account-executive")]
    [InlineData("#Senior Account Executive", "#senior-account-executive")]
    [InlineData("#specialties", null)]
    public void Given_a_missing_anchor_When_resolved_Then_the_closest_anchor_is_suggested(string url, string? suggestion)
    {
        var verdict = Resolve(url);

        Assert.Equal(LinkProblem.AnchorNotFound, verdict.Problem);
        Assert.Equal(suggestion, verdict.Suggestion);
    }

    [Theory]
    [InlineData("/job-families/engineering/technical-writer/", "/job-families/product/technical-writer/")]
    [InlineData("/job-families/sales/solution-architect/", "/job-families/sales/solutions-architect/")]
    [InlineData("technical-architect", "#technical-architect")]
    [InlineData("/job-families/legal/chief-legal-officer/", null)]
    [InlineData("/job-families/sales/sales-architect/", null)]
    [InlineData("jobs/careers/", "/jobs/careers/")]
    [InlineData("(/handbook/hiring/)", "/handbook/hiring/")]
    public void Given_a_link_to_no_page_When_resolved_Then_an_error_with_the_closest_page(string url, string? suggestion)
    {
        var verdict = Resolve(url);

        Assert.Equal(LinkProblem.PageNotFound, verdict.Problem);
        Assert.Equal(suggestion, verdict.Suggestion);
    }

    [Fact]
    public void Given_a_moved_page_with_a_redirect_When_resolved_Then_the_link_is_fine_and_its_anchor_is_checked_on_the_target()
    {
        const string redirects = "- sources: [/job-families/sales/old-architect/, /job-families/sales/old-architect]\n  target: /job-families/sales/solutions-architect/\n";

        Assert.Equal(LinkProblem.None, Resolve("/job-families/sales/old-architect", redirects).Problem);
        var anchored = Resolve("/job-families/sales/old-architect/#nope", redirects);
        Assert.Equal(LinkProblem.AnchorNotFound, anchored.Problem);
        Assert.Equal(1, anchored.Redirect!.Source.Line);
    }

    [Fact]
    public void Given_a_redirect_to_a_page_that_is_not_generated_When_resolved_Then_an_error_naming_the_target()
    {
        var verdict = Resolve("/job-families/sales/old/", "- sources: /job-families/sales/old/\n  target: /job-families/sales/gone/\n");

        Assert.Equal(LinkProblem.RedirectToMissingPage, verdict.Problem);
        Assert.Equal("/job-families/sales/gone/", verdict.Target);
    }

    [Fact]
    public void Given_redirects_in_a_circle_When_resolved_Then_a_loop()
    {
        var verdict = Resolve("/job-families/a/", "- sources: /job-families/a/\n  target: /job-families/b/\n- sources: /job-families/b/\n  target: /job-families/a/\n");

        Assert.Equal(LinkProblem.RedirectLoop, verdict.Problem);
    }

    [Fact]
    public void Given_a_redirect_out_of_the_section_When_resolved_Then_it_is_not_judged()
    {
        Assert.Equal(LinkProblem.None, Resolve("/job-families/old/", "- sources: /job-families/old/\n  target: /handbook/somewhere/\n").Problem);
    }
}
