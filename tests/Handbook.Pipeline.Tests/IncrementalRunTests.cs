namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Incremental;
using Handbook.Pipeline.IO;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// Site.RunAsync(initial, previous, changedInputs): what an incremental run recomputes, and that its result is the
/// full run's. The test site reads *.md, parses each page, resolves "extends" across pages, renders with a theme and
/// writes the output in place.
/// </summary>
public sealed class IncrementalRunTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ProcessedLog _log = new();
    private readonly OutputWriter _writer;
    private string _theme = "<theme-1>";

    public IncrementalRunTests()
    {
        _writer = new OutputWriter(_folder.Combine("output"), new OutputWriterOptions { UpdateInPlace = true });
        _folder.WriteText("input/a.md", "Alpha\nextends b.md");
        _folder.WriteText("input/b.md", "Beta");
        _folder.WriteText("input/c.md", "Gamma WARN");
    }

    public void Dispose() => _folder.Dispose();

    private Site Compose() =>
        new Site { MaxDegreeOfParallelism = 2 }.AddStages(
            new ReadFiles(_folder.Combine("input"), ["*.md"]),
            new ParsePage(_log),
            new ResolveExtends(_log),
            new RenderWithTheme(_log, () => _theme),
            new WriteOutput(_writer));

    private async Task<BuildResult> FirstRunAsync()
    {
        var result = await Compose().RunAsync([]);
        _log.Clear();
        return result;
    }

    private static string ContentOf(BuildResult result, string sourcePath) => result.Documents.Single(d => d.SourcePath == sourcePath).Content;

    [Fact]
    public async Task An_edited_page_is_read_parsed_and_rendered_again_and_nothing_else_is()
    {
        // Given a first run
        var first = await FirstRunAsync();

        // When c.md is edited and the site runs incrementally
        _folder.WriteText("input/c.md", "Gamma two WARN");
        var next = await Compose().RunAsync([], first, ["c.md"]);

        // Then only c.md went through the stages (and the index, which is generated on every run)
        Assert.True(next.WasIncremental);
        Assert.Equal(["c.md"], _log.Of(nameof(ParsePage)));
        Assert.Equal(["c.md"], _log.Of(nameof(RenderWithTheme)));
        Assert.Equal(["(index)", "c.md"], next.Recomputed.Order(StringComparer.Ordinal));
        Assert.Equal("<theme-1><h1>Gamma two WARN</h1>", ContentOf(next, "c.md"));
        Assert.Equal("Alpha,Beta,Gamma two WARN", ContentOf(next, "(index)"));

        // And the output folder holds what a full build writes
        Assert.Equal(["c.html", "index.html"], _writer.LastResult!.ChangedFiles);
        var full = await Compose().RunAsync([]);
        Assert.Equal(full.Documents.Select(d => (d.SourcePath, d.Content)), next.Documents.Select(d => (d.SourcePath, d.Content)));
    }

    [Fact]
    public async Task A_page_that_depends_on_the_edited_page_is_recomputed_from_the_stage_its_dependency_names()
    {
        // Given a.md extends b.md
        var first = await FirstRunAsync();
        Assert.Equal("<theme-1><h1>Alpha</h1> (extends Beta)", ContentOf(first, "a.md"));

        // When b.md changes
        _folder.WriteText("input/b.md", "Beta renamed");
        var next = await Compose().RunAsync([], first, ["b.md"]);

        // Then a.md is parsed again (its dependency says so) and shows the new title; c.md is untouched
        Assert.Equal(["a.md", "b.md"], _log.Of(nameof(ParsePage)));
        Assert.Equal(["a.md", "b.md"], _log.Of(nameof(ResolveExtends)));
        Assert.Equal("<theme-1><h1>Alpha</h1> (extends Beta renamed)", ContentOf(next, "a.md"));
        Assert.DoesNotContain("c.md", next.Recomputed);
    }

    [Fact]
    public async Task A_page_recomputed_from_a_stage_does_not_recompute_the_pages_that_read_it_at_that_same_stage()
    {
        // Given pages that each show the next page's title, declared at the showing stage: a.md reads b.md, b.md reads c.md
        _folder.WriteText("input/a.md", "Alpha");
        Site Chain() => new Site { MaxDegreeOfParallelism = 2 }.AddStages(new ReadFiles(_folder.Combine("input"), ["*.md"]), new ParsePage(_log), new ShowNextTitle(_log));
        var first = await Chain().RunAsync([]);
        _log.Clear();

        // When c.md's title changes
        _folder.WriteText("input/c.md", "Gamma renamed");
        var next = await Chain().RunAsync([], first, ["c.md"]);

        // Then b.md shows it again, but a.md, which read b.md as it reached that stage (unchanged), is not recomputed
        Assert.Equal(["b.md"], _log.Of(nameof(ShowNextTitle))); // c.md is last: it shows no next page
        Assert.Equal("Gamma renamed", next.Documents.Single(d => d.SourcePath == "b.md").Get(ShowNextTitle.Next));
        Assert.DoesNotContain("a.md", next.Recomputed);

        // And the result is the full run's
        var full = await Chain().RunAsync([]);
        Assert.Equal(
            full.Documents.Select(d => (d.SourcePath, d.Content, d.TryGet(ShowNextTitle.Next, out var t) ? t : null)),
            next.Documents.Select(d => (d.SourcePath, d.Content, d.TryGet(ShowNextTitle.Next, out var t) ? t : null)));
    }

    [Fact]
    public async Task A_changed_external_input_recomputes_only_the_stage_that_declared_it()
    {
        // Given every page declared a dependency on the theme while rendering
        var first = await FirstRunAsync();

        // When the theme changes
        _theme = "<theme-2>";
        var next = await Compose().RunAsync([], first, [RenderWithTheme.ThemeInput]);

        // Then nothing is read or parsed again, and every page is rendered again
        Assert.Empty(_log.Of(nameof(ParsePage)));
        Assert.Empty(_log.Of(nameof(ResolveExtends)));
        Assert.Equal(["a.md", "b.md", "c.md"], _log.Of(nameof(RenderWithTheme)));
        Assert.All(next.Documents.Where(d => d.SourcePath.EndsWith(".md", StringComparison.Ordinal)), d => Assert.StartsWith("<theme-2>", d.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnostics_of_reused_pages_are_reported_again_and_those_of_recomputed_pages_are_new()
    {
        // Given c.md warns and a.md extends a page that does not exist
        _folder.WriteText("input/a.md", "Alpha\nextends missing.md");
        var first = await FirstRunAsync();
        Assert.Equal(["TEST020 a.md", "TEST010 c.md"], first.Diagnostics.Select(d => $"{d.Code} {d.Location.Path}"));

        // When a.md is fixed
        _folder.WriteText("input/a.md", "Alpha\nextends b.md");
        var next = await Compose().RunAsync([], first, ["a.md"]);

        // Then a.md's error is gone and c.md's warning, from a stage that did not run on c.md, is still reported
        Assert.Equal(["TEST010 c.md"], next.Diagnostics.Select(d => $"{d.Code} {d.Location.Path}"));
        Assert.DoesNotContain("c.md", _log.Of(nameof(ParsePage)));
    }

    [Fact]
    public async Task An_added_file_makes_the_run_a_full_one_and_says_why()
    {
        // Given a first run
        var first = await FirstRunAsync();

        // When a new page appears
        _folder.WriteText("input/d.md", "Delta");
        var next = await Compose().RunAsync([], first, ["d.md"]);

        // Then everything was computed and the new page is there
        Assert.False(next.WasIncremental);
        Assert.Contains("d.md", next.FullRebuildReason, StringComparison.Ordinal);
        Assert.Equal(["a.md", "b.md", "c.md", "d.md"], _log.Of(nameof(ParsePage)).Distinct());
        Assert.Contains(next.Documents, d => d.SourcePath == "d.md" && d.Content.Contains("Delta", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_removed_file_makes_the_run_a_full_one_and_its_output_file_is_deleted()
    {
        // Given a first run wrote b.html
        var first = await FirstRunAsync();
        Assert.True(File.Exists(_folder.Combine("output", "b.html")));

        // When b.md (which a.md extends) is deleted
        File.Delete(_folder.Combine("input", "b.md"));
        var next = await Compose().RunAsync([], first, ["b.md"]);

        // Then the run was a full one: a.md's extends is now an error, so the output is kept as it was
        Assert.False(next.WasIncremental);
        Assert.Contains(next.Diagnostics, d => d.Code == "TEST020");
        Assert.True(File.Exists(_folder.Combine("output", "b.html")));

        // And once a.md no longer extends it, b.html is removed from the output
        _folder.WriteText("input/a.md", "Alpha");
        var fixedRun = await Compose().RunAsync([], next, ["a.md"]);
        Assert.True(fixedRun.Succeeded);
        Assert.False(File.Exists(_folder.Combine("output", "b.html")));
        Assert.Contains("b.html", _writer.LastResult!.ChangedFiles);
    }

    [Fact]
    public async Task A_failed_incremental_run_leaves_the_output_untouched_and_the_next_good_one_writes_what_changed()
    {
        // Given a first run
        var first = await FirstRunAsync();
        var before = TempFolder.Snapshot(_folder.Combine("output"));

        // When an edit breaks a page
        _folder.WriteText("input/c.md", "Gamma\nextends nowhere.md");
        var broken = await Compose().RunAsync([], first, ["c.md"]);

        // Then nothing in the output changed
        Assert.False(broken.Succeeded);
        Assert.Equal(before, TempFolder.Snapshot(_folder.Combine("output")));

        // And when it is fixed, the page is written, compared with what the writer last wrote
        _folder.WriteText("input/c.md", "Gamma fixed");
        var fixedRun = await Compose().RunAsync([], broken, ["c.md"]);
        Assert.True(fixedRun.WasIncremental);
        Assert.Equal(["c.html", "index.html"], _writer.LastResult!.ChangedFiles);
        Assert.Equal("<theme-1><h1>Gamma fixed</h1>", File.ReadAllText(_folder.Combine("output", "c.html")));
        Assert.Empty(Directory.EnumerateFiles(_folder.Combine("output"), ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_save_without_a_change_rewrites_no_file()
    {
        // Given a first run
        var first = await FirstRunAsync();
        var writtenAt = File.GetLastWriteTimeUtc(_folder.Combine("output", "a.html"));

        // When a.md is saved with the same content
        var next = await Compose().RunAsync([], first, ["a.md"]);

        // Then the page was recomputed but no output file changed
        Assert.Contains("a.md", next.Recomputed);
        Assert.Empty(_writer.LastResult!.ChangedFiles);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(_folder.Combine("output", "a.html")));
    }

    [Fact]
    public async Task A_site_with_other_stages_runs_in_full()
    {
        // Given a result of a site with other stages
        var first = await FirstRunAsync();
        var other = new Site().AddStages(new ReadFiles(_folder.Combine("input"), ["*.md"]), new ParsePage(_log));

        // When it is used as the previous run
        var next = await other.RunAsync([], first, ["a.md"]);

        // Then the run is a full one
        Assert.False(next.WasIncremental);
        Assert.Equal(3, next.Documents.Count);
    }

    [Fact]
    public async Task A_run_that_keeps_no_record_gives_the_same_result_and_its_successor_runs_in_full()
    {
        // Given a site that keeps no record of its stages (a one-shot build) and one that does
        var kept = await Compose().RunAsync([]);
        var site = Compose();
        site.KeepsRunRecord = false;

        // When it runs
        var unrecorded = await site.RunAsync([]);

        // Then its documents, diagnostics and recomputed pages are the recorded run's
        Assert.Equal(kept.Documents.Select(d => (d.SourcePath, d.Destination, d.Content)), unrecorded.Documents.Select(d => (d.SourcePath, d.Destination, d.Content)));
        Assert.Equal(kept.Diagnostics, unrecorded.Diagnostics);
        Assert.Equal(kept.Recomputed.Order(StringComparer.Ordinal), unrecorded.Recomputed.Order(StringComparer.Ordinal));
        Assert.Equal(kept.RecomputedFrom.OrderBy(kv => kv.Key, StringComparer.Ordinal), unrecorded.RecomputedFrom.OrderBy(kv => kv.Key, StringComparer.Ordinal));

        // And a run after it cannot reuse anything: it is a full one, and says why
        _log.Clear();
        var next = await Compose().RunAsync([], unrecorded, ["c.md"]);
        Assert.False(next.WasIncremental);
        Assert.Contains("no record", next.FullRebuildReason, StringComparison.Ordinal);
        Assert.Equal(["a.md", "b.md", "c.md"], _log.Of(nameof(ParsePage)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DependsOn_adds_each_input_once_and_never_the_document_itself()
    {
        var document = Document.FromSource("a.md", "x").DependsOn(["b.md", "a.md"]).DependsOn(["b.md", "theme:x"]);

        Assert.Equal(["b.md", "theme:x"], document.DependenciesOf().Select(d => d.Input));
    }
}
