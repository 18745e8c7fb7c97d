namespace Handbook.Site.Tests.Json;

using System.Text.Json;
using Handbook.Site.Building;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Handbook.Site.Theming.Views;

/// <summary>
/// The generated pages' view JSON (what an incremental run compares to reuse a page) is made only when a run
/// compares it: a full build never pays for serialising the views by reflection. Reuse itself is covered by
/// <c>IncrementalGeneratedPagesTests</c>.
/// </summary>
public class GeneratedPageMemoTests
{
    [Fact]
    public async Task Given_a_full_build_that_keeps_its_record_When_it_ends_Then_no_generated_pages_view_json_was_made()
    {
        // Given the sample built as the preview's first run builds it (full, record kept)
        var request = new BuildRequest { InputFolder = Path.Combine(SharedCorpus.RepositoryRoot, "input"), OutputFolder = "unused", ThemeFolder = TestTheme.Folder, WriteOutput = false, History = false };
        var result = await SiteBuild.Compose(request, TestTheme.Instance, new SiteSettings()).RunAsync([]);

        // Then the generated pages carry their views, none turned into JSON yet
        var views = result.Documents.Where(GeneratedPageMemo.IsGenerated).Select(GeneratedPageMemo.ViewJsonOf).ToList();
        Assert.True(views.Count >= 4, "section index, grade pages and 404 at least");
        Assert.All(views, v => Assert.False(v.IsMade));
    }

    [Fact]
    public void Given_a_view_When_its_json_is_asked_for_Then_it_is_the_eager_serialisation_made_once()
    {
        var site = new SiteView("Handbook", null, "/style.css", "/");
        var page = new PageView("Sales", "All sales roles.", "/job-families/sales/", "/job-families/sales/", [new LinkView("Home", "/")]);
        var values = new Dictionary<string, object?> { ["family_count"] = 3, ["families"] = new List<FamilySummaryView> { new("Analyst", null, "/a/") } };
        var view = new GeneratedPageMemo.View("department", site, page, values);

        var json = new GeneratedPageMemo.ViewJson(view);
        Assert.False(json.IsMade);

        // The oracle: what the memo serialised for every page before (anonymous object, default options).
        var eager = JsonSerializer.Serialize(new { view.Template, view.Site, view.Page, view.Values }, new JsonSerializerOptions());
        Assert.Equal(eager, json.Text);
        Assert.True(json.IsMade);
        Assert.Same(json.Text, json.Text);
        Assert.Contains("\"family_count\":3", json.Text, StringComparison.Ordinal);
    }
}
