namespace Handbook.JobFamilies.Tests.Kramdown;

using Handbook.JobFamilies.Kramdown;
using Handbook.Pipeline.Diagnostics;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;

public sealed class KramdownTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Use(new KramdownExtension())
        .Build();

    private readonly List<Diagnostic> _diags = [];

    private string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        KramdownFindings.Report(document, (l, c) => SourceLocation.FromZeroBased("page.md", l, c), _diags);
        return document.ToHtml(Pipeline);
    }

    [Fact]
    public void Toc_list_becomes_a_nested_table_of_contents_without_no_toc_headings()
    {
        var html = Render(
            "## On this page\n{:.no_toc .hidden-md .hidden-lg}\n\n- TOC\n{:toc .hidden-md .hidden-lg}\n\n" +
            "## Alpha\n\n### Beta\n\n#### Hidden\n{:.no_toc}\n\n## Gamma\n");

        Assert.Empty(_diags);
        Assert.Contains("<h2 id=\"on-this-page\" class=\"no_toc hidden-md hidden-lg\">On this page</h2>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<ul id=\"markdown-toc\" class=\"hidden-md hidden-lg\">\n" +
            "<li><a href=\"#alpha\" id=\"markdown-toc-alpha\">Alpha</a>\n<ul>\n" +
            "<li><a href=\"#beta\" id=\"markdown-toc-beta\">Beta</a></li>\n</ul>\n</li>\n" +
            "<li><a href=\"#gamma\" id=\"markdown-toc-gamma\">Gamma</a></li>\n</ul>\n",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("TOC", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Toc_of_an_ordered_list_is_ordered_and_skips_levels_gracefully()
    {
        var html = Render("1. x\n{:toc}\n\n### Deep\n\n## Top\n");

        Assert.Empty(_diags);
        Assert.Contains("<ol id=\"markdown-toc\">\n<li><a href=\"#deep\" id=\"markdown-toc-deep\">Deep</a></li>\n<li><a href=\"#top\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribute_list_right_under_a_paragraph_line_styles_the_paragraph()
    {
        var html = Render("Some note\nthat continues.\n{: .alert .alert-info}\n\nNext.\n");

        Assert.Empty(_diags);
        Assert.Equal("<p class=\"alert alert-info\">Some note\nthat continues.</p>\n<p>Next.</p>\n", html);
    }

    [Fact]
    public void Attribute_list_before_a_block_applies_to_that_block()
    {
        var html = Render("Intro.\n\n{: #note title=\"Heads up\" lang=\"en\"}\n> quoted\n");

        Assert.Empty(_diags);
        Assert.Contains("<blockquote id=\"note\" title=\"Heads up\" lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_id_on_a_heading_wins_over_the_generated_one()
    {
        var html = Render("## Job Grade\n{: #grade}\n");

        Assert.Equal("<h2 id=\"grade\">Job Grade</h2>\n", html);
    }

    [Fact]
    public void Attribute_list_between_blank_lines_is_dropped_with_KD006()
    {
        var html = Render("Para.\n\n{: .lost}\n\nOther.\n");

        var d = Assert.Single(_diags);
        Assert.Equal((KramdownCodes.Unattached, Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(new SourceLocation("page.md", 3, 1), d.Location);
        Assert.Equal("<p>Para.</p>\n<p>Other.</p>\n", html);
    }

    [Fact]
    public void Attributes_outside_the_allowed_set_are_dropped_with_KD004()
    {
        var html = Render("Text\n{: .ok style=\"color:red\" onclick=\"alert(1)\" dir=\"rtl\"}\n");

        Assert.Equal(["`style`", "`onclick`"], _diags.Select(d => d.Message.Split(' ')[1]).ToArray());
        Assert.All(_diags, d => Assert.Equal((KramdownCodes.AttributeDropped, 2, 1), (d.Code, d.Location.Line, d.Location.Column)));
        Assert.Equal("<p class=\"ok\" dir=\"rtl\">Text</p>\n", html);
    }

    [Theory]
    [InlineData("{:toc .hidden-md")]
    [InlineData("{: .ok } trailing")]
    [InlineData("{:/comment}")]
    [InlineData("{: =broken}")]
    public void Garbled_attribute_lines_never_print_and_warn_KD001(string line)
    {
        var html = Render($"## Head\n\nText\n   {line}\n");

        var d = Assert.Single(_diags);
        Assert.Equal((KramdownCodes.Garbled, 4, 4), (d.Code, d.Location.Line, d.Location.Column));
        Assert.Equal("<h2 id=\"head\">Head</h2>\n<p>Text</p>\n", html);
    }

    [Fact]
    public void Span_attribute_list_applies_to_the_element_before_it()
    {
        var html = Render("A *word*{:.hl} and [link](/x){: title=\"go\"} and `code`{:#c}.\n");

        Assert.Empty(_diags);
        Assert.Equal("<p>A <em class=\"hl\">word</em> and <a href=\"/x\" title=\"go\">link</a> and <code id=\"c\">code</code>.</p>\n", html);
    }

    [Fact]
    public void Span_attribute_list_after_plain_text_is_dropped_with_KD006()
    {
        var html = Render("Line one\nplain{:.x} end\n");

        var d = Assert.Single(_diags);
        Assert.Equal((KramdownCodes.Unattached, 2, 6), (d.Code, d.Location.Line, d.Location.Column));
        Assert.Equal("<p>Line one\nplain end</p>\n", html);
    }

    [Fact]
    public void Attribute_list_definitions_can_be_referenced()
    {
        var html = Render("{:warn: .alert .alert-warning}\n\nCareful.\n{: warn #c}\n\nOops.\n{: nowhere}\n");

        var d = Assert.Single(_diags);
        Assert.Equal((KramdownCodes.UnknownReference, 7, 1), (d.Code, d.Location.Line, d.Location.Column));
        Assert.Equal("<p id=\"c\" class=\"alert alert-warning\">Careful.</p>\n<p>Oops.</p>\n", html);
    }

    [Fact]
    public void Toc_on_a_longer_list_is_KD005_and_the_list_stays()
    {
        var html = Render("- a\n- b\n{:toc}\n");

        Assert.Equal((KramdownCodes.TocMisplaced, 3, 1), (Assert.Single(_diags).Code, _diags[0].Location.Line, _diags[0].Location.Column));
        Assert.Contains("<li>b</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Comment_extension_prints_nothing_and_nomarkdown_passes_html_through()
    {
        var html = Render("{::comment}\nsecret *note*\n{:/comment}\nA\n\n{::nomarkdown}\n<b>raw *x*</b>\n{:/}\n\n{::comment}inline{:/comment}\n");

        Assert.Empty(_diags);
        Assert.Equal("<p>A</p>\n<b>raw *x*</b>\n", html);
    }

    [Fact]
    public void Options_unknown_and_unclosed_extensions_are_dropped_with_warnings()
    {
        var html = Render("{::options auto_ids=\"false\" /}\n{::foo}\n{::comment}\nstill here\n");

        Assert.Equal(
            [(KramdownCodes.OptionsIgnored, 1, 1), (KramdownCodes.UnknownExtension, 2, 1), (KramdownCodes.Unclosed, 3, 1)],
            _diags.Select(d => (d.Code, d.Location.Line, d.Location.Column)).ToArray());
        Assert.Equal("<p>still here</p>\n", html);
    }

    [Fact]
    public void Attribute_lines_are_removed_from_the_ast()
    {
        var document = Markdown.Parse("# T\n{:.x}\n\nP\n{:.y}\n", Pipeline);

        Assert.Empty(document.Descendants<KramdownAttributeBlock>());
        Assert.Equal([typeof(HeadingBlock), typeof(ParagraphBlock)], document.Select(b => b.GetType()).ToArray());
    }
}
