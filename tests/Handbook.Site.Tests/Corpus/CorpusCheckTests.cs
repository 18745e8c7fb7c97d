namespace Handbook.Site.Tests.Corpus;

using ApprovalTests;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Building;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// <c>check</c> over the 171 real pages (with GitLab's grade data and redirect data): the number of findings per code
/// is frozen in a reviewed snapshot, so a change to the parser or a check that moves them shows in review, and a few
/// real defects of other kinds than links (<see cref="CorpusLinkTests"/>) are asserted by position.
/// </summary>
public class CorpusCheckTests(ITestOutputHelper output)
{
    [CorpusFact]
    public async Task Given_the_real_pages_When_checked_Then_known_defects_are_reported_and_counts_per_code_match_the_snapshot()
    {
        using var folder = new TempFolder();
        CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);
        folder.Write("input/data/redirects.yml", File.ReadAllText(SharedCorpus.PathOf("gitlab-site-data/redirects.yml")));

        var report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = folder["input"],
            OutputFolder = folder["output"],
            ThemeFolder = TestTheme.Folder,
            WriteOutput = false,
            History = false,
        });
        foreach (var diagnostic in report.Diagnostics.Where(d => !d.Code.StartsWith("LINK", StringComparison.Ordinal) && !d.Code.StartsWith("REDIR", StringComparison.Ordinal)))
        {
            output.WriteLine(diagnostic.Format());
        }

        // Grade 9.5 was dropped from the calculator in September 2022; this page still links it.
        AssertReported(report.Diagnostics, "GRADE001", "job-families/marketing/product-marketing-management/index.html.md:110:", "9.5");
        // Copy-pasted statements that name the level they are written in.
        AssertReported(report.Diagnostics, "EXTENDS002", "job-families/alliances/alliances-manager/index.html.md:55:", "extends itself");
        // A level that does not exist on the page ("Associate Manager").
        AssertReported(report.Diagnostics, "EXTENDS001", "job-families/marketing/community-programs/index.html.md:124:", "Community Programs Associate Manager");
        // "Exends that of the [Senior Director, Development](#…) responsibilities": read as the verb, with a warning.
        AssertReported(report.Diagnostics, "EXTENDS004", "job-families/engineering/engineering-management/index.html.md:228:3", "'Exends' is read as 'Extends'");
        // Keys without the opening '---'. (A quoted description continued on an unindented line is YAML as libyaml
        // reads it, as GitLab's build did: not reported.)
        Assert.DoesNotContain(report.Diagnostics, d => d.Code == "FM001" && d.Location.ToString().StartsWith("job-families/finance/revenue-gpo/", StringComparison.Ordinal));
        AssertReported(report.Diagnostics, "FM003", "job-families/finance/program-management-BT/index.html.md:1:1", "no opening");
        // Misspelt section headings are read as what they mean, with a warning.
        AssertReported(report.Diagnostics, "MD002", "job-families/sales/technical-enablement-program-manager/index.html.md:18:", "Responsbilities");
        // The same level heading twice at one depth (the second section is the one with the grade).
        AssertReported(report.Diagnostics, "MD006", "job-families/marketing/field-marketing-manager/index.html.md:58:", "first on line 9");

        // Statements a reader resolves without trouble are not reported (layouts the parser once missed).
        Assert.DoesNotContain(report.Diagnostics, d => d.Location.ToString().StartsWith("job-families/engineering/incubation-engineer/", StringComparison.Ordinal) && d.Code.StartsWith("EXTENDS", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Diagnostics, d => d.Location.ToString().StartsWith("job-families/sales/renewal-operations-analyst/", StringComparison.Ordinal) && d.Code.StartsWith("EXTENDS", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Diagnostics, d => d.Location.ToString().StartsWith("job-families/marketing/product-marketing-manager/", StringComparison.Ordinal) && d.Code.StartsWith("EXTENDS", StringComparison.Ordinal));

        var counts = report.Diagnostics.GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.First().SeverityText} {g.Count()}");
        Approvals.Verify(string.Join("\n", counts) + "\n");
    }

    private static void AssertReported(IReadOnlyList<Diagnostic> diagnostics, string code, string locationPrefix, string inMessage) =>
        Assert.Contains(diagnostics, d => d.Code == code
            && d.Location.ToString().StartsWith(locationPrefix, StringComparison.Ordinal)
            && d.Message.Contains(inMessage, StringComparison.Ordinal));
}
