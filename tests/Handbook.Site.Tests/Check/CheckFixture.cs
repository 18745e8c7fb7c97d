namespace Handbook.Site.Tests.Check;

using Handbook.Site.Building;
using Handbook.Site.Cli;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// The check fixture (<c>Fixtures/check-site</c>): one page per kind of problem, so every report format shows each
/// kind once. Runs the analysis <c>check</c> runs (a build that writes nothing) and wraps it as the reports see it,
/// with the input at <c>input/</c> in the repository.
/// </summary>
public static class CheckFixture
{
    public static readonly string Input = Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Handbook.Site.Tests", "Fixtures", "check-site");

    public static readonly RepositoryPaths Paths = new("input", string.Empty);

    public static Task<CheckFindings> CheckAsync(bool strict = false) => CheckAsync(Input, strict);

    public static async Task<CheckFindings> CheckAsync(string input, bool strict = false)
    {
        var report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = input,
            OutputFolder = "unused",
            ThemeFolder = TestTheme.Folder,
            WriteOutput = false,
            History = false,
        });
        return new CheckFindings(report.Diagnostics, report.CheckedPages, Paths, strict);
    }

    /// <summary>Renders the findings in one format, as <c>check --format NAME --output FILE</c> writes them.</summary>
    public static string Render(string format, CheckFindings findings)
    {
        using var writer = new StringWriter();
        (DiagnosticFormat.Create(format) ?? throw new ArgumentException(format)).Write(findings, writer);
        return writer.ToString();
    }

    /// <summary>A copy of the fixture in a temporary folder, to change a page.</summary>
    public static TempFolder Copy()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Input, "*", SearchOption.AllDirectories))
        {
            folder.Write("input/" + Path.GetRelativePath(Input, file).Replace('\\', '/'), File.ReadAllText(file));
        }

        return folder;
    }
}
