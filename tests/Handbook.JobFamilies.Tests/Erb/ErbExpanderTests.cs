namespace Handbook.JobFamilies.Tests.Erb;

using Handbook.JobFamilies.Erb;
using Handbook.Pipeline.Diagnostics;

public sealed class ErbExpanderTests
{
    private const string Page = "job-families/widgets/index.html.md.erb";

    private readonly InMemoryErbEnvironment _env = new();
    private readonly List<Diagnostic> _diags = [];

    private ErbResult Expand(string body, string page = Page, int firstLine = 1) =>
        ErbExpander.Expand(page, body, _env, _diags, firstLine);

    [Theory]
    [InlineData("job-families/sales/account-executive/index.html.md.erb", "job-families/sales/account-executive")]
    [InlineData("job-families/sales/index.html.md.erb", "account-executive/index.html.md")]
    [InlineData("job-families/sales/index.html.md.erb", "job-families/engineering/backend-engineer.md")]
    [InlineData("job-families/sales/index.html.md.erb", "engineering/_performance")]
    [InlineData("job-families/sales/index.html.md.erb", "index")]
    [InlineData("job-families/sales/index.html.md.erb", "_index.md")]
    public void Given_a_partial_reference_naming_a_page_When_resolved_Then_no_candidate_is_a_page(string including, string reference)
    {
        // One-shot builds empty a page's text as soon as its front matter is read (ReadFrontMatter): that is exact only
        // because a partial is always a file named _name, which is never a page (Hugo's _index.md is a page, so it is
        // never a candidate).
        var candidates = ErbExpander.PartialCandidates(including, reference);

        Assert.NotNull(candidates);
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.StartsWith("_", c[(c.LastIndexOf('/') + 1)..], StringComparison.Ordinal));
        Assert.All(candidates, c => Assert.False(Handbook.JobFamilies.Parsing.FamilyPath.TryParse(c, out _), c));
    }

    [Fact]
    public void Job_families_lists_the_folder_sorted_by_title_ignoring_case()
    {
        _env.Families["widgets"] =
        [
            new FamilyLink("Widget Tester", "/job-families/widgets/widget-tester/"),
            new FamilyLink("assembly lead", "/job-families/widgets/assembly-lead/"),
            new FamilyLink("Buyer [EMEA]", "/job-families/widgets/buyer/"),
        ];

        var result = Expand("## Roles\n\n<%= job_families('widgets') %>\n\nMore.\n");

        Assert.Empty(_diags);
        Assert.Equal(
            "## Roles\n\n- [assembly lead](/job-families/widgets/assembly-lead/)\n- [Buyer \\[EMEA\\]](/job-families/widgets/buyer/)\n- [Widget Tester](/job-families/widgets/widget-tester/)\n\nMore.\n",
            result.Text);
    }

    [Fact]
    public void Job_families_accepts_double_quotes_and_nested_folders()
    {
        _env.Families["widgets/small"] = [new FamilyLink("Tiny", "/job-families/widgets/small/tiny/")];

        var result = Expand("<%= job_families(\"widgets/small\") %>");

        Assert.Empty(_diags);
        Assert.Equal("- [Tiny](/job-families/widgets/small/tiny/)", result.Text);
    }

    [Fact]
    public void Job_families_of_an_empty_folder_warns_and_prints_nothing()
    {
        var result = Expand("a\n<%= job_families('nothing-here') %>\n");

        var d = Assert.Single(_diags);
        Assert.Equal((ErbCodes.NoFamilies, Severity.Warning, 2, 1), (d.Code, d.Severity, d.Location.Line, d.Location.Column));
        Assert.Equal("a\n\n", result.Text);
    }

    [Theory]
    [InlineData("<%= partial(\"job-families/widgets/kpis\", :locals => { :roleName => \"Gear Cutter\" }) %>")]
    [InlineData("<%= partial('job-families/widgets/kpis', locals: { roleName: 'Gear Cutter' }) %>")]
    [InlineData("<%= partial \"job-families/widgets/kpis\", :locals => { \"roleName\" => \"Gear Cutter\" } %>")]
    [InlineData("<%= partial(\"kpis\", locals: { roleName: \"Gear Cutter\", }) %>")]
    public void Partial_with_locals_substitutes_them_in_every_call_style(string call)
    {
        _env.Files["job-families/widgets/_kpis.erb"] = "## KPIs\n\nThe <%= roleName %> owns the numbers.\n";

        var result = Expand($"Intro\n\n{call}\n\nEnd\n");

        Assert.Empty(_diags);
        Assert.Equal("Intro\n\n## KPIs\n\nThe Gear Cutter owns the numbers.\n\n\nEnd\n", result.Text);
    }

    [Fact]
    public void Partial_without_locals_in_command_form_is_included()
    {
        _env.Files["includes/_footer.md"] = "Thanks for reading.";

        var result = Expand("Text\n<%= partial 'footer' %>\n");

        Assert.Empty(_diags);
        Assert.Equal("Text\nThanks for reading.\n", result.Text);
    }

    [Fact]
    public void Partial_is_looked_for_beside_the_page_before_the_root_and_includes()
    {
        _env.Files["job-families/widgets/_note.html.md.erb"] = "beside";
        _env.Files["_note.md"] = "root";
        _env.Files["includes/_note.md"] = "includes";

        Assert.Equal("beside", Expand("<%= partial('note') %>").Text);
        _env.Files.Remove("job-families/widgets/_note.html.md.erb");
        Assert.Equal("root", Expand("<%= partial('note') %>").Text);
        _env.Files.Remove("_note.md");
        Assert.Equal("includes", Expand("<%= partial('note') %>").Text);
        Assert.Empty(_diags);
    }

    [Fact]
    public void Partials_may_include_partials_and_pass_their_own_locals_on()
    {
        _env.Files["_outer.erb"] = "Outer <%= who %>\n<%= partial('inner', locals: { name: who }) %>";
        _env.Files["_inner.erb"] = "Inner <%= name %>";

        var result = Expand("<%= partial('outer', locals: { who: 'Ada' }) %>\n");

        Assert.Empty(_diags);
        Assert.Equal("Outer Ada\nInner Ada\n", result.Text);
    }

    [Fact]
    public void Missing_local_is_an_error_naming_it_and_the_locals_given_at_the_partial_line()
    {
        _env.Files["_kpis.erb"] = "Title\n\nThe <%= roleName %> and <%= team %>.\n";

        var result = Expand("x\n<%= partial('kpis', locals: { roleName: 'Fitter' }) %>\n");

        var d = Assert.Single(_diags);
        Assert.Equal(ErbCodes.MissingLocal, d.Code);
        Assert.Equal(new SourceLocation("_kpis.erb", 3, 25), d.Location);
        Assert.Contains("`team`", d.Message, StringComparison.Ordinal);
        Assert.Contains("locals given: roleName", d.Message, StringComparison.Ordinal);
        Assert.Equal("x\nTitle\n\nThe Fitter and .\n\n", result.Text);
    }

    [Fact]
    public void Unsupported_output_tag_is_an_error_at_its_position_and_is_removed()
    {
        var result = Expand("# Head\n\nSee <%= link_to \"x\", \"/y\" %> now.\n", firstLine: 5);

        var d = Assert.Single(_diags);
        Assert.Equal((ErbCodes.Unsupported, Severity.Error), (d.Code, d.Severity));
        Assert.Equal(new SourceLocation(Page, 7, 5), d.Location);
        Assert.Contains("unsupported ERB: `<%= link_to \"x\", \"/y\" %>`", d.Message, StringComparison.Ordinal);
        Assert.Equal("# Head\n\nSee  now.\n", result.Text);
    }

    [Theory]
    [InlineData("<% if true %>")]
    [InlineData("<%- items.each do |i| -%>")]
    [InlineData("<%= current_page.data.title %>")]
    [InlineData("<%= \"a#{b}\" %>")]
    [InlineData("<%= partial('x', layout: 'y') %>")]
    [InlineData("<%= roleName %>")]
    public void Constructs_outside_the_subset_are_ERB001_and_print_nothing(string tag)
    {
        var result = Expand($"A {tag} B");

        var d = Assert.Single(_diags);
        Assert.Equal(ErbCodes.Unsupported, d.Code);
        Assert.Equal(new SourceLocation(Page, 1, 3), d.Location);
        Assert.Equal("A  B", result.Text);
    }

    [Fact]
    public void Comments_print_nothing_and_the_percent_escape_prints_an_opening_tag()
    {
        var result = Expand("a<%# a note %>b <%% c");

        Assert.Empty(_diags);
        Assert.Equal("ab <% c", result.Text);
    }

    [Fact]
    public void Trim_mode_close_swallows_the_newline()
    {
        _env.Files["_p.md"] = "P";

        var result = Expand("<%= partial('p') -%>\nnext");

        Assert.Empty(_diags);
        Assert.Equal("Pnext", result.Text);
    }

    [Fact]
    public void Unterminated_tag_is_an_error_and_the_text_stays()
    {
        var result = Expand("a\nb <%= job_families('x')\nc");

        var d = Assert.Single(_diags);
        Assert.Equal((ErbCodes.Unterminated, 2, 3), (d.Code, d.Location.Line, d.Location.Column));
        Assert.Equal("a\nb <%= job_families('x')\nc", result.Text);
    }

    [Theory]
    [InlineData("../secrets")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("C:\\\\x")]
    public void Partial_paths_leaving_the_input_folder_are_refused(string path)
    {
        var result = Expand($"x\n  <%= partial(\"{path}\") %>");

        var d = Assert.Single(_diags);
        Assert.Equal((ErbCodes.PathEscapes, Severity.Error, 2, 3), (d.Code, d.Severity, d.Location.Line, d.Location.Column));
        Assert.Empty(_env.Reads);
        Assert.Equal("x\n  ", result.Text);
    }

    [Fact]
    public void Job_families_folder_leaving_the_input_is_refused()
    {
        Expand("<%= job_families('../x') %>");

        Assert.Equal(ErbCodes.PathEscapes, Assert.Single(_diags).Code);
    }

    [Fact]
    public void Missing_partial_is_an_error_listing_where_it_looked()
    {
        Expand("\n  <%= partial('ghost') %>");

        var d = Assert.Single(_diags);
        Assert.Equal(ErbCodes.PartialNotFound, d.Code);
        Assert.Equal(new SourceLocation(Page, 2, 3), d.Location);
        Assert.Equal("looked for job-families/widgets/_ghost.erb, _ghost.erb, includes/_ghost.erb (each also as .md, .html.md.erb, …)", d.Hint);
    }

    [Fact]
    public void Self_inclusion_through_another_partial_is_an_error_naming_the_chain()
    {
        _env.Files["_a.erb"] = "A <%= partial('b') %>";
        _env.Files["_b.erb"] = "B <%= partial('a') %>";

        var result = Expand("<%= partial('a') %>");

        var d = Assert.Single(_diags);
        Assert.Equal(ErbCodes.Cycle, d.Code);
        Assert.Equal(new SourceLocation("_b.erb", 1, 3), d.Location);
        Assert.Contains($"{Page} → _a.erb → _b.erb → _a.erb", d.Message, StringComparison.Ordinal);
        Assert.Equal("A B ", result.Text);
    }

    [Fact]
    public void A_page_including_itself_is_a_cycle()
    {
        _env.Files["job-families/widgets/_self.md"] = "x <%= partial('job-families/widgets/self') %>";

        Expand("<%= partial('self') %>", page: "job-families/widgets/_self.md");

        Assert.Equal(ErbCodes.Cycle, Assert.Single(_diags).Code);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_stops_with_a_limit_diagnostic()
    {
        for (var i = 0; i < 15; i++)
        {
            _env.Files[$"_p{i}.md"] = $"{i} <%= partial('p{i + 1}') %>";
        }

        var result = Expand("<%= partial('p0') %>");

        var d = Assert.Single(_diags);
        Assert.Equal(ErbCodes.DepthLimit, d.Code);
        Assert.Equal(new SourceLocation("_p9.md", 1, 3), d.Location);
        Assert.Equal("0 1 2 3 4 5 6 7 8 9 ", result.Text);
    }

    [Fact]
    public void Source_map_points_lines_from_a_partial_at_the_partial()
    {
        _env.Files["_kpis.erb"] = "## KPIs\n\nThe <%= roleName %> counts.\n";

        var result = Expand("one\ntwo\n<%= partial('kpis', locals: { roleName: 'R' }) %>\nsix\n", firstLine: 4);

        // parsed lines: 1 one, 2 two, 3 ## KPIs, 4 blank, 5 The R counts., 6 (rest of the call line), 7 six
        Assert.Equal(new SourceLocation(Page, 4, 1), result.Map.Locate(0, 0));
        Assert.Equal(new SourceLocation(Page, 5, 1), result.Map.Locate(1, 0));
        Assert.Equal(new SourceLocation("_kpis.erb", 1, 1), result.Map.Locate(2, 0));
        Assert.Equal(new SourceLocation("_kpis.erb", 3, 5), result.Map.Locate(4, 4));
        Assert.Equal(new SourceLocation(Page, 7, 1), result.Map.Locate(6, 0));
    }

    [Fact]
    public void Erb_in_a_page_that_is_not_erb_is_a_warning_with_a_rename_hint()
    {
        var diags = new List<Diagnostic>();

        ErbScanner.ReportInNonErbPage("job-families/a.md", "x\n  <%= job_families('a') %>\n<%% ok", diags, firstLine: 3);

        var d = Assert.Single(diags);
        Assert.Equal((ErbCodes.NotAnErbPage, Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(new SourceLocation("job-families/a.md", 4, 3), d.Location);
        Assert.Contains(".html.md.erb", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Erb_left_in_a_page_that_is_not_erb_renders_as_visible_text()
    {
        var pipeline = Handbook.JobFamilies.Parsing.JobFamilyMarkdown.CreatePipeline();

        var html = Handbook.JobFamilies.Sanitizing.ContentSanitizer.Sanitize(Markdig.Markdown.ToHtml("Roles: <%= job_families('a') %>\n", pipeline));

        Assert.Equal("<p>Roles: &lt;%= job_families('a') %&gt;</p>\n", html);
    }

    [Fact]
    public void Scanner_reports_kind_and_position_of_each_tag()
    {
        var tags = ErbScanner.FindTags("a <%= x %>\n<% y %> <%# z %>\n<%- w -%>");

        Assert.Equal(
            [(ErbTagKind.Output, 1, 3, "x"), (ErbTagKind.Code, 2, 1, "y"), (ErbTagKind.Comment, 2, 9, "z"), (ErbTagKind.Code, 3, 1, "w")],
            tags.Select(t => (t.Kind, t.Line, t.Column, t.Code)).ToArray());
    }
}
