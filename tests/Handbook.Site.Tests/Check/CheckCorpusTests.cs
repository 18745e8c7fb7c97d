namespace Handbook.Site.Tests.Check;

using System.Text.Json;
using System.Xml.Linq;
using Handbook.Site.Building;
using Handbook.Site.Cli;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>The merge-request reports over the 171 real pages: valid for GitLab, whatever the real findings are.</summary>
public class CheckCorpusTests(ITestOutputHelper output)
{
    [CorpusFact]
    public async Task Reports_of_the_real_pages_are_valid_code_quality_and_junit_with_unique_fingerprints()
    {
        using var folder = new TempFolder();
        var pages = CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);
        var report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = folder["input"],
            OutputFolder = folder["output"],
            ThemeFolder = TestTheme.Folder,
            WriteOutput = false,
            History = false,
        });
        var findings = new CheckFindings(report.Diagnostics, report.CheckedPages, new RepositoryPaths("input", string.Empty), Strict: false);
        foreach (var group in report.Diagnostics.GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key} x{group.Count()}");
        }

        using var codeQuality = JsonDocument.Parse(CheckFixture.Render(DiagnosticFormat.CodeQuality, findings));
        var junit = XDocument.Parse(CheckFixture.Render(DiagnosticFormat.JUnit, findings));

        var issues = codeQuality.RootElement.EnumerateArray().ToList();
        Assert.Equal(report.Diagnostics.Count, issues.Count);
        var fingerprints = issues.Select(i => i.GetProperty("fingerprint").GetString()).ToList();
        Assert.Equal(fingerprints.Count, fingerprints.Distinct(StringComparer.Ordinal).Count());
        Assert.All(issues, i => Assert.True(
            File.Exists(Path.Combine(folder.Path, i.GetProperty("location").GetProperty("path").GetString()!)),
            "no such file: " + i.GetProperty("location").GetProperty("path").GetString()));
        Assert.True(junit.Descendants("testcase").Count() >= pages.Count, "every page is a test case");
        Assert.Equal(report.ErrorCount > 0, junit.Descendants("failure").Any());
    }
}
