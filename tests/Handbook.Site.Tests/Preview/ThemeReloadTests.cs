namespace Handbook.Site.Tests.Preview;

using Handbook.Site.Building;
using Handbook.Site.Preview;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using static Handbook.Site.Tests.Preview.SampleSiteCopy;

/// <summary>
/// A theme's partials are looked up once per loaded theme (<see cref="Handbook.Site.Theming.MemoizedThemeFiles"/>,
/// issue 9), so <c>preview</c> must load the theme again whenever a partial may have changed: when the watcher names
/// a theme file that is not an asset, and after a burst it lost track of (overflow), which names no file at all.
/// </summary>
public sealed class ThemeReloadTests
{
    private const string PartialPath = "partials/family-history.liquid";
    private const string BackendFile = "job-families/engineering/backend-engineer/index.html";

    [Fact]
    public async Task Given_a_preview_build_When_a_partial_changes_and_the_watcher_names_it_Then_the_pages_show_the_new_partial()
    {
        // Given a preview build of the sample site
        using var folder = Copy();
        var build = new PreviewBuild(Request(folder));
        await build.RunAsync(null);

        // When the history partial is filled and the watcher reports it
        File.WriteAllText(Path.Combine(folder["theme"], PartialPath), "<p class=\"history\">named change</p>");
        await build.RunAsync(new PreviewChanges(new HashSet<string>(), new HashSet<string>([PartialPath], StringComparer.Ordinal), Overflowed: false));

        // Then the page shows it
        Assert.Contains("named change", await File.ReadAllTextAsync(Path.Combine(folder["output"], BackendFile)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_preview_build_When_a_partial_changes_in_a_burst_the_watcher_lost_track_of_Then_the_full_build_shows_the_new_partial()
    {
        // Given a preview build of the sample site
        using var folder = Copy();
        var build = new PreviewBuild(Request(folder));
        await build.RunAsync(null);

        // When the history partial is filled and the watcher only reports an overflow (no paths)
        File.WriteAllText(Path.Combine(folder["theme"], PartialPath), "<p class=\"history\">unseen change</p>");
        var report = await build.RunAsync(new PreviewChanges(new HashSet<string>(), new HashSet<string>(), Overflowed: true));

        // Then the full build that follows renders with the partial as it is now
        Assert.True(report.Report.OutputWritten);
        Assert.Contains("unseen change", await File.ReadAllTextAsync(Path.Combine(folder["output"], BackendFile)), StringComparison.Ordinal);
    }
}
