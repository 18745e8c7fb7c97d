namespace Handbook.Site.Tests.Snapshots;

using Handbook.Site.Building;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>Builds whole sites and compares every output page with its approved snapshot.</summary>
public class SiteSnapshotTests
{
    public static readonly string FixtureInput = Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Handbook.Site.Tests", "Fixtures", "small-site");

    // Keep going: a snapshot shows what the site looks like even while some pass reports an error. Without history:
    // the input folders live in this repository, whose commits would otherwise add version pages to every snapshot.
    private static async Task<BuildReport> Build(string input, string output) =>
        await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = input,
            OutputFolder = output,
            ThemeFolder = TestTheme.Folder,
            BaseUrl = "https://handbook.example.com",
            KeepGoing = true,
            History = false,
        });

    [Fact]
    public async Task Fixture_site_matches_the_approved_pages()
    {
        using var folder = new TempFolder();

        var report = await Build(FixtureInput, folder["output"]);

        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Pipeline.Diagnostics.Severity.Error);
        SiteSnapshot.Verify(folder["output"], "small-site");
    }

    [Fact]
    public async Task Sample_input_matches_the_approved_pages()
    {
        using var folder = new TempFolder();

        var report = await Build(Path.Combine(SharedCorpus.RepositoryRoot, "input"), folder["output"]);

        Assert.True(report.OutputWritten, string.Join("\n", report.Diagnostics));
        SiteSnapshot.Verify(folder["output"], "input");
    }

    [Fact]
    public async Task Building_twice_gives_byte_identical_output()
    {
        using var folder = new TempFolder();

        await Build(FixtureInput, folder["first"]);
        await Build(FixtureInput, folder["second"]);

        var first = Directory.EnumerateFiles(folder["first"], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder["first"], f)).Order(StringComparer.Ordinal).ToList();
        var second = Directory.EnumerateFiles(folder["second"], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder["second"], f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(first, second);
        Assert.All(first, f => Assert.Equal(File.ReadAllBytes(Path.Combine(folder["first"], f)), File.ReadAllBytes(Path.Combine(folder["second"], f))));
    }
}
