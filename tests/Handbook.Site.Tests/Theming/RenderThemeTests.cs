namespace Handbook.Site.Tests.Theming;

using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Handbook.JobFamilies.Model;
using Handbook.Site.Building;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;
using static Handbook.Site.Tests.Support.Families;

public class RenderThemeTests
{
    private static readonly HtmlParser Parser = new();

    private static IReadOnlyList<Pipeline.Documents.Document> Render(string? baseUrl, params Pipeline.Documents.Document[] pages) =>
        Stages.Run(new RenderTheme(TestTheme.Instance, new SiteSettings { BaseUrl = baseUrl }), pages);

    private static IDocument Html(IReadOnlyList<Pipeline.Documents.Document> output, string destination) =>
        Parser.ParseDocument(output.Output(destination).Content);

    [Fact]
    public void Family_page_has_title_description_landmarks_and_pretty_url()
    {
        var family = Family("sales/solutions-architect", "Solutions Architect", "Helps customers succeed.");

        var output = Render(null, Page(family, "<h2 id=\"levels\">Levels</h2>"));

        var html = Html(output, "job-families/sales/solutions-architect/index.html");
        Assert.Equal("Solutions Architect", html.QuerySelector("main h1")!.TextContent);
        Assert.Equal("Solutions Architect | Job families", html.Title);
        Assert.Equal("Helps customers succeed.", html.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("/job-families/sales/solutions-architect/", html.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.NotNull(html.QuerySelector("header"));
        Assert.NotNull(html.QuerySelector("nav[aria-label=Breadcrumb]"));
        Assert.NotNull(html.QuerySelector("footer"));
        Assert.Equal("#main", html.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(html.QuerySelector(".page-body h2#levels"));
    }

    [Fact]
    public void Front_matter_text_is_escaped_but_the_body_html_is_not()
    {
        var family = Family("sales/x", "A <script>alert(1)</script> & B", "\"quoted\" <b>desc</b>");

        var output = Render(null, Page(family, "<p><em>kept</em></p>"));

        var raw = output.Output("job-families/sales/x/index.html").Content;
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>desc</b>", raw, StringComparison.Ordinal);
        var html = Parser.ParseDocument(raw);
        Assert.Equal("A <script>alert(1)</script> & B", html.QuerySelector("h1")!.TextContent);
        Assert.Equal("\"quoted\" <b>desc</b>", html.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.NotNull(html.QuerySelector(".page-body em"));
    }

    [Fact]
    public void Levels_get_a_table_of_contents_and_an_at_a_glance_table_with_grades()
    {
        var family = Family("engineering/backend-engineer", "Backend Engineer");
        family.Levels.Add(Level("Backend Engineer", "backend-engineer", "6", "Intermediate"));
        family.Levels.Add(Level("Senior Backend Engineer", "senior-backend-engineer", "7", "Senior"));
        family.Levels.Add(Level("Staff Backend Engineer", "staff-backend-engineer"));
        family.Sections.Add(Section(SectionKind.Levels, "Levels"));

        var html = Html(Render(null, Page(family)), "job-families/engineering/backend-engineer/index.html");

        // The levels are not under the "Levels" heading in this in-memory model, so the TOC lists them after it.
        var tocLinks = html.QuerySelectorAll("nav.toc ul a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [("Levels at a glance", "#glance-title"), ("Levels", "#levels"), ("Backend Engineer", "#backend-engineer"), ("Senior Backend Engineer", "#senior-backend-engineer"), ("Staff Backend Engineer", "#staff-backend-engineer")],
            tocLinks);

        var rows = html.QuerySelectorAll(".levels-at-a-glance tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim())))
            .ToList();
        Assert.Equal(["Backend Engineer | Grade 6 | Intermediate", "Senior Backend Engineer | Grade 7 | Senior", "Staff Backend Engineer | – | –"], rows);
        Assert.Equal(
            "/handbook/total-rewards/compensation/compensation-calculator/#grade-7",
            html.QuerySelectorAll(".levels-at-a-glance a.grade-badge")[1].GetAttribute("href"));
    }

    [Fact]
    public void Unresolved_grade_is_shown_without_a_link()
    {
        var family = Family("marketing/pmm", "Product Marketing Manager");
        family.Levels.Add(Level("Manager", "manager", "9.5"));

        var html = Html(Render(null, Page(family)), "job-families/marketing/pmm/index.html");

        var badge = html.QuerySelector(".levels-at-a-glance .grade-badge")!;
        Assert.Equal("span", badge.LocalName);
        Assert.Equal("Grade 9.5", badge.TextContent);
    }

    [Fact]
    public void Canonical_path_from_front_matter_wins_and_the_page_leaves_the_sitemap()
    {
        var duplicate = Family("engineering/development/backend", "Backend Engineer", canonicalPath: "/job-families/engineering/backend-engineer/");

        var output = Render("https://handbook.example.com", Page(duplicate));

        var page = output.Output("job-families/engineering/development/backend/index.html");
        Assert.Equal(
            "https://handbook.example.com/job-families/engineering/backend-engineer/",
            Parser.ParseDocument(page.Content).QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.False(page.Metadata.Contains(SiteKeys.SitemapUrl));
    }

    [Fact]
    public void Breadcrumbs_go_through_department_and_existing_folder_pages()
    {
        var folder = Family("engineering/development/backend", "Backend Engineering", isIndex: true);
        var senior = Family("engineering/development/backend/senior", "Senior Backend Engineer");

        var html = Html(Render(null, Page(folder), Page(senior)), "job-families/engineering/development/backend/senior/index.html");

        var crumbs = html.QuerySelectorAll("nav.breadcrumbs li").Select(li => (li.TextContent.Trim(), li.QuerySelector("a")?.GetAttribute("href"))).ToList();
        Assert.Equal(
            [
                ("Job families", "/job-families/"),
                ("Engineering", "/job-families/engineering/"),
                ("Backend Engineering", "/job-families/engineering/development/backend/"),
                ("Senior Backend Engineer", null),
            ],
            crumbs);
        Assert.Equal("page", html.QuerySelector("nav.breadcrumbs [aria-current]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public void Department_without_index_page_gets_a_generated_page_listing_its_families_by_title()
    {
        var output = Render(
            null,
            Page(Family("sales/zeta-role", "Zeta Role", "Last one.")),
            Page(Family("sales/alpha-role", "Alpha Role")),
            Page(Family("finance/tax", "Tax")));

        var html = Html(output, "job-families/sales/index.html");

        Assert.Equal("Sales", html.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Alpha Role", "Zeta Role"], html.QuerySelectorAll(".family-list > li > a").Select(a => a.TextContent));
        Assert.Equal("Last one.", html.QuerySelector(".family-list li:last-child p")!.TextContent);
        Assert.Equal("Job families (2)", html.QuerySelector("#families-title")!.TextContent);
    }

    [Fact]
    public void Department_index_page_shows_its_own_content_above_its_families()
    {
        var index = Family("chief-executive-officer", "Chief Executive Officer", "The CEO's office.", isIndex: true);
        var family = Family("chief-executive-officer/chief-of-staff", "Chief of Staff");

        var output = Render(null, Page(index, "<p class=\"own\">About the office.</p>"), Page(family));

        var html = Html(output, "job-families/chief-executive-officer/index.html");
        Assert.Equal("Chief Executive Officer", html.QuerySelector("h1")!.TextContent);
        Assert.NotNull(html.QuerySelector(".page-body p.own"));
        Assert.Equal(["Chief of Staff"], html.QuerySelectorAll(".family-list a").Select(a => a.TextContent));
        Assert.Single(output, d => d.Destination == "job-families/chief-executive-officer/index.html");
    }

    [Fact]
    public void Department_page_whose_content_lists_its_families_does_not_list_them_again()
    {
        var index = Family("engineering", "Engineering", isIndex: true);
        var listing = Page(index, "<ul><li>Backend Engineer</li></ul>").With(Handbook.JobFamilies.JobFamilyKeys.ListedFolders, (IReadOnlyList<string>)["engineering"]);

        var output = Render(null, listing, Page(Family("engineering/backend-engineer", "Backend Engineer")));

        var html = Html(output, "job-families/engineering/index.html");
        Assert.Null(html.QuerySelector(".department-families"));
        Assert.Single(html.QuerySelectorAll(".page-body li"));
    }

    [Fact]
    public void Section_index_groups_families_by_department_with_counts()
    {
        var output = Render(
            null,
            Page(Family("sales/a", "Account Executive")),
            Page(Family("sales/b", "Business Development")),
            Page(Family("finance/tax", "Tax Manager")),
            Page(Family("finance", "Finance", isIndex: true)));

        var html = Html(output, "job-families/index.html");

        var groups = html.QuerySelectorAll("section.department-group")
            .Select(s => (s.QuerySelector("h2 a")!.TextContent, s.QuerySelector("h2 .count")!.TextContent, s.QuerySelectorAll("li").Length))
            .ToList();
        Assert.Equal([("Finance", "(1 family)", 1), ("Sales", "(2 families)", 2)], groups);
        Assert.Contains("3 job families in 2 departments", html.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_found_page_is_written_at_the_root_and_kept_out_of_the_sitemap()
    {
        var output = Render(null);

        var page = output.Output("404.html");
        Assert.Equal("Page not found", Parser.ParseDocument(page.Content).QuerySelector("h1")!.TextContent);
        Assert.False(page.Metadata.Contains(SiteKeys.SitemapUrl));
    }

    [Fact]
    public void Non_ascii_and_space_in_slug_are_percent_encoded_in_links_but_not_in_the_file_path()
    {
        var family = Family("sales/ingénieur commercial", "Ingénieur commercial");

        var output = Render(null, Page(family));

        var department = Html(output, "job-families/sales/index.html");
        Assert.Equal("/job-families/sales/ing%C3%A9nieur%20commercial/", department.QuerySelector(".family-list a")!.GetAttribute("href"));
        Assert.Equal("Ingénieur commercial", Html(output, "job-families/sales/ingénieur commercial/index.html").QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Rendering_twice_gives_identical_output()
    {
        Pipeline.Documents.Document[] pages = [Page(Family("sales/a", "A")), Page(Family("finance/b", "B")), Page(Family("sales/c", "C"))];

        var first = Render("https://x.example", pages).Select(d => (d.Destination, d.Content));
        var second = Render("https://x.example", pages.Reverse().ToArray()).Select(d => (d.Destination, d.Content));

        Assert.Equal(first.OrderBy(p => p.Destination, StringComparer.Ordinal), second.OrderBy(p => p.Destination, StringComparer.Ordinal));
    }
}
