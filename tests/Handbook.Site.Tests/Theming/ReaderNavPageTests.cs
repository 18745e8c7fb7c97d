namespace Handbook.Site.Tests.Theming;

using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Handbook.Site.Building;
using Handbook.Site.Navigation;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;
using static Handbook.Site.Tests.Support.Families;

/// <summary>The reader-nav parts of rendered pages: metadata, JSON-LD, edit links, pager, TOC landmarks.</summary>
public class ReaderNavPageTests
{
    private static readonly HtmlParser Parser = new();

    private static readonly EditLinks GitLab = new(new Uri("https://gitlab.com/northwind/handbook"), "main", "input");

    private static IReadOnlyList<Pipeline.Documents.Document> Render(SiteSettings settings, params Pipeline.Documents.Document[] pages) =>
        Stages.Run(new RenderTheme(TestTheme.Instance, settings), pages);

    private static IDocument Html(IReadOnlyList<Pipeline.Documents.Document> output, string destination) =>
        Parser.ParseDocument(output.Output(destination).Content);

    [Fact]
    public void Given_a_title_that_closes_a_script_element_When_the_page_renders_Then_the_json_ld_stays_one_script_and_reads_back_the_title()
    {
        const string Title = "Chief </script><script>alert(1)</script> Officer";
        var family = Family("executive/chief", Title, "Runs </script> things");

        var raw = Render(new SiteSettings(), Page(family)).Output("job-families/executive/chief/index.html").Content;

        var html = Parser.ParseDocument(raw);
        var jsonLd = Assert.Single(html.QuerySelectorAll("script[type='application/ld+json']"));
        var occupation = JsonDocument.Parse(jsonLd.TextContent).RootElement.GetProperty("@graph")[0];
        Assert.Equal(Title, occupation.GetProperty("name").GetString());
        Assert.Equal(Title, html.QuerySelector("h1")!.TextContent);
        Assert.Empty(html.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
    }

    [Fact]
    public void Given_a_base_url_When_a_family_renders_Then_open_graph_and_twitter_meta_come_from_the_front_matter()
    {
        var family = Family("finance/payroll", "Payroll Specialist", "Pays everyone on time.");

        var html = Html(Render(new SiteSettings { BaseUrl = "https://hb.example" }, Page(family)), "job-families/finance/payroll/index.html");

        string? Meta(string selector) => html.QuerySelector(selector)?.GetAttribute("content");
        Assert.Equal("Payroll Specialist | Job families", html.Title);
        Assert.Equal("Pays everyone on time.", Meta("meta[name=description]"));
        Assert.Equal("article", Meta("meta[property='og:type']"));
        Assert.Equal("Payroll Specialist", Meta("meta[property='og:title']"));
        Assert.Equal("Pays everyone on time.", Meta("meta[property='og:description']"));
        Assert.Equal("https://hb.example/job-families/finance/payroll/", Meta("meta[property='og:url']"));
        Assert.Equal("https://hb.example/job-families/finance/payroll/", html.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
        Assert.Equal("Pays everyone on time.", Meta("meta[name='twitter:description']"));
    }

    [Fact]
    public void Given_no_base_url_Then_og_url_is_left_out_rather_than_relative()
    {
        var html = Html(Render(new SiteSettings(), Page(Family("finance/payroll", "Payroll"))), "job-families/finance/payroll/index.html");

        Assert.Null(html.QuerySelector("meta[property='og:url']"));
        Assert.Equal("website", Html(Render(new SiteSettings()), "job-families/index.html").QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
    }

    [Fact]
    public void Given_edit_links_are_configured_Then_family_and_department_pages_link_their_source_in_the_web_editor()
    {
        var output = Render(
            new SiteSettings { EditLinks = GitLab },
            Page(Family("finance/payroll", "Payroll")),
            Page(Family("finance", "Finance", isIndex: true)));

        Assert.Equal(
            "https://gitlab.com/northwind/handbook/-/edit/main/input/job-families/finance/payroll.md",
            Html(output, "job-families/finance/payroll/index.html").QuerySelector("a.edit-link")!.GetAttribute("href"));
        Assert.Equal(
            "https://gitlab.com/northwind/handbook/-/edit/main/input/job-families/finance/index.html.md",
            Html(output, "job-families/finance/index.html").QuerySelector("a.edit-link")!.GetAttribute("href"));
    }

    [Fact]
    public void Given_no_repository_is_configured_Then_there_is_no_edit_link()
    {
        var html = Html(Render(new SiteSettings(), Page(Family("finance/payroll", "Payroll"))), "job-families/finance/payroll/index.html");

        Assert.Null(html.QuerySelector("a.edit-link"));
    }

    [Fact]
    public void Given_three_families_in_a_department_Then_the_middle_one_links_previous_and_next_in_a_labelled_nav()
    {
        var output = Render(
            new SiteSettings(),
            Page(Family("finance/a", "Accountant")),
            Page(Family("finance/b", "Bookkeeper")),
            Page(Family("finance/c", "Controller")));

        var pager = Html(output, "job-families/finance/b/index.html").QuerySelector("nav.family-pager")!;

        Assert.Equal("More job families in Finance", pager.GetAttribute("aria-label"));
        Assert.Equal("/job-families/finance/a/", pager.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/job-families/finance/c/", pager.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Null(Html(output, "job-families/finance/a/index.html").QuerySelector("nav.family-pager a[rel=prev]"));
    }

    [Fact]
    public void Family_page_landmarks_are_distinct_the_toc_nav_is_labelled_and_the_reader_script_is_loaded()
    {
        var family = Family("engineering/widget-engineer", "Widget Engineer");
        family.Levels.Add(Level("Widget Engineer", "widget-engineer", "6", "Intermediate"));

        var html = Html(Render(new SiteSettings(), Page(family)), "job-families/engineering/widget-engineer/index.html");

        var navLabels = html.QuerySelectorAll("nav").Select(n => n.GetAttribute("aria-label") ?? html.GetElementById(n.GetAttribute("aria-labelledby")!)!.TextContent).ToList();
        Assert.Equal(navLabels.Distinct().Count(), navLabels.Count);
        Assert.Contains("On this page", navLabels);
        Assert.Equal("Breadcrumb", navLabels[0]);
        Assert.Equal("page", html.QuerySelector("nav.breadcrumbs [aria-current]")!.GetAttribute("aria-current"));
        Assert.NotNull(html.QuerySelector("script[src='/assets/reader-nav.js'][defer]"));
        Assert.Single(html.QuerySelectorAll("main"));
    }

    [Fact]
    public void Given_grade_data_Then_the_glance_table_and_header_link_into_the_reverse_grade_index()
    {
        var family = Family("engineering/widget-engineer", "Widget Engineer");
        family.Levels.Add(Level("Widget Engineer", "widget-engineer", "6", "Intermediate"));
        var table = Handbook.JobFamilies.Grades.GradeTableReader.Read("data/job-grades.yml", "grades:\n  - id: 6\n    title: Intermediate\n", []);
        var grades = Pipeline.Documents.Document.FromSource("data/job-grades.yml", string.Empty).With(Handbook.JobFamilies.JobFamilyKeys.GradeTable, table);

        var html = Html(Render(new SiteSettings(), Page(family), grades), "job-families/engineering/widget-engineer/index.html");

        Assert.Equal("/job-families/grades/#grade-6", html.QuerySelector(".levels-at-a-glance td a[href^='/job-families/grades/']")!.GetAttribute("href"));
        Assert.Equal("/job-families/grades/", html.QuerySelector(".page-actions a")!.GetAttribute("href"));
    }
}
