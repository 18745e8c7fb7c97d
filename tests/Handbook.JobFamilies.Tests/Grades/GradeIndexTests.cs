namespace Handbook.JobFamilies.Tests.Grades;

using System.Text.Json;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using static TestFamilies;

public class GradeIndexTests
{
    private const string Calc = "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";

    [Fact]
    public void Given_resolved_families_then_each_grade_lists_its_roles_with_anchored_urls()
    {
        var table = Grades("6", "7", "9.5");
        var payroll = Family("### Payroll Analyst\n\nThe Payroll Analyst is a [grade 6](" + Calc + ").\n\n### Senior Payroll Analyst\n\nThe Senior Payroll Analyst is a [grade 7](" + Calc + ").\n");
        var other = Family("### Payroll Lead\n\nThe Payroll Lead is a [grade 8](" + Calc + ").\n\n### Payroll Manager\n\nThe Payroll Manager is a [grade 9.5](" + Calc + ").\n", department: "sales");
        GradeResolver.Resolve(payroll, table, new List<Diagnostic>());
        GradeResolver.Resolve(other, table, new List<Diagnostic>());

        var index = GradeIndex.Build([other, payroll], table);

        Assert.Equal(["6", "7", "9.5"], index.Grades.Select(g => g.Id));
        Assert.Equal("grade-9-5", index.Grades[2].Anchor);
        var six = Assert.Single(index.Grades[0].Roles);
        Assert.Equal(("Payroll Analyst", "/job-families/finance/payroll/#payroll-analyst", "level", "general", "Title 6"), (six.Role, six.Url, six.Kind, six.Track, six.Title));
        var manager = Assert.Single(index.Grades[2].Roles);
        Assert.Equal(("sales", "Sales 9.5"), (manager.Track, manager.Title));
        var unknown = Assert.Single(index.UnknownGrades);
        Assert.Equal(("8", "Payroll Lead", null), (unknown.Grade, unknown.Role, unknown.Title));
        Assert.Equal([new GradeTrackTitle("sales", "Sales", "Sales 7")], index.Grades[1].TrackTitles);
    }

    [Fact]
    public void Api_json_mirrors_the_data_file_with_urls()
    {
        var table = new GradeTable(
            [new GradeTrack("sales", "Sales", ["sales"])],
            [new Grade { Id = GradeId.Parse("9.5"), Title = "Manager", Titles = new Dictionary<string, string> { ["sales"] = "Lead" }, CareerTrack = "management" }]);

        var json = JsonSerializer.Serialize(JobGradesJson.From(table));

        Assert.Equal(
            """{"tracks":[{"id":"general","name":"General","departments":[]},{"id":"sales","name":"Sales","departments":["sales"]}],"grades":[{"id":"9.5","title":"Manager","titles":{"sales":"Lead"},"track":"management","url":"/handbook/total-rewards/compensation/compensation-calculator/#grade-9-5"}]}""",
            json);
    }

    [Fact]
    public void Role_grade_json_has_value_title_track_and_url()
    {
        var grade = new GradeAssignment("7", new SourceLocation("a.md", 3, 4)) { Title = "Senior", Track = "general", Url = "/handbook/total-rewards/compensation/compensation-calculator/#grade-7" };

        var json = JsonSerializer.Serialize(RoleGradeJson.From(grade));

        Assert.Equal("""{"value":"7","title":"Senior","track":"general","url":"/handbook/total-rewards/compensation/compensation-calculator/#grade-7"}""", json);
        Assert.Null(RoleGradeJson.From(null));
    }

    [Fact]
    public void Badge_links_the_grade_and_shows_the_title_escaped()
    {
        var grade = new GradeAssignment("7", new SourceLocation("a.md", 3, 4)) { Title = "Senior <IC>", Track = "general", Url = "/c/#grade-7" };

        Assert.Equal("<a class=\"grade\" href=\"/c/#grade-7\">grade 7</a> <span class=\"grade-title\">Senior &lt;IC&gt;</span>", GradeBadge.Html(grade));
        Assert.Equal("<span class=\"grade grade-unknown\">grade 9.5</span>", GradeBadge.Html(new GradeAssignment("9.5", new SourceLocation("a.md", 1, 1))));
    }
}
