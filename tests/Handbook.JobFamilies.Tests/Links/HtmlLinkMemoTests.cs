namespace Handbook.JobFamilies.Tests.Links;

using CsCheck;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Model;

/// <summary>
/// Issue 9: the links of short raw-HTML fragments are remembered by the fragment's text instead of parsed again on
/// every page. Given any fragment, asked for once or many times, then the links are the ones a fresh parse finds.
/// </summary>
public class HtmlLinkMemoTests
{
    private static readonly Gen<string> Fragments = Gen.Select(
        Gen.OneOf("<a href=\"/x\">", "<A HREF='/y#z'>", "<img src=\"/i.png\">", "<img SRC=/j.png alt=x>", "<a name=\"n\">", "<a href=\"\">",
            "<a href=\"  \">", "</a>", "<br>", "<span class=\"role-grade\">", "</span>", "text", "src", "href=", "<!-- <a href=\"/c\"> -->",
            "<a href=\"/a\"><img src=\"/b\"></a>", "&amp;", "<script>var href='/s'</script>", "<a href=\"/q?a=1&amp;b=2\">"),
        Gen.Int[1, 8],
        (piece, count) => string.Concat(Enumerable.Repeat(piece, count)))
        .Array[1, 5]
        .Select(string.Concat);

    [Fact]
    public void Given_any_fragment_When_its_links_are_asked_for_twice_Then_both_answers_are_a_fresh_parse_s()
    {
        Fragments.Sample(html =>
        {
            var expected = LinkFinder.ParseHtmlLinkUrls(html);
            Assert.Equal(expected, LinkFinder.HtmlLinkUrls(html));
            Assert.Equal(expected, LinkFinder.HtmlLinkUrls(html));
        }, iter: 3_000);
    }

    [Fact]
    public void Given_a_grade_badge_and_a_long_fragment_When_asked_for_Then_the_links_are_found()
    {
        var badge = " <span class=\"role-grade\">" + GradeBadge.Html(new GradeAssignment("8", new Handbook.Pipeline.Diagnostics.SourceLocation("x.md", 1, 1)) { Title = "Senior", Url = "/handbook/grades/#grade-8" }) + "</span>";
        var expected = LinkFinder.ParseHtmlLinkUrls(badge);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, LinkFinder.HtmlLinkUrls(badge));

        var longFragment = string.Concat(Enumerable.Range(0, 100).Select(i => $"<a href=\"/page-{i}\">{i}</a>"));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"/page-{i}"), LinkFinder.HtmlLinkUrls(longFragment));
    }
}
