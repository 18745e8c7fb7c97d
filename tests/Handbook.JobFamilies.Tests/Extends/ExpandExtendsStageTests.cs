namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

public class ExpandExtendsStageTests
{
    [Fact]
    public async Task The_stage_expands_the_families_of_all_documents_and_reports_into_the_build()
    {
        var parser = new JobFamilyParser(ExtendsFixture.Pipeline);
        var parsed = new List<Diagnostic>();
        var page = parser.Parse("job-families/sales/widget-analyst.md", "### Widget Analyst\n\n#### Responsibilities\n\n* Count\n\n### Senior Widget Analyst\n\n#### Responsibilities\n\n* Extends the Widget Analyst responsibilities\n* Extends the Gadget Wizard responsibilities\n", parsed);
        var documents = new[]
        {
            Document.FromSource("job-families/sales/widget-analyst.md", string.Empty).With(JobFamilyKeys.Family, page),
            Document.FromSource("data/other.yml", string.Empty),
        };
        var bag = new DiagnosticBag();

        var result = await new Handbook.JobFamilies.Stages.ExpandExtendsStatements().ExecuteAsync(documents, new StageContext(bag, new ServiceRegistry(), CancellationToken.None));

        Assert.Equal(documents, result);
        Assert.Equal("EXTENDS001", Assert.Single(bag.Sorted()).Code);
        Assert.Equal("Widget Analyst", Assert.Single(page.Roles.Single(r => r.Name == "Senior Widget Analyst").Extends).Role);
    }

    [Fact]
    public async Task Given_statements_remembered_before_the_tree_changed_When_the_stage_runs_with_the_memo_Then_it_resolves_the_remembered_statements()
    {
        // Given a page whose unresolvable statement is found into a memo, then taken out of the tree
        var (page, documents) = PageWithUnresolvableStatement();
        var memo = new FoundStatementsMemo();
        var statement = Assert.Single(memo.Find(page), f => f.Statement.Text.Contains("Gadget Wizard", StringComparison.Ordinal));
        statement.ListItem!.Parent!.Remove(statement.ListItem);

        // When the stage runs with the memo, and once without
        var withMemo = new DiagnosticBag();
        _ = await new Handbook.JobFamilies.Stages.ExpandExtendsStatements(memo).ExecuteAsync(documents, new StageContext(withMemo, new ServiceRegistry(), CancellationToken.None));
        var without = new DiagnosticBag();
        _ = await new Handbook.JobFamilies.Stages.ExpandExtendsStatements().ExecuteAsync(documents, new StageContext(without, new ServiceRegistry(), CancellationToken.None));

        // Then with the memo the remembered statement is resolved (and reported), without it the tree's are found
        Assert.Equal("EXTENDS001", Assert.Single(withMemo.Sorted()).Code);
        Assert.Empty(without.Sorted());
    }

    [Fact]
    public async Task Given_statements_remembered_on_unchanged_trees_When_the_stage_runs_with_the_memo_Then_it_expands_as_without()
    {
        // Given the same page parsed twice, one parse's statements found into a memo
        var (plainPage, plainDocuments) = PageWithUnresolvableStatement();
        var (memoPage, memoDocuments) = PageWithUnresolvableStatement();
        var memo = new FoundStatementsMemo();
        _ = memo.Find(memoPage);

        // When each is expanded, one with the memo
        var plainBag = new DiagnosticBag();
        _ = await new Handbook.JobFamilies.Stages.ExpandExtendsStatements().ExecuteAsync(plainDocuments, new StageContext(plainBag, new ServiceRegistry(), CancellationToken.None));
        var memoBag = new DiagnosticBag();
        _ = await new Handbook.JobFamilies.Stages.ExpandExtendsStatements(memo).ExecuteAsync(memoDocuments, new StageContext(memoBag, new ServiceRegistry(), CancellationToken.None));

        // Then the diagnostics and the roles' extends links are the same
        Assert.Equal(plainBag.Sorted().Select(d => d.ToString()), memoBag.Sorted().Select(d => d.ToString()));
        Assert.Equal(ExtendsOf(plainPage), ExtendsOf(memoPage));
        Assert.Contains("Widget Analyst", ExtendsOf(memoPage), StringComparison.Ordinal);
    }

    private static (JobFamily Page, Document[] Documents) PageWithUnresolvableStatement()
    {
        var parser = new JobFamilyParser(ExtendsFixture.Pipeline);
        var page = parser.Parse("job-families/sales/widget-analyst.md", "### Widget Analyst\n\n#### Responsibilities\n\n* Count\n\n### Senior Widget Analyst\n\n#### Responsibilities\n\n* Extends the Widget Analyst responsibilities\n* Extends the Gadget Wizard responsibilities\n", new List<Diagnostic>());
        return (page, [Document.FromSource("job-families/sales/widget-analyst.md", string.Empty).With(JobFamilyKeys.Family, page)]);
    }

    private static string ExtendsOf(JobFamily page) =>
        string.Join("; ", page.Roles.SelectMany(r => r.Extends.Select(e => $"{r.Name} -> {e.Role}")));
}
