namespace Handbook.Site.Tests.Versions;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Versions;
using static Handbook.Site.Tests.Versions.Fixtures;

/// <summary>
/// Issue 9: a historic batch that parses only its reached pages finds each page's statements once
/// (<see cref="FoundStatementsMemo"/>): listing the pages they link to (<see cref="ReachedPages.LinkedBy(IEnumerable{Document}, IReadOnlyDictionary{string, string}, FoundStatementsMemo)"/>)
/// remembers them, and the expansion (<see cref="ExpandExtendsWithinBatch"/>, or the plugin's stage when every linked
/// page is reached) resolves the remembered ones instead of finding them again. The versions stay the oracle's
/// (<see cref="HistoricReachedPagesTests"/>).
/// </summary>
public sealed class HistoricFoundStatementsTests
{
    private const string Widget = "job-families/tools/widget.md";
    private const string Gadget = "job-families/tools/gadget.md";

    [Fact]
    public async Task Given_parsed_pages_When_their_linked_pages_are_listed_with_a_memo_Then_every_page_is_remembered_and_the_list_is_as_without()
    {
        // Given a batch of two parsed pages, the widget's statement linking the gadget page
        var (_, parsed, urls) = await ParseAsync(WidgetPage("Extends the [Gadget Manager](/job-families/tools/gadget/#gadget-manager) responsibilities"));

        // When the linked pages are listed with a memo, and without
        var memo = new FoundStatementsMemo();
        var linked = ReachedPages.LinkedBy(parsed, urls, memo);
        var plain = ReachedPages.LinkedBy(parsed, urls);

        // Then the lists are equal, and both pages' statements are remembered for the expansion
        Assert.Equal([Gadget], linked);
        Assert.Equal(plain, linked);
        Assert.Equal(2, memo.Count);
        Assert.All(parsed, d => Assert.True(memo.TryGet(d.Get(JobFamilyKeys.Family), out _)));
    }

    [Fact]
    public async Task Given_statements_remembered_before_the_tree_changed_When_expanded_within_the_batch_with_the_memo_Then_the_remembered_statements_are_resolved()
    {
        // Given a widget page whose statement names a role no page has, found into a memo and then taken out of the tree
        var (services, parsed, urls) = await ParseAsync(WidgetPage("Extends the Gizmo Wizard responsibilities"));
        var memo = new FoundStatementsMemo();
        _ = ReachedPages.LinkedBy(parsed, urls, memo);
        var widget = parsed.Single(d => d.SourcePath == Widget).Get(JobFamilyKeys.Family);
        Assert.True(memo.TryGet(widget, out var found));
        var statement = Assert.Single(found);
        statement.ListItem!.Parent!.Remove(statement.ListItem);

        // When expanded within the batch with the memo, and once without
        var withMemo = new ExpandExtendsWithinBatch(urls, memo);
        _ = await HistoricStages.RunAsync([withMemo], parsed, services, 1, CancellationToken.None);
        var without = new ExpandExtendsWithinBatch(urls);
        _ = await HistoricStages.RunAsync([without], parsed, services, 1, CancellationToken.None);

        // Then with the memo the remembered statement was resolved (its role name searched on every page: the batch
        // is left), without it the changed tree has no statement and nothing is searched
        Assert.Equal("a role name was searched on every page", withMemo.LeftBatch);
        Assert.Null(without.LeftBatch);
    }

    private static async Task<(ServiceRegistry Services, IReadOnlyList<Document> Parsed, Dictionary<string, string> Urls)> ParseAsync(string widgetPage)
    {
        var pipeline = JobFamiliesPlugin.CreatePipeline(new JobFamiliesOptions());
        var services = new ServiceRegistry();
        services.Add(new JobFamiliesOptions());
        services.Add(pipeline);
        Document[] batch =
        [
            Document.FromSource(Gadget, Page("Gadget", Role("Gadget Manager", "Keep every gadget running"))),
            Document.FromSource(Widget, widgetPage),
        ];
        var parsed = await HistoricStages.RunAsync([new ReadFrontMatter(), new ParseJobFamilies(new JobFamilyParser(pipeline))], batch, services, 1, CancellationToken.None);
        return (services, parsed, BatchFamilyLookup.SiteUrlsOf(parsed));
    }

    private static string WidgetPage(string statement) => Page("Widget", Role("Widget Lead", statement, "Lead the widget team"));

}
