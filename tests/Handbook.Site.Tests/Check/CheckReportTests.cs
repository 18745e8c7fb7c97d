namespace Handbook.Site.Tests.Check;

using System.Text.Json;
using System.Xml.Linq;
using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Writers;
using Handbook.Site.Cli;

/// <summary>The fixture with one of every problem → the exact diagnostics, and each report format of them.</summary>
public class CheckReportTests
{
    [Fact]
    public async Task Fixture_reports_exactly_one_diagnostic_per_planted_problem()
    {
        var findings = await CheckFixture.CheckAsync();

        var actual = findings.Diagnostics.Select(d => $"{d.Location} {d.SeverityText} {d.Code}").ToList();
        Assert.Equal(
            [
                "job-families/greenhouse/irrigation-tech.md:3:20 error FM001",    // description: broken: yes
                "job-families/greenhouse/irrigation-tech.md:11:37 warning ERB008", // <%= %> in a page that is not .erb
                "job-families/greenhouse/propagator.md:12:29 error GRADE001",      // [grade 13], just after '['
                "job-families/greenhouse/propagator.md:25:3 error EXTENDS001",     // extends 'Head Gardener', no such role
                "job-families/orchard/index.html.md.erb:7:1 error ERB002",         // partial("orchard-intro") does not exist
                "job-families/orchard/picker.md:7:1 warning KD002",                // {::frobnicate}
                "job-families/orchard/picker.md:14:1 warning HTML001",             // <script>
                "job-families/orchard/picker.md:16:1 warning HTML004",             // iframe from a host not on the allow-list
            ],
            actual);
        Assert.Equal(
            ["job-families/greenhouse/irrigation-tech.md", "job-families/greenhouse/propagator.md", "job-families/orchard/index.html.md.erb", "job-families/orchard/picker.md"],
            findings.CheckedPages);
    }

    [Theory]
    [InlineData(DiagnosticFormat.Text, "txt")]
    [InlineData(DiagnosticFormat.Json, "json")]
    [InlineData(DiagnosticFormat.CodeQuality, "json")]
    [InlineData(DiagnosticFormat.JUnit, "xml")]
    public async Task Each_format_of_the_fixture_matches_its_approved_snapshot(string format, string extension)
    {
        var findings = await CheckFixture.CheckAsync();

        var text = CheckFixture.Render(format, findings);

        using (ApprovalResults.ForScenario(format))
        {
            Approvals.Verify(new ApprovalTextWriter(text, extension));
        }
    }

    [Fact]
    public async Task Code_quality_report_is_a_json_array_whose_entries_have_every_field_gitlab_requires()
    {
        var findings = await CheckFixture.CheckAsync();

        using var json = JsonDocument.Parse(CheckFixture.Render(DiagnosticFormat.CodeQuality, findings));

        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(findings.Diagnostics.Count, json.RootElement.GetArrayLength());
        foreach (var (issue, diagnostic) in json.RootElement.EnumerateArray().Zip(findings.Diagnostics))
        {
            Assert.Equal(diagnostic.Code, issue.GetProperty("check_name").GetString());
            Assert.Contains(diagnostic.Message, issue.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Contains(issue.GetProperty("severity").GetString(), new[] { "info", "minor", "major", "critical", "blocker" });
            Assert.Matches("^[0-9a-f]{32}$", issue.GetProperty("fingerprint").GetString());
            Assert.Equal("input/" + diagnostic.Location.Path, issue.GetProperty("location").GetProperty("path").GetString());
            Assert.Equal(diagnostic.Location.Line, issue.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        }
    }

    [Fact]
    public async Task Code_quality_fingerprints_are_unique_and_the_same_in_two_runs()
    {
        var first = Fingerprints(CheckFixture.Render(DiagnosticFormat.CodeQuality, await CheckFixture.CheckAsync()));
        var second = Fingerprints(CheckFixture.Render(DiagnosticFormat.CodeQuality, await CheckFixture.CheckAsync()));

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Code_quality_fingerprints_survive_lines_added_above_a_finding()
    {
        using var folder = CheckFixture.Copy();
        var before = await CheckFixture.CheckAsync(folder["input"]);
        var page = folder["input/job-families/orchard/picker.md"];
        File.WriteAllText(page, File.ReadAllText(page).Replace("Fruit Pickers harvest the trees", "A new first paragraph.\n\nFruit Pickers harvest the trees", StringComparison.Ordinal));

        var after = await CheckFixture.CheckAsync(folder["input"]);

        Assert.NotEqual(
            before.Diagnostics.Select(d => d.Location.Line),
            after.Diagnostics.Select(d => d.Location.Line));
        Assert.Equal(
            Fingerprints(CheckFixture.Render(DiagnosticFormat.CodeQuality, before)),
            Fingerprints(CheckFixture.Render(DiagnosticFormat.CodeQuality, after)));
    }

    [Fact]
    public void Identical_findings_in_one_file_get_different_fingerprints_by_occurrence()
    {
        var first = Handbook.Site.Cli.Reports.CodeQualityReport.Fingerprint("HTML001", "input/a.md", "script removed", 0);
        var second = Handbook.Site.Cli.Reports.CodeQualityReport.Fingerprint("HTML001", "input/a.md", "script removed", 1);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task JUnit_report_is_xml_with_one_test_case_per_page_failing_only_on_errors()
    {
        var findings = await CheckFixture.CheckAsync();

        var xml = XDocument.Parse(CheckFixture.Render(DiagnosticFormat.JUnit, findings));

        var cases = xml.Descendants("testcase").ToList();
        Assert.Equal(findings.CheckedPages.Select(p => "input/" + p), cases.Select(c => (string?)c.Attribute("name")));
        var failed = cases.Where(c => c.Element("failure") is not null).Select(c => (string?)c.Attribute("name")).ToList();
        Assert.Equal(["input/job-families/greenhouse/irrigation-tech.md", "input/job-families/greenhouse/propagator.md", "input/job-families/orchard/index.html.md.erb"], failed);
        Assert.Equal("3", (string?)xml.Root!.Attribute("failures"));
        var picker = cases.Single(c => (string?)c.Attribute("name") == "input/job-families/orchard/picker.md");
        Assert.Contains("input/job-families/orchard/picker.md:14:1: warning HTML001", picker.Element("system-out")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JUnit_report_under_strict_fails_pages_with_warnings_too()
    {
        var findings = await CheckFixture.CheckAsync(strict: true);

        var xml = XDocument.Parse(CheckFixture.Render(DiagnosticFormat.JUnit, findings));

        Assert.Equal("4", (string?)xml.Root!.Attribute("failures"));
    }

    [Fact]
    public async Task Json_report_counts_match_the_diagnostics()
    {
        var findings = await CheckFixture.CheckAsync();

        using var json = JsonDocument.Parse(CheckFixture.Render(DiagnosticFormat.Json, findings));

        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("errors").GetInt32());
        Assert.Equal(4, summary.GetProperty("warnings").GetInt32());
        Assert.Equal(4, summary.GetProperty("pages").GetInt32());
        Assert.True(summary.GetProperty("failed").GetBoolean());
        Assert.Equal(8, json.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    private static List<string> Fingerprints(string codeQualityJson)
    {
        using var json = JsonDocument.Parse(codeQualityJson);
        return json.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()!).ToList();
    }
}
