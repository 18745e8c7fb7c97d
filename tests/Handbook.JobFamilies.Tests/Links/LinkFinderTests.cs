namespace Handbook.JobFamilies.Tests.Links;

using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

public class LinkFinderTests
{
    private static List<string> Find(string markdown)
    {
        var family = new JobFamilyParser().Parse("job-families/sales/page.md", "---\ntitle: Page\n---\n" + markdown, new List<Diagnostic>());
        return LinkFinder.Find(family).Select(l => $"{l.Origin} {l.Url} @{family.Locate(l.Line, l.Column).Line}:{family.Locate(l.Line, l.Column).Column}").ToList();
    }

    [Fact]
    public void Given_inline_links_images_and_autolinks_When_found_Then_each_is_listed_at_its_line_and_column()
    {
        var links = Find("""
            See [the ladder](/job-families/sales/) and ![chart](chart.png).
            Also <https://example.com/x> and https://example.org/bare.
            """);

        Assert.Equal(
            [
                "Markdown /job-families/sales/ @4:5",
                "Image chart.png @4:44",
                "Autolink https://example.com/x @5:6",
                "Markdown https://example.org/bare @5:34",
            ],
            links);
    }

    [Fact]
    public void Given_a_reference_used_twice_When_found_Then_only_the_definition_is_listed()
    {
        var links = Find("""
            Read [one][ladder] and [two][ladder] and [ladder].

            [ladder]: /job-families/sales/#levels
            """);

        Assert.Equal(["Reference /job-families/sales/#levels @6:1"], links);
    }

    [Fact]
    public void Given_links_in_embedded_html_and_a_mermaid_diagram_When_found_Then_both_are_listed()
    {
        var links = Find("""
            <a name="top-anchor"></a>
            <p>Go <a href="/job-families/x/">there</a></p>

            ```mermaid
            graph LR
              a --> b
              click a "/job-families/sales/a/"
              %% click b "/job-families/sales/commented/"
            ```
            """);

        Assert.Equal(["Html /job-families/x/ @5:1", "Mermaid /job-families/sales/a/ @10:12"], links);
    }

    [Fact]
    public void Given_a_mail_autolink_and_an_empty_link_When_found_Then_neither_is_listed()
    {
        Assert.Empty(Find("Write to <jobs@example.com> or [nowhere]()."));
    }
}
