namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
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
}
