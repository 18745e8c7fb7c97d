namespace Handbook.JobFamilies.Tests.Versions;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Versions.Diff;
using Handbook.Pipeline.Diagnostics;

public sealed class VersionModelMapperTests
{
    private const string Path = "job-families/engineering/technical-writer/index.html.md";

    [Fact]
    public void Two_parsed_versions_of_a_page_diff_by_role_and_section()
    {
        // Given two versions of a page: an item added to a level's responsibilities and a new level
        var older = Parse("## Levels\n\n### Technical Writer\n\n#### Responsibilities\n\n* Writes guides\n* Edits guides\n");
        var newer = Parse("## Levels\n\n### Technical Writer\n\n#### Responsibilities\n\n* Writes guides\n* Tests examples\n* Edits guides\n\n"
            + "### Senior Technical Writer\n\n#### Responsibilities\n\n* Leads the style guide\n");

        // When their models are compared
        var diff = VersionDiff.Compare(VersionModelMapper.From(older), VersionModelMapper.From(newer));

        // Then the added item and the added level are reported, nothing else
        Assert.Equal(2, diff.Roles.Count);
        var writer = diff.Roles[0];
        Assert.Equal(("Technical Writer", ChangeKind.Changed), (writer.Role, writer.Kind));
        Assert.Equal(["Tests examples"], Assert.Single(writer.Sections).Added);
        Assert.Equal(("Senior Technical Writer", ChangeKind.Added), (diff.Roles[1].Role, diff.Roles[1].Kind));
    }

    [Fact]
    public void The_grade_of_a_role_is_taken_as_written()
    {
        var family = Parse("## Levels\n\n### Technical Writer\n\n#### Responsibilities\n\n* Writes guides\n");
        family.Levels[0].Grade = new GradeAssignment("9.5", SourceLocation.File(Path));

        Assert.Equal("9.5", Assert.Single(VersionModelMapper.From(family).Roles).Grade);
    }

    private static JobFamily Parse(string body)
    {
        var diagnostics = new List<Diagnostic>();
        var family = new JobFamilyParser().Parse(Path, "---\ntitle: Technical Writer\n---\n\n" + body, diagnostics);
        Assert.NotEmpty(family.Levels);
        return family;
    }
}
