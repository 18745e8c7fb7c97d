namespace Handbook.Site.Tests.Preview;

using Handbook.Site.Building;
using Handbook.Site.Preview;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using static Handbook.Site.Tests.Preview.SampleSiteCopy;

/// <summary>
/// Issue 9: a newer edit cancels what is left of a running rebuild once that rebuild has published its pages (the
/// site-wide files would be out of date anyway); the next rebuild makes both edits, and the output folder then holds
/// exactly what a full build writes. A newer edit that arrives while the first phase runs lets that phase end.
/// </summary>
public sealed class SupersededRebuildTests
{
    private const string BackendPage = "job-families/engineering/backend-engineer.md";
    private const string SupportPage = "job-families/engineering/support-engineer.md";
    private const string BackendFile = "job-families/engineering/backend-engineer/index.html";

    [Fact]
    public async Task Given_a_rebuild_that_published_its_page_When_a_newer_edit_arrives_Then_the_rest_is_cancelled_and_the_next_rebuild_ends_as_a_full_build()
    {
        // Given a preview build of the sample site
        using var folder = Copy();
        var build = new PreviewBuild(Request(folder));
        await build.RunAsync(null);
        var previous = build.LastResult;

        // When the backend page is edited, and a newer edit arrives just as that rebuild publishes the page
        Edit(folder, BackendPage, "Backend work, edited first.");
        var published = new List<string>();
        build.Published = files =>
        {
            published.AddRange(files);
            build.Supersede();
        };
        await Assert.ThrowsAsync<RebuildSupersededException>(() => build.RunAsync(Changes(BackendPage)));

        // Then the page was published, the rest of that rebuild was not made (its result is not kept)
        Assert.Contains(BackendFile, published);
        Assert.Contains("Backend work, edited first.", await File.ReadAllTextAsync(Path.Combine(folder["output"], BackendFile)), StringComparison.Ordinal);
        Assert.Same(previous, build.LastResult);

        // And the next rebuild, given only the newer edit, makes both: its output equals a full build's
        build.Published = null;
        Edit(folder, SupportPage, "Support work, edited second.");
        var report = await build.RunAsync(Changes(SupportPage));
        Assert.True(report.WasIncremental, report.FullRebuildReason);
        Assert.True(report.Report.OutputWritten);
        await AssertOutputIsAFullBuildsAsync(folder);
    }

    [Fact]
    public async Task Given_a_superseded_rebuild_When_the_next_rebuild_has_no_change_of_its_own_Then_it_makes_the_superseded_ones()
    {
        // Given a rebuild superseded while it published (a newer edit asked to cancel it during the first phase: that
        // phase still ends, only what comes after it is cancelled)
        using var folder = Copy();
        var build = new PreviewBuild(Request(folder));
        await build.RunAsync(null);
        // A title edit: the site-wide files (search index, export, sitemap titles) change too, not only the page.
        var page = Path.Combine(folder["input"], BackendPage);
        File.WriteAllText(page, File.ReadAllText(page).Replace("title: \"Backend Engineer\"", "title: \"Backend Engineer of Record\"", StringComparison.Ordinal));
        var published = new List<string>();
        build.Published = files =>
        {
            build.Supersede();
            published.AddRange(files);
        };
        await Assert.ThrowsAsync<RebuildSupersededException>(() => build.RunAsync(Changes(BackendPage)));
        Assert.Contains(BackendFile, published);

        // When the next burst names no file of its own (a save that changed nothing)
        build.Published = null;
        var report = await build.RunAsync(new PreviewChanges(new HashSet<string>(), new HashSet<string>(), Overflowed: false));

        // Then it made what the superseded edit left to do: the output is a full build's
        Assert.Contains("api/job-families.json", report.ChangedFiles);
        Assert.True(report.Report.OutputWritten);
        await AssertOutputIsAFullBuildsAsync(folder);
    }

    [Fact]
    public async Task Given_no_rebuild_running_When_superseded_Then_nothing_happens_and_the_next_rebuild_runs_to_the_end()
    {
        using var folder = Copy();
        var build = new PreviewBuild(Request(folder));
        await build.RunAsync(null);

        build.Supersede();
        Edit(folder, BackendPage, "Backend work, edited.");
        var report = await build.RunAsync(Changes(BackendPage));

        Assert.True(report.Report.OutputWritten);
        await AssertOutputIsAFullBuildsAsync(folder);
    }

    [Fact]
    public async Task The_family_count_of_a_preview_build_is_the_catalogues()
    {
        // The report counts families without building a catalogue of the final documents; the catalogue is the oracle.
        using var folder = Copy();
        var build = new PreviewBuild(Request(folder));
        var first = await build.RunAsync(null);
        Edit(folder, BackendPage, "Backend work, edited.");
        var next = await build.RunAsync(Changes(BackendPage));

        var catalogue = Handbook.Site.Catalog.FamilyCatalog.From(build.LastResult!.Documents).Families.Count;
        Assert.True(catalogue > 0);
        Assert.Equal(catalogue, first.Report.FamilyCount);
        Assert.Equal(catalogue, next.Report.FamilyCount);
    }


    private static PreviewChanges Changes(string inputPath) =>
        new(new HashSet<string>([inputPath], StringComparer.Ordinal), new HashSet<string>(), Overflowed: false);

    // A sentence added after the front matter: prose, so the page changes and nothing else about the family does.
    private static void Edit(TempFolder folder, string inputPath, string sentence)
    {
        var path = Path.Combine(folder["input"], inputPath);
        var text = File.ReadAllText(path);
        var heading = text.IndexOf("\n## ", StringComparison.Ordinal);
        File.WriteAllText(path, text[..heading] + "\n" + sentence + "\n" + text[heading..]);
    }

    private static async Task AssertOutputIsAFullBuildsAsync(TempFolder folder)
    {
        using var full = new TempFolder();
        var report = await SiteBuild.RunAsync(new BuildRequest { InputFolder = folder["input"], OutputFolder = full["output"], ThemeFolder = folder["theme"], History = false });
        Assert.True(report.OutputWritten);
        static Dictionary<string, byte[]> Read(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
        var want = Read(full["output"]);
        var have = Read(folder["output"]);
        Assert.Equal(want.Keys.Order(StringComparer.Ordinal), have.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in want)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(have[path]), $"{path} differs from a full build's");
        }
    }
}
