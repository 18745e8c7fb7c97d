namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

public class BatchFamilyLookupTests
{
    private static readonly JobFamily Analyst = Parse("job-families/sales/widget-analyst.md");
    private static readonly JobFamily Manager = Parse("job-families/sales/widget-manager.md");

    private static readonly Dictionary<string, string> Site = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/job-families/sales/widget-analyst/"] = Analyst.SourcePath,
        ["/job-families/sales/widget-manager/"] = Manager.SourcePath,
    };

    [Fact]
    public void Given_a_link_to_a_family_of_the_batch_When_looked_up_Then_it_is_found_and_the_batch_is_exact()
    {
        var lookup = new BatchFamilyLookup([Analyst, Manager], Site);

        Assert.True(lookup.TryGet("https://about.gitlab.com/job-families/sales/widget-analyst#senior", out var found));
        Assert.Same(Analyst, found);
        Assert.False(lookup.TryGet("/job-families/sales/unknown/", out _));
        Assert.Null(lookup.LeftBatch);
    }

    [Fact]
    public void Given_a_link_to_a_family_of_the_site_outside_the_batch_When_looked_up_Then_it_is_not_found_and_the_batch_is_not_exact()
    {
        var lookup = new BatchFamilyLookup([Analyst], Site);

        Assert.False(lookup.TryGet("/job-families/sales/widget-manager/", out _));
        Assert.Equal("a link leads to a family outside the batch", lookup.LeftBatch);
    }

    [Fact]
    public void Given_a_batch_When_a_role_name_is_searched_on_every_page_Then_the_batch_is_not_exact()
    {
        IFamilyLookup lookup = new BatchFamilyLookup([Analyst, Manager], Site);

        lookup.NoteSearchOfOtherPages();

        Assert.Equal("a role name was searched on every page", ((BatchFamilyLookup)lookup).LeftBatch);
    }

    [Fact]
    public void Given_the_whole_sites_lookup_When_a_role_name_is_searched_on_every_page_Then_nothing_changes()
    {
        IFamilyLookup lookup = new FamilyLookup([Analyst, Manager]);

        lookup.NoteSearchOfOtherPages();

        Assert.True(lookup.TryGet("/job-families/sales/widget-manager/", out var found));
        Assert.Same(Manager, found);
    }

    private static JobFamily Parse(string path) =>
        new JobFamilyParser(ExtendsFixture.Pipeline).Parse(path, "### Widget Role\n\n#### Responsibilities\n\n* Work\n", new List<Diagnostic>());
}
