namespace Handbook.JobFamilies.Tests.Stages;

using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;

/// <summary>
/// <see cref="ParkedMarkdown"/>: a page's body kept compressed comes back as the very characters, and every way of
/// reading or replacing it keeps the rule that a parked page's <see cref="JobFamilyKeys.MarkdownBody"/> is empty.
/// </summary>
public sealed class ParkedMarkdownTests
{
    public static TheoryData<string> Bodies => new()
    {
        string.Empty,
        "\n\n## Responsibilities\n\n* Count widgets\r\n* Ünïcödé – “quotes” 🎉\n",
        "lone \ud800 surrogate and \udc00 another",
        "NUL \0 inside",
        string.Concat(Enumerable.Repeat("* The same bullet again\n", 2000)),
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Given_a_page_When_its_body_is_parked_Then_the_body_is_empty_and_the_parked_text_is_the_body(string body)
    {
        // Given a page with a body
        var page = Document.FromSource("job-families/a.md", string.Empty).With(JobFamilyKeys.MarkdownBody, body);

        // When parked
        var parked = ParkedMarkdown.Park(page);

        // Then its body is empty and the parked text gives the body back exactly
        Assert.Equal(string.Empty, parked.Get(JobFamilyKeys.MarkdownBody));
        Assert.True(ParkedMarkdown.TryGetText(parked, out var text));
        Assert.Equal(body, text);
        Assert.NotNull(ParkedMarkdown.Of(parked));
    }

    [Fact]
    public void Given_a_page_read_as_a_string_When_its_text_is_read_Then_it_is_its_body()
    {
        // Given a page whose body is a string, and a document without a body
        var page = Document.FromSource("job-families/a.md", string.Empty).With(JobFamilyKeys.MarkdownBody, "Body\n");
        var data = Document.FromSource("data/a.yml", "a: 1\n");

        // When read / parked
        // Then the string is the text; a document without a body has none and parking leaves it as it is
        Assert.True(ParkedMarkdown.TryGetText(page, out var text));
        Assert.Equal("Body\n", text);
        Assert.Null(ParkedMarkdown.Of(page));
        Assert.False(ParkedMarkdown.TryGetText(data, out _));
        Assert.Same(data, ParkedMarkdown.Park(data));
    }

    [Fact]
    public void Given_a_parked_page_When_its_body_is_replaced_Then_it_stays_parked_and_a_page_read_as_a_string_stays_a_string()
    {
        // Given a parked page and a page whose body is a string
        var parked = ParkedMarkdown.Park(Document.FromSource("job-families/a.md.erb", string.Empty).With(JobFamilyKeys.MarkdownBody, "<%= 1 %>"));
        var plain = Document.FromSource("job-families/b.md.erb", string.Empty).With(JobFamilyKeys.MarkdownBody, "<%= 1 %>");

        // When each gets a new body (as ExpandErb gives an expanded page)
        var parkedAgain = ParkedMarkdown.WithText(parked, "1");
        var plainAgain = ParkedMarkdown.WithText(plain, "1");

        // Then the parked one is parked with the new text, the other has it as its string body
        Assert.Equal(string.Empty, parkedAgain.Get(JobFamilyKeys.MarkdownBody));
        Assert.True(ParkedMarkdown.TryGetText(parkedAgain, out var text));
        Assert.Equal("1", text);
        Assert.Equal("1", plainAgain.Get(JobFamilyKeys.MarkdownBody));
        Assert.Null(ParkedMarkdown.Of(plainAgain));
    }

    [Fact]
    public void Given_a_parked_page_When_unparked_Then_its_body_is_the_string_and_nothing_is_parked()
    {
        // Given a parked page
        var parked = ParkedMarkdown.Park(Document.FromSource("job-families/a.md", string.Empty).With(JobFamilyKeys.MarkdownBody, "Body\n"));
        Assert.True(ParkedMarkdown.TryGetText(parked, out var body));

        // When unparked with its text
        var unparked = ParkedMarkdown.Unparked(parked, body);

        // Then the body is the string and no parked text is left
        Assert.Equal("Body\n", unparked.Get(JobFamilyKeys.MarkdownBody));
        Assert.Null(ParkedMarkdown.Of(unparked));
    }

    [Fact]
    public void Given_a_page_file_When_split_as_read_with_parking_Then_front_matter_and_diagnostics_are_as_without_and_the_body_is_parked()
    {
        // Given a page file with front matter
        var file = Document.FromSource("job-families/sales/analyst.md", "---\ntitle: Analyst\n---\n\n## Responsibilities\n\n* Count\n");

        // When split as it is read, parking its body and not
        var (plainBag, parkedBag) = (new DiagnosticBag(), new DiagnosticBag());
        var plain = new SplitFrontMatterWhenRead().Prepare(file, plainBag);
        var parked = new SplitFrontMatterWhenRead(parksBody: true).Prepare(file, parkedBag);

        // Then the same front matter and diagnostics, the body parked with the same text, and the file's text emptied
        Assert.Equal(plain.Get(JobFamilyKeys.FrontMatter).Title, parked.Get(JobFamilyKeys.FrontMatter).Title);
        Assert.Equal(plainBag.Sorted(), parkedBag.Sorted());
        Assert.Null(ParkedMarkdown.Of(plain));
        Assert.Equal(string.Empty, parked.Get(JobFamilyKeys.MarkdownBody));
        Assert.True(ParkedMarkdown.TryGetText(parked, out var text));
        Assert.Equal(plain.Get(JobFamilyKeys.MarkdownBody), text);
        Assert.Empty(parked.Content);
    }

    [Theory]
    [InlineData("Text <%= 1 %> here", true)]
    [InlineData("Text <% here", true)]
    [InlineData("Text < % here, and %> alone", false)]
    [InlineData("", false)]
    public void Given_a_parked_body_When_asked_whether_it_has_an_erb_opening_Then_it_answers_as_the_body_does(string body, bool expected)
    {
        // Given a parked body
        var parked = ParkedMarkdown.Of(body);

        // When asked about an ERB opening
        // Then the answer is the body's
        Assert.Equal(expected, parked.HasErbOpening);
        Assert.Equal(body.Contains("<%", StringComparison.Ordinal), parked.HasErbOpening);
    }
}
