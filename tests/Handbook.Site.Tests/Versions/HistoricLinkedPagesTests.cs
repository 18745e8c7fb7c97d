namespace Handbook.Site.Tests.Versions;

using System.Text;
using Handbook.Pipeline.Documents;
using Handbook.Site.Versions;

/// <summary>
/// Issue 9: a historic batch parses its linked pages (pages a version links to, there only for "extends") only when
/// a wanted page has an "extends" statement, and never skips them when the batch has ERB (<see cref="LinkedPages"/>).
/// Every version renders exactly as when the whole batch is parsed (the oracle).
/// </summary>
public sealed class HistoricLinkedPagesTests
{
    private const string Widget = "job-families/tools/widget.md";
    private const string Gadget = "job-families/tools/gadget.md";

    [Fact]
    public async Task Given_each_sample_page_wanted_with_every_other_page_linked_When_rendered_Then_it_renders_as_with_the_whole_batch_parsed()
    {
        // Given the sample's pages without ERB (ERB batches always parse every page), each wanted alone, the others linked
        var pages = SampleHistoricBatch.Pages().Where(p => !p.SourcePath.EndsWith(".erb", StringComparison.Ordinal) && !Path.GetFileName(p.SourcePath).StartsWith('_')).ToList();
        var gradeData = Document.FromSource(SampleHistoricBatch.GradeDataPath, SampleHistoricBatch.GradeData());
        var batch = pages.Append(gradeData).OrderBy(d => d.SourcePath, StringComparer.Ordinal).ToList();
        Assert.True(pages.Count > 10);
        var withStatements = 0;
        foreach (var page in pages)
        {
            var wanted = new HashSet<string>([page.SourcePath], StringComparer.Ordinal);

            // When rendered parsing linked pages only when needed, and parsing them all (the oracle)
            var views = SampleHistoricBatch.NewViews();
            var skipping = await SampleHistoricBatch.Build(views: views).RenderAsync(batch, wanted, hasGradeData: true, 2, CancellationToken.None);
            var oracle = await SampleHistoricBatch.Build(views: views, parsesLinkedPagesOnlyWhenNeeded: false).RenderAsync(batch, wanted, hasGradeData: true, 2, CancellationToken.None);

            // Then the version is the same: its cache payload (model, body bytes) and its unknown grades
            Assert.Equal(VersionRenderCache.Serialize(oracle[page.SourcePath]), VersionRenderCache.Serialize(skipping[page.SourcePath]));
            withStatements += page.Content.Contains("* Extends", StringComparison.Ordinal) ? 1 : 0;
        }

        // And both kinds of batch were there: wanted pages with statements (linked pages parsed) and without
        Assert.InRange(withStatements, 1, pages.Count - 1);
    }

    [Fact]
    public async Task Given_a_statement_that_names_a_role_of_a_linked_page_only_When_rendered_Then_the_linked_page_is_parsed_and_its_bullets_inherited()
    {
        // Given a wanted page whose statement names, without a link, a role that only a linked page has
        var batch = new List<Document>
        {
            Document.FromSource(Gadget, Page("Gadget", "## Gadget Manager\n\n### Gadget Manager Responsibilities\n\n* Keep every gadget running\n")),
            Document.FromSource(Widget, Page("Widget", "## Widget Lead\n\n### Widget Lead Responsibilities\n\n* Extends the Gadget Manager responsibilities\n* Lead the widget team\n\nSee the [gadget page](/job-families/tools/gadget/).\n")),
        };
        var wanted = new HashSet<string>([Widget], StringComparer.Ordinal);

        // When rendered both ways
        var skipping = await SampleHistoricBatch.Build().RenderAsync(batch, wanted, hasGradeData: false, 1, CancellationToken.None);
        var oracle = await SampleHistoricBatch.Build(parsesLinkedPagesOnlyWhenNeeded: false).RenderAsync(batch, wanted, hasGradeData: false, 1, CancellationToken.None);

        // Then the inherited bullet is there, as in the oracle
        Assert.Contains("Keep every gadget running", Body(oracle[Widget]), StringComparison.Ordinal);
        Assert.Equal(VersionRenderCache.Serialize(oracle[Widget]), VersionRenderCache.Serialize(skipping[Widget]));
    }

    [Fact]
    public async Task Given_a_wanted_page_without_statements_that_a_linked_page_extends_When_rendered_Then_it_renders_as_with_the_linked_page_parsed()
    {
        // Given a wanted page without statements, and a linked page that extends it (and so reads it)
        var batch = new List<Document>
        {
            Document.FromSource(Gadget, Page("Gadget", "## Gadget Manager\n\n### Gadget Manager Responsibilities\n\n* Extends the [Widget Lead](/job-families/tools/widget/#widget-lead) responsibilities\n* Keep every gadget running\n")),
            Document.FromSource(Widget, Page("Widget", "## Widget Lead\n\n### Widget Lead Responsibilities\n\n* Lead the widget team\n\nSee the [gadget page](/job-families/tools/gadget/).\n")),
        };
        var wanted = new HashSet<string>([Widget], StringComparer.Ordinal);

        // When rendered both ways
        var skipping = await SampleHistoricBatch.Build().RenderAsync(batch, wanted, hasGradeData: false, 1, CancellationToken.None);
        var oracle = await SampleHistoricBatch.Build(parsesLinkedPagesOnlyWhenNeeded: false).RenderAsync(batch, wanted, hasGradeData: false, 1, CancellationToken.None);

        // Then the wanted page is the same
        Assert.Contains("Lead the widget team", Body(oracle[Widget]), StringComparison.Ordinal);
        Assert.Equal(VersionRenderCache.Serialize(oracle[Widget]), VersionRenderCache.Serialize(skipping[Widget]));
    }

    [Fact]
    public void Given_batch_documents_When_classified_Then_only_pages_neither_wanted_nor_partials_nor_the_grade_data_are_linked()
    {
        var wanted = new HashSet<string>([Widget], StringComparer.Ordinal);

        Assert.True(LinkedPages.IsLinked(Document.FromSource(Gadget, "x"), wanted, "data/job-grades.yml"));
        Assert.False(LinkedPages.IsLinked(Document.FromSource(Widget, "x"), wanted, "data/job-grades.yml"));
        Assert.False(LinkedPages.IsLinked(Document.FromSource("data/job-grades.yml", "x"), wanted, "data/job-grades.yml"));
        Assert.False(LinkedPages.IsLinked(Document.FromSource("job-families/tools/_shared.md", "x"), wanted, "data/job-grades.yml"));
        Assert.False(LinkedPages.IsLinked(Document.FromSource("includes/job-families/x.md", "x"), wanted, "data/job-grades.yml"));
        Assert.True(LinkedPages.AnyErb([Document.FromSource(Gadget, "x"), Document.FromSource("job-families/tools/index.html.md.erb", "x")]));
        Assert.False(LinkedPages.AnyErb([Document.FromSource(Gadget, "x")]));
    }

    private static string Page(string title, string body) =>
        $"---\nlayout: job_family_page\ntitle: {title}\n---\n\nThe {title} team.\n\n{body}";

    private static string Body(HistoricContent content) =>
        content.Family.BodyHtmlUtf8 is { } utf8 ? Encoding.UTF8.GetString(utf8) : content.Family.BodyHtml;
}
