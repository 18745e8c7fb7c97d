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
}
