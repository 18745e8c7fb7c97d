namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;

public class PageRelativeLinksTests
{
    [Theory]
    [InlineData("#specialties", "/job-families/eng/backend/#specialties")]
    [InlineData("../senior/", "/job-families/eng/senior/")]
    [InlineData("senior/#staff", "/job-families/eng/backend/senior/#staff")]
    [InlineData("/handbook/values/", "/handbook/values/")]
    [InlineData("//cdn.example.com/a.png", "//cdn.example.com/a.png")]
    [InlineData("https://about.gitlab.com/jobs/#x", "https://about.gitlab.com/jobs/#x")]
    [InlineData("mailto:jobs@example.com", "mailto:jobs@example.com")]
    public void Given_a_link_written_on_a_page_When_rebased_Then_only_page_relative_ones_change(string url, string expected)
    {
        Assert.Equal(expected, PageRelativeLinks.Rebase(url, "/job-families/eng/backend/"));
    }

    [Fact]
    public void Given_a_bullet_with_an_anchor_link_When_another_page_inherits_it_Then_the_copy_links_the_anchor_on_the_source_page()
    {
        // Given a page whose requirements link one of its own headings, and another page extending them
        var f = ExtendsFixture.Run(
            ("job-families/eng/gear-engineer.md", """
                ---
                title: Gear Engineer
                ---

                ## Levels

                ### Gear Engineer

                #### Requirements

                * Knows the [primary language](#primary-language) of the team
                * Reads [the guide](../guide/) and [values](/handbook/values/)

                ## Primary language

                Go.
                """),
            ("job-families/eng/gear-manager.md", """
                ---
                title: Gear Manager
                ---

                ## Levels

                ### Gear Manager

                #### Requirements

                * Extends the [Gear Engineer](/job-families/eng/gear-engineer/#gear-engineer) requirements
                * Leads gear engineers
                """));

        // When the pages are rendered
        var manager = f.HtmlOf(f.Families[1]);
        var engineer = f.HtmlOf(f.Families[0]);

        // Then the copy's anchor and relative links point into the source page; the source keeps its own links
        Assert.Empty(f.Diagnostics);
        Assert.Contains("href=\"/job-families/eng/gear-engineer/#primary-language\"", manager, StringComparison.Ordinal);
        Assert.Contains("href=\"/job-families/eng/guide/\"", manager, StringComparison.Ordinal);
        Assert.Contains("href=\"/handbook/values/\"", manager, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#primary-language\"", manager, StringComparison.Ordinal);
        Assert.Contains("href=\"#primary-language\"", engineer, StringComparison.Ordinal);
        Assert.Equal(
            ["[Gear Engineer] Knows the primary language of the team", "[Gear Engineer] Reads the guide and values", "Leads gear engineers"],
            f.ItemTexts("Gear Manager", SectionKind.Requirements).Where(t => !t.StartsWith("Extends", StringComparison.Ordinal)));
    }
}
