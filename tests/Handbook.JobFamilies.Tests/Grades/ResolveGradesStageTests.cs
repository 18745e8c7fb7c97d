namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using static TestFamilies;

public class ResolveGradesStageTests
{
    private const string Page = "### Analyst\n\nThe Analyst is a [grade 13](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n";

    [Fact]
    public async Task Given_a_registered_grade_table_then_pages_are_resolved_and_diagnostics_reported()
    {
        var family = Family(Page);
        var services = new ServiceRegistry();
        services.Add(StandardGrades);
        var bag = new DiagnosticBag();
        var document = Document.FromSource(Path, Page).With(JobFamilyKeys.Family, family);

        var result = await new ResolveGrades().ExecuteAsync([document], new StageContext(bag, services, CancellationToken.None));

        Assert.Single(result);
        Assert.Equal("13", family.Levels[0].Grade!.Value);
        Assert.Equal("GRADE001", Assert.Single(bag.Sorted()).Code);
    }

    [Fact]
    public async Task Without_grade_data_the_stage_leaves_pages_alone()
    {
        var family = Family(Page);
        var bag = new DiagnosticBag();
        var document = Document.FromSource(Path, Page).With(JobFamilyKeys.Family, family);

        await new ResolveGrades().ExecuteAsync([document], new StageContext(bag, new ServiceRegistry(), CancellationToken.None));

        Assert.Null(family.Levels[0].Grade);
        Assert.Empty(bag.Sorted());
    }
}
