namespace Handbook.JobFamilies.Tests.Hugo;

using Handbook.JobFamilies.Hugo;

public sealed class HugoRefTests
{
    [Theory]
    [InlineData("/job-families/greenhouse/seed-keeper", "job-families/orchard/picker.md", "/job-families/greenhouse/seed-keeper/")]
    [InlineData("/job-families/greenhouse/seed-keeper/", "job-families/orchard/picker.md", "/job-families/greenhouse/seed-keeper/")]
    [InlineData("/job-families/greenhouse/seed-keeper.md", "job-families/orchard/picker.md", "/job-families/greenhouse/seed-keeper/")]
    [InlineData("/job-families/greenhouse/seed-keeper/_index.md", "job-families/orchard/picker.md", "/job-families/greenhouse/seed-keeper/")]
    [InlineData("/job-families/greenhouse/seed-keeper/index.html.md", "job-families/orchard/picker.md", "/job-families/greenhouse/seed-keeper/")]
    [InlineData("/job-families/greenhouse/seed-keeper#senior-seed-keeper", "job-families/orchard/picker.md", "/job-families/greenhouse/seed-keeper/#senior-seed-keeper")]
    [InlineData("/job-families/greenhouse/seed-keeper.md#senior", "job-families/orchard/picker.md", "/job-families/greenhouse/seed-keeper/#senior")]
    [InlineData("senior", "job-families/greenhouse/seed-keeper/_index.md", "/job-families/greenhouse/seed-keeper/senior/")]
    [InlineData("senior.md", "job-families/greenhouse/seed-keeper/junior.md", "/job-families/greenhouse/seed-keeper/senior/")]
    [InlineData("./senior", "job-families/greenhouse/seed-keeper/junior.md", "/job-families/greenhouse/seed-keeper/senior/")]
    [InlineData("../pruner", "job-families/greenhouse/seed-keeper/_index.md", "/job-families/greenhouse/pruner/")]
    [InlineData("_index.md", "job-families/greenhouse/seed-keeper/junior.md", "/job-families/greenhouse/seed-keeper/")]
    [InlineData("#senior", "job-families/greenhouse/seed-keeper/_index.md", "/job-families/greenhouse/seed-keeper/#senior")]
    [InlineData("/handbook/values", "job-families/orchard/picker.md", "/handbook/values/")]
    [InlineData("/", "job-families/orchard/picker.md", "/")]
    public void Given_a_ref_path_When_resolved_Then_it_is_the_url_of_the_page_it_names(string target, string page, string url) =>
        Assert.Equal(url, HugoRef.Resolve(target, page));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("#")]
    [InlineData("../../../../elsewhere")]
    public void Given_an_empty_or_escaping_path_When_resolved_Then_null(string target) =>
        Assert.Null(HugoRef.Resolve(target, "job-families/greenhouse/seed-keeper.md"));

    private static readonly HugoPageIndex Pages = new(
    [
        "job-families/greenhouse/seed-keeper/_index.md",
        "job-families/greenhouse/seed-keeper/senior.md",
        "job-families/greenhouse/pruner.md",
        "job-families/greenhouse/vault/Night-Guard.md",
        "job-families/orchard/picker/index.html.md",
        "job-families/orchard/senior.md",
        "job-families/orchard/pruner.md",
        "job-families/orchard/_ladder.md",
        "handbook/hiring/interviewing.md",
    ]);

    [Theory]
    [InlineData("pruner.md#first-cut", "job-families/orchard/senior.md", "/job-families/orchard/pruner/#first-cut")]
    [InlineData("seed-keeper", "job-families/orchard/senior.md", "/job-families/greenhouse/seed-keeper/")]
    [InlineData("picker", "job-families/greenhouse/pruner.md", "/job-families/orchard/picker/")]
    [InlineData("night-guard", "job-families/orchard/senior.md", "/job-families/greenhouse/vault/Night-Guard/")]
    [InlineData("senior", "job-families/greenhouse/seed-keeper/_index.md", "/job-families/greenhouse/seed-keeper/senior/")]
    [InlineData("senior#grade", "job-families/orchard/pruner.md", "/job-families/orchard/senior/#grade")]
    [InlineData("job-families/orchard/picker", "job-families/greenhouse/pruner.md", "/job-families/orchard/picker/")]
    public void Given_a_ref_to_a_page_of_the_input_When_looked_up_Then_next_to_the_page_first_then_from_the_root_then_by_name(string target, string page, string url)
    {
        var found = HugoRef.Lookup(target, page, Pages);

        Assert.Equal(HugoRefOutcome.Found, found.Outcome);
        Assert.Equal(url, found.Url);
    }

    [Fact]
    public void Given_a_bare_name_that_two_pages_have_When_looked_up_elsewhere_Then_ambiguous_with_both_urls()
    {
        var found = HugoRef.Lookup("Senior", "job-families/greenhouse/pruner.md", Pages);

        Assert.Equal(HugoRefOutcome.Ambiguous, found.Outcome);
        Assert.Null(found.Url);
        Assert.Equal(["/job-families/greenhouse/seed-keeper/senior/", "/job-families/orchard/senior/"], found.Matches);
    }

    [Theory]
    [InlineData("interviewing#first-call")]
    [InlineData("interviewing.md")]
    [InlineData("ladder")]
    public void Given_a_bare_name_no_page_of_the_input_has_When_looked_up_Then_not_in_input_without_a_url(string target)
    {
        var found = HugoRef.Lookup(target, "job-families/orchard/senior.md", Pages);

        Assert.Equal(HugoRefOutcome.NotInInput, found.Outcome);
        Assert.Null(found.Url);
    }

    [Theory]
    [InlineData("/handbook/hiring/interviewing#first-call", "/handbook/hiring/interviewing/#first-call")]
    [InlineData("hiring/interviewing", "/job-families/orchard/hiring/interviewing/")]
    [InlineData("../greenhouse/planter", "/job-families/greenhouse/planter/")]
    [InlineData("./planter", "/job-families/orchard/planter/")]
    [InlineData("orchard/senior.md", "/job-families/orchard/orchard/senior/")]
    public void Given_a_path_with_folders_to_no_page_When_looked_up_Then_its_url_is_kept_for_the_link_check(string target, string url)
    {
        var found = HugoRef.Lookup(target, "job-families/orchard/senior.md", Pages);

        Assert.Equal(HugoRefOutcome.Unchecked, found.Outcome);
        Assert.Equal(url, found.Url);
    }

    [Fact]
    public void Given_a_path_above_the_input_When_looked_up_Then_invalid() =>
        Assert.Equal(HugoRefOutcome.Invalid, HugoRef.Lookup("../../../x", "job-families/orchard/senior.md", Pages).Outcome);
}
