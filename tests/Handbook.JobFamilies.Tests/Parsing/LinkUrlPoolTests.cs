namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Tests.Parsing.Oracles;
using Handbook.Pipeline.Diagnostics;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Pages parsed by one <see cref="JobFamilyParser"/> share one string per distinct link address (<see cref="LinkUrlPool"/>,
/// issue 9), and every link keeps the address Markdig read.
/// </summary>
public sealed class LinkUrlPoolTests
{
    private static readonly MarkdownPipeline SitePipeline = JobFamiliesPlugin.CreatePipeline(new JobFamiliesOptions());

    [Fact]
    public void Given_two_pages_linking_to_the_same_address_When_parsed_by_one_parser_Then_their_links_share_one_string()
    {
        // Given
        var parser = new JobFamilyParser(SitePipeline);
        const string first = "---\ntitle: \"A\"\n---\n\n## Responsibilities\n\n- Live our [values](/handbook/values/)\n- Read the [handbook](/handbook/)\n";
        const string second = "---\ntitle: \"B\"\n---\n\nSee our [values](/handbook/values/) and [security](/handbook/security/).\n";

        // When
        var a = Links(parser.Parse("job-families/x/a.md", first, new List<Diagnostic>()).Body);
        var b = Links(parser.Parse("job-families/x/b.md", second, new List<Diagnostic>()).Body);

        // Then
        Assert.Equal(["/handbook/values/", "/handbook/"], a.Select(l => l.Url));
        Assert.Equal(["/handbook/values/", "/handbook/security/"], b.Select(l => l.Url));
        Assert.Same(a[0].Url, b[0].Url);
        Assert.NotSame(a[1].Url, b[1].Url);
    }

    [Fact]
    public void Given_the_sample_and_real_pages_When_parsed_by_one_parser_Then_every_link_keeps_the_address_Markdig_read()
    {
        var parser = new JobFamilyParser(SitePipeline);
        var links = 0;
        foreach (var (path, text) in OraclePages.All())
        {
            // Given: Markdig's own parse of the body the parser reads
            var body = FrontMatterReader.Read(path, text).Body;
            var expected = Links(Markdig.Markdown.Parse(body, SitePipeline)).Select(l => l.Url).ToList();

            // When
            var parsed = Links(parser.Parse(path, text, new List<Diagnostic>()).Body).Select(l => l.Url).ToList();

            // Then
            Assert.Equal(expected, parsed);
            links += parsed.Count;
        }

        Assert.True(links >= 50, $"only {links} links");
    }

    private static List<LinkInline> Links(MarkdownDocument document) => document.Descendants<LinkInline>().ToList();
}
