namespace Handbook.Pipeline.Tests;

using System.Runtime.Versioning;
using System.Security.Cryptography;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// Builds that know the previous output's files update the output folder in place (<see cref="InPlaceOutputUpdate"/>):
/// the result must be exactly what writing every file into a fresh folder gives – no file and no folder of the
/// previous output left over – unchanged files must not be written at all, and the output must not change until the
/// build has succeeded.
/// </summary>
/// <remarks>Unix only, like the tool's other folder tests: a folder's mode tells the same folder from a fresh one.</remarks>
[UnsupportedOSPlatform("windows")]
public sealed class InPlaceOutputUpdateTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Output => _temp.Combine("output");

    public void Dispose() => _temp.Dispose();

    private static Document Page(string destination, string content) => new(destination + ".md", destination, content, Metadata.Empty);

    /// <summary>What a cache knows of the output folder's files now (as the build cache's stamp and record tell it).</summary>
    private PreviousOutputFiles KnownOutput()
    {
        var known = new Dictionary<string, PreviousOutputFiles.KnownFile>(StringComparer.Ordinal);
        foreach (var (destination, bytes) in TempFolder.Snapshot(Output))
        {
            var path = Path.Combine(Output, destination);
            known[destination] = new PreviousOutputFiles.KnownFile(SHA256.HashData(bytes), bytes.Length, File.GetLastWriteTimeUtc(path).Ticks);
        }

        return new PreviousOutputFiles(Output, known);
    }

    private async Task<OutputWriteResult> StageAndWrite(PreviousOutputFiles? previous, IReadOnlyList<Document> documents, bool buildSucceeded = true)
    {
        var writer = new OutputWriter(Output);
        using var staging = writer.BeginStaging(hashesFiles: true, previous);
        var staged = documents.Select(d => staging.Stage(d)).ToList();
        return await writer.WriteAsync(staged, buildSucceeded, new DiagnosticBag());
    }

    private static List<string> FoldersIn(string folder) =>
        [.. Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private List<string> EntriesBesideOutput() => [.. Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    // A write time no build makes: a file left in place keeps it, a written one gets the time of writing.
    private static readonly DateTime Past = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    // A mode no build gives a folder it makes (umask 022 gives 0755): the output folder keeps it only when it is the same
    // folder, updated in place, not a fresh one swapped in.
    private const UnixFileMode MarkedMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    /// <summary>Dates every file of the output <see cref="Past"/> and marks the folder, as a previous build's output to compare with.</summary>
    private void DateAndMarkTheOutput()
    {
        foreach (var destination in TempFolder.Snapshot(Output).Keys)
        {
            File.SetLastWriteTimeUtc(Path.Combine(Output, destination), Past);
        }

        File.SetUnixFileMode(Output, MarkedMode);
    }

    private DateTime WrittenAt(string destination) => File.GetLastWriteTimeUtc(Path.Combine(Output, destination));

    [Fact]
    public async Task Given_a_previous_output_When_a_build_changes_one_page_Then_only_that_page_is_written_and_the_folder_is_the_same()
    {
        // Given
        await StageAndWrite(null, [Page("a/index.html", "<p>a</p>"), Page("b/index.html", "<p>b</p>"), Page("old/deep/index.html", "<p>old</p>")]);
        DateAndMarkTheOutput();
        var previous = KnownOutput();

        // When
        var result = await StageAndWrite(previous, [Page("a/index.html", "<p>a</p>"), Page("b/index.html", "<p>b, changed</p>"), Page("new/index.html", "<p>new</p>")]);

        // Then: exactly the plan; the unchanged page is the very file it was, the changed one a new file; no folder was swapped
        Assert.Equal(OutputWriteOutcome.Replaced, result.Outcome);
        Assert.Equal(["a/index.html", "b/index.html", "new/index.html"], TempFolder.Snapshot(Output).Keys);
        Assert.Equal(["a", "b", "new"], FoldersIn(Output));
        Assert.Equal("<p>b, changed</p>", File.ReadAllText(Path.Combine(Output, "b", "index.html")));
        Assert.Equal(1, previous.KeptCount);
        Assert.Equal(Past, WrittenAt("a/index.html"));
        Assert.NotEqual(Past, WrittenAt("b/index.html"));
        Assert.Equal(MarkedMode, File.GetUnixFileMode(Output));
        Assert.Equal(["output"], EntriesBesideOutput());
    }

    [Fact]
    public async Task Given_an_output_with_stray_files_and_clashes_When_it_is_updated_in_place_Then_it_holds_exactly_the_plan()
    {
        // Given: a folder where the plan now puts a file, a file where it now needs a folder, a file someone added by
        // hand, a hidden temporary a killed build left, and a link to a folder elsewhere (never followed)
        await StageAndWrite(null, [Page("a/index.html", "<p>a</p>"), Page("clash/index.html", "<p>clash</p>"), Page("was-file", "file")]);
        var previous = KnownOutput();
        _temp.WriteText("output/a/stray.html", "stray");
        _temp.WriteText("output/a/.index.html.tmp-0123", "left by a killed build");
        var elsewhere = _temp.WriteText("elsewhere/keep.html", "keep");
        Directory.CreateSymbolicLink(Path.Combine(Output, "linked"), Path.GetDirectoryName(elsewhere)!);

        // When
        var result = await StageAndWrite(previous, [Page("a/index.html", "<p>a</p>"), Page("clash", "a file now"), Page("was-file/index.html", "a folder now")]);

        // Then
        Assert.Equal(OutputWriteOutcome.Replaced, result.Outcome);
        Assert.Equal(["a/index.html", "clash", "was-file/index.html"], TempFolder.Snapshot(Output).Keys);
        Assert.Equal(["a", "was-file"], FoldersIn(Output));
        Assert.Equal("a file now", File.ReadAllText(Path.Combine(Output, "clash")));
        Assert.Equal("a folder now", File.ReadAllText(Path.Combine(Output, "was-file", "index.html")));
        Assert.Equal("keep", File.ReadAllText(elsewhere));
        Assert.Equal(["elsewhere", "output"], EntriesBesideOutput());
    }

    [Fact]
    public async Task Given_an_in_place_build_When_it_fails_after_staging_changed_pages_Then_the_output_is_exactly_as_it_was_and_no_temporary_is_left()
    {
        // Given
        await StageAndWrite(null, [Page("a/index.html", "<p>a</p>"), Page("b/index.html", "<p>b</p>")]);
        DateAndMarkTheOutput();
        var before = TempFolder.Snapshot(Output);

        // When
        var result = await StageAndWrite(KnownOutput(), [Page("a/index.html", "<p>a</p>"), Page("b/index.html", "<p>b, changed</p>"), Page("c/index.html", "<p>c</p>")], buildSucceeded: false);

        // Then
        Assert.Equal(OutputWriteOutcome.SkippedBecauseBuildFailed, result.Outcome);
        Assert.Equal(before, TempFolder.Snapshot(Output));
        Assert.Equal(["a", "b"], FoldersIn(Output));
        Assert.Equal(Past, WrittenAt("b/index.html"));
        Assert.Equal(MarkedMode, File.GetUnixFileMode(Output));
        Assert.Equal(["output"], EntriesBesideOutput());
    }

    [Fact]
    public async Task Given_an_in_place_build_When_staged_pages_are_read_back_before_the_final_write_Then_each_reads_as_its_new_bytes()
    {
        // Given
        await StageAndWrite(null, [Page("a/index.html", "<p>a</p>"), Page("b/index.html", "<p>b</p>")]);
        var writer = new OutputWriter(Output);
        using var staging = writer.BeginStaging(hashesFiles: true, KnownOutput());

        // When: one page unchanged (left in place), one changed (in a temporary), one new
        var same = staging.Stage(Page("a/index.html", "<p>a</p>"));
        var changed = staging.Stage(Page("b/index.html", "<p>b, changed</p>"));
        var added = staging.Stage(Page("c/index.html", "<p>c</p>"));

        // Then: the later stages read the bytes the output will hold; the output itself does not hold them yet
        Assert.Equal("<p>a</p>", same.Staged!.ReadAllText());
        Assert.Equal("<p>b, changed</p>", changed.Staged!.ReadAllText());
        Assert.Equal("<p>c</p>", added.Staged!.ReadAllText());
        Assert.Equal("<p>b</p>", File.ReadAllText(Path.Combine(Output, "b", "index.html")));
        Assert.False(File.Exists(Path.Combine(Output, "c", "index.html")));

        // And after the write, from the output
        await writer.WriteAsync([same, changed, added], buildSucceeded: true, new DiagnosticBag());
        Assert.Equal(Path.Combine(Output, "b/index.html"), changed.Staged.FullPath);
        Assert.Equal("<p>b, changed</p>", changed.Staged.ReadAllText());
    }

    [Fact]
    public async Task Given_an_unstaged_image_When_an_in_place_build_writes_it_Then_unchanged_bytes_stay_and_changed_bytes_replace_the_file()
    {
        // Given
        var logo = Document.FromBytes("img/logo.png", [1, 2, 3]).WithDestination("img/logo.png");
        var icon = Document.FromBytes("img/icon.png", [4, 5, 6]).WithDestination("img/icon.png");
        await StageAndWrite(null, [logo, icon]);
        DateAndMarkTheOutput();
        var previous = KnownOutput();

        // When: images are never staged; they go through the final write
        await StageAndWrite(previous, [logo, Document.FromBytes("img/icon.png", [7, 8]).WithDestination("img/icon.png")]);

        // Then
        Assert.Equal(1, previous.KeptCount);
        Assert.Equal(Past, WrittenAt("img/logo.png"));
        Assert.Equal([7, 8], File.ReadAllBytes(Path.Combine(Output, "img", "icon.png")));
        Assert.Equal(["output"], EntriesBesideOutput());
    }

    [Fact]
    public async Task Given_an_update_killed_halfway_When_the_next_build_runs_with_the_same_record_Then_the_output_is_exact_again()
    {
        // Given: an output the cache knows, then half of an update: one file renamed over (new bytes, new time), one
        // planned file not yet there, one dropped file still there
        await StageAndWrite(null, [Page("a/index.html", "<p>a</p>"), Page("b/index.html", "<p>b</p>"), Page("gone/index.html", "<p>gone</p>")]);
        var previous = KnownOutput();
        File.WriteAllText(Path.Combine(Output, "a", "index.html"), "<p>a, half</p>");
        File.Delete(Path.Combine(Output, "b", "index.html"));

        // When the next build runs with what the cache still records (the killed build saved nothing)
        var result = await StageAndWrite(previous, [Page("a/index.html", "<p>a</p>"), Page("b/index.html", "<p>b</p>")]);

        // Then
        Assert.Equal(OutputWriteOutcome.Replaced, result.Outcome);
        Assert.Equal(0, previous.KeptCount);
        Assert.Equal(["a/index.html", "b/index.html"], TempFolder.Snapshot(Output).Keys);
        Assert.Equal("<p>a</p>", File.ReadAllText(Path.Combine(Output, "a", "index.html")));
        Assert.Equal(["a", "b"], FoldersIn(Output));
    }
}
