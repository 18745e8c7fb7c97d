namespace Handbook.Pipeline.Tests;

using System.Security.Cryptography;
using System.Text;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// Builds that link from the previous output keep the output they replace as a spare, and the next such build stages
/// into the spare's folders (<see cref="RecycledStagingFolder"/>): the output must be exactly what staging into a fresh
/// folder gives – no file and no folder of the spare left over – and the output that was there must never change
/// before the swap, also when the build fails or files are shared with the spare.
/// </summary>
public sealed class RecycledStagingFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Output => _temp.Combine("output");

    private string Spare => _temp.Combine(".output.spare");

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

    /// <summary>Two linking builds: the second replaces the first's output, which becomes the spare.</summary>
    private async Task GivenASpare(params (string Destination, string Content)[] spareFiles)
    {
        await StageAndWrite(null, [.. spareFiles.Select(f => Page(f.Destination, f.Content))]);
        await StageAndWrite(KnownOutput(), [Page("a/index.html", "<p>a</p>"), Page("b/index.html", "<p>b</p>")]);
        Assert.True(Directory.Exists(Spare));
    }

    [Fact]
    public async Task Given_a_linking_build_When_it_replaces_an_output_Then_the_replaced_output_is_kept_as_the_spare()
    {
        // Given an output
        await StageAndWrite(null, [Page("a/index.html", "<p>a</p>"), Page("old/index.html", "<p>old</p>")]);

        // When a build that links from it replaces it
        await StageAndWrite(KnownOutput(), [Page("a/index.html", "<p>a</p>"), Page("new/index.html", "<p>new</p>")]);

        // Then the output is the new plan, and the replaced one waits beside it as the spare
        Assert.Equal(["a/index.html", "new/index.html"], TempFolder.Snapshot(Output).Keys);
        Assert.Equal(["a/index.html", "old/index.html"], TempFolder.Snapshot(Spare).Keys);
        Assert.Equal(["output", ".output.spare"], Directory.EnumerateDirectories(_temp.Path).Select(Path.GetFileName).OrderDescending(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Given_a_spare_with_other_files_and_folders_When_the_next_linking_build_stages_into_it_Then_the_output_is_exactly_the_plan()
    {
        // Given a spare holding files and folders the next plan does not have, a folder where the plan puts a file, and
        // a file someone put there by hand
        await GivenASpare(("a/index.html", "<p>a</p>"), ("gone/deep/index.html", "<p>gone</p>"), ("clash/index.html", "<p>clash</p>"));
        File.WriteAllText(Path.Combine(Spare, "a", "stray.html"), "stray");
        var outputBefore = TempFolder.Snapshot(Output);

        // When the next linking build stages its pages (one linked, one new, one where the spare has a folder)
        var result = await StageAndWrite(KnownOutput(), [Page("a/index.html", "<p>a</p>"), Page("c/index.html", "<p>c</p>"), Page("clash", "a file now")]);

        // Then the output holds exactly the plan's files and folders; the spare is now the output replaced
        Assert.Equal(OutputWriteOutcome.Replaced, result.Outcome);
        Assert.Equal(["a/index.html", "c/index.html", "clash"], TempFolder.Snapshot(Output).Keys);
        Assert.Equal(["a", "c"], FoldersIn(Output));
        Assert.Equal("<p>a</p>", File.ReadAllText(Path.Combine(Output, "a", "index.html")));
        Assert.Equal("a file now", File.ReadAllText(Path.Combine(Output, "clash")));
        Assert.Equal(outputBefore, TempFolder.Snapshot(Spare));
        Assert.Empty(Directory.EnumerateDirectories(_temp.Path, ".output.tmp-*"));
    }

    [Fact]
    public async Task Given_a_spare_sharing_files_with_the_output_When_the_next_build_takes_it_and_fails_Then_the_output_is_exactly_as_it_was()
    {
        // Given: the output's a/index.html was linked from the replaced output, so the spare holds the same file
        await GivenASpare(("a/index.html", "<p>a</p>"), ("old/index.html", "<p>old</p>"));
        var before = TempFolder.Snapshot(Output);
        var writtenAt = File.GetLastWriteTimeUtc(Path.Combine(Output, "a", "index.html"));

        // When a linking build stages into the spare (deleting its files) and then fails
        var result = await StageAndWrite(KnownOutput(), [Page("a/index.html", "<p>a, changed</p>"), Page("b/index.html", "<p>b</p>")], buildSucceeded: false);

        // Then the output's files, their bytes and times are untouched, and no staging folder is left
        Assert.Equal(OutputWriteOutcome.SkippedBecauseBuildFailed, result.Outcome);
        Assert.Equal(before, TempFolder.Snapshot(Output));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(Path.Combine(Output, "a", "index.html")));
        Assert.Empty(Directory.EnumerateDirectories(_temp.Path, ".output.tmp-*"));
        Assert.False(Directory.Exists(Spare));
    }

    [Fact]
    public async Task Given_a_spare_When_a_build_that_does_not_link_writes_the_output_Then_the_spare_is_deleted()
    {
        // Given
        await GivenASpare(("a/index.html", "<p>a</p>"));

        // When a build without the previous output's files (no cache) replaces the output
        await StageAndWrite(null, [Page("a/index.html", "<p>a</p>")]);

        // Then no spare is left to hold old files no build would take
        Assert.False(Directory.Exists(Spare));
        Assert.Equal(["output"], Directory.EnumerateDirectories(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Given_a_spare_with_files_and_a_link_to_a_folder_elsewhere_When_it_is_taken_Then_only_its_folders_are_left_and_nothing_elsewhere_is_deleted()
    {
        // Given
        _temp.WriteText(".output.spare/a/index.html", "a");
        _temp.WriteText(".output.spare/a/b/deep.html", "deep");
        _temp.WriteText(".output.spare/top.html", "top");
        var elsewhere = _temp.WriteText("elsewhere/keep.html", "keep");
        Directory.CreateSymbolicLink(Path.Combine(Spare, "a", "linked"), Path.GetDirectoryName(elsewhere)!);
        var staging = _temp.Combine(".output.tmp-test");

        // When
        var folders = RecycledStagingFolder.TryTake(_temp.Path, "output", staging, deletionThreads: 2);

        // Then the spare is the staging folder, emptied of every file and link; the linked folder's file is still there
        Assert.NotNull(folders);
        Assert.Equal(["a", "a/b"], folders.Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Spare));
        Assert.Empty(TempFolder.Snapshot(staging));
        Assert.Equal(["a", "a/b"], FoldersIn(staging));
        Assert.Equal("keep", File.ReadAllText(elsewhere));
    }

    [Fact]
    public void Given_no_spare_When_one_is_taken_Then_there_is_none_and_nothing_is_made()
    {
        // Given / When
        var staging = _temp.Combine(".output.tmp-test");
        var folders = RecycledStagingFolder.TryTake(_temp.Path, "output", staging, deletionThreads: 2);

        // Then
        Assert.Null(folders);
        Assert.False(Directory.Exists(staging));
    }
}
