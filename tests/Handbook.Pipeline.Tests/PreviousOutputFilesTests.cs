namespace Handbook.Pipeline.Tests;

using System.Security.Cryptography;
using System.Text;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// Staging with the previous output's files (<see cref="PreviousOutputFiles"/>): a file whose bytes are unchanged is
/// left in place in the output folder instead of written; the output must be exactly what writing every file gives,
/// and the output that was there must never change before the final write – also when the build fails.
/// </summary>
public sealed class PreviousOutputFilesTests : IDisposable
{
    // A write time no build makes: a file left in place keeps it, a written one gets the time of writing.
    private static readonly DateTime Past = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    private readonly TempFolder _temp = new();

    private string Output => _temp.Combine("output");

    public void Dispose() => _temp.Dispose();

    private static Document Page(string destination, string content) => new(destination + ".md", destination, content, Metadata.Empty);

    /// <summary>Writes the files as the previous build's output, dated <see cref="Past"/>, and returns what a cache would know of them.</summary>
    private PreviousOutputFiles GivenAPreviousOutput(params (string Destination, string Content)[] files)
    {
        var known = new Dictionary<string, PreviousOutputFiles.KnownFile>(StringComparer.Ordinal);
        foreach (var (destination, content) in files)
        {
            var path = _temp.WriteText("output/" + destination, content);
            File.SetLastWriteTimeUtc(path, Past);
            var bytes = Encoding.UTF8.GetBytes(content);
            known[destination] = new PreviousOutputFiles.KnownFile(SHA256.HashData(bytes), bytes.Length, Past.Ticks);
        }

        return new PreviousOutputFiles(Output, known);
    }

    private DateTime WrittenAt(string destination) => File.GetLastWriteTimeUtc(Path.Combine(Output, destination));

    private async Task<OutputWriteResult> StageAndWrite(PreviousOutputFiles previous, IReadOnlyList<Document> documents, bool buildSucceeded = true)
    {
        var writer = new OutputWriter(Output);
        using var staging = writer.BeginStaging(hashesFiles: true, previous);
        var staged = documents.Select(d => staging.Stage(d)).ToList();
        return await writer.WriteAsync(staged, buildSucceeded, new DiagnosticBag());
    }

    [Fact]
    public async Task Given_a_previous_output_When_a_page_is_staged_with_the_same_bytes_Then_it_is_left_in_place_and_a_changed_page_is_written()
    {
        // Given
        var previous = GivenAPreviousOutput(("same/index.html", "<p>same</p>\n"), ("changed/index.html", "<p>before</p>\n"), ("gone.html", "gone"));

        // When
        var result = await StageAndWrite(previous, [Page("same/index.html", "<p>same</p>\n"), Page("changed/index.html", "<p>after!</p>\n"), Page("new.html", "new")]);

        // Then: exactly the new pages, the unchanged one being the previous file (its write time kept)
        Assert.Equal(OutputWriteOutcome.Replaced, result.Outcome);
        Assert.Equal(1, previous.KeptCount);
        Assert.Equal(["changed/index.html", "new.html", "same/index.html"], TempFolder.Snapshot(Output).Keys);
        Assert.Equal("<p>same</p>\n", File.ReadAllText(Path.Combine(Output, "same/index.html")));
        Assert.Equal("<p>after!</p>\n", File.ReadAllText(Path.Combine(Output, "changed/index.html")));
        Assert.Equal(Past, WrittenAt("same/index.html"));
        Assert.NotEqual(Past, WrittenAt("changed/index.html"));
    }

    [Fact]
    public async Task Given_a_previous_output_When_pages_are_staged_by_the_hash_of_their_bytes_Then_only_a_file_still_holding_them_is_left_in_place()
    {
        // Given: two files of the previous output, one of them touched since the build wrote it
        var previous = GivenAPreviousOutput(("same/index.html", "<p>same</p>\n"), ("touched.html", "<p>touched</p>"));
        File.SetLastWriteTimeUtc(Path.Combine(Output, "touched.html"), DateTime.UtcNow);
        var writer = new OutputWriter(Output);
        using var staging = writer.BeginStaging(hashesFiles: true, previous);

        // When each is staged without its text, by the hash and length of the bytes it would be
        var same = staging.TryStageUnchanged(Page("same/index.html", string.Empty), Sha256("<p>same</p>\n"), 12);
        var elsewhere = staging.TryStageUnchanged(Page("elsewhere.html", string.Empty), Sha256("<p>same</p>\n"), 12);
        var otherBytes = staging.TryStageUnchanged(Page("same/index.html", string.Empty), Sha256("<p>other</p>\n"), 13);
        var touched = staging.TryStageUnchanged(Page("touched.html", string.Empty), Sha256("<p>touched</p>"), 14);

        // Then only the file that still holds those bytes is left in place; the others are refused and nothing is left staged
        // for them: the touched page is staged from its text as usual
        Assert.NotNull(same?.Staged);
        Assert.Null(elsewhere);
        Assert.Null(otherBytes);
        Assert.Null(touched);
        var written = staging.Stage(Page("touched.html", "<p>touched</p>"));
        Assert.NotNull(written.Staged);
        var result = await writer.WriteAsync([same!, written], buildSucceeded: true, new DiagnosticBag());
        Assert.Equal(OutputWriteOutcome.Replaced, result.Outcome);
        Assert.Equal(["same/index.html", "touched.html"], TempFolder.Snapshot(Output).Keys);
        Assert.Equal("<p>same</p>\n", File.ReadAllText(Path.Combine(Output, "same/index.html")));
        Assert.Equal("<p>touched</p>", File.ReadAllText(Path.Combine(Output, "touched.html")));
        Assert.Equal(Past, WrittenAt("same/index.html"));
        Assert.Equal(1, previous.KeptCount);
    }

    private static byte[] Sha256(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("touched")]
    [InlineData("resized")]
    [InlineData("missing")]
    public async Task Given_a_previous_file_changed_since_it_was_written_When_the_same_bytes_are_staged_Then_they_are_written_again(string change)
    {
        // Given: the cache's knowledge of the file no longer holds
        var previous = GivenAPreviousOutput(("page.html", "<p>page</p>"));
        var path = Path.Combine(Output, "page.html");
        switch (change)
        {
            case "touched": File.SetLastWriteTimeUtc(path, Past.AddSeconds(1)); break;
            case "resized": File.AppendAllText(path, "more"); File.SetLastWriteTimeUtc(path, Past); break;
            default: File.Delete(path); break;
        }

        // When
        await StageAndWrite(previous, [Page("page.html", "<p>page</p>")]);

        // Then
        Assert.Equal(0, previous.KeptCount);
        Assert.Equal("<p>page</p>", File.ReadAllText(path));
        Assert.NotEqual(Past, WrittenAt("page.html"));
    }

    [Fact]
    public async Task Given_a_build_that_left_unchanged_pages_in_place_When_it_fails_Then_the_previous_output_is_exactly_as_it_was()
    {
        // Given
        var previous = GivenAPreviousOutput(("a/index.html", "<p>a</p>"), ("b/index.html", "<p>b</p>"));
        var before = TempFolder.Snapshot(Output);

        // When: the pages are staged (one left in place) and the build then fails
        var result = await StageAndWrite(previous, [Page("a/index.html", "<p>a</p>"), Page("b/index.html", "<p>b, changed</p>")], buildSucceeded: false);

        // Then: the output's files and their bytes are untouched, and the staged folder is gone
        Assert.Equal(OutputWriteOutcome.SkippedBecauseBuildFailed, result.Outcome);
        Assert.Equal(1, previous.KeptCount);
        Assert.Equal(before, TempFolder.Snapshot(Output));
        Assert.Equal(Past, WrittenAt("a/index.html"));
        Assert.Empty(Directory.EnumerateDirectories(_temp.Path, ".output.*"));
    }

    [Fact]
    public async Task Given_files_kept_in_the_output_When_the_next_build_changes_them_Then_they_are_replaced_by_new_files()
    {
        // Given an output whose page was left in place from the one before
        var first = GivenAPreviousOutput(("page.html", "<p>one</p>"));
        await StageAndWrite(first, [Page("page.html", "<p>one</p>")]);
        Assert.Equal(1, first.KeptCount);
        var outputFile = Path.Combine(Output, "page.html");
        var bytes = Encoding.UTF8.GetBytes("<p>one</p>");
        var second = new PreviousOutputFiles(Output, new Dictionary<string, PreviousOutputFiles.KnownFile>
        {
            ["page.html"] = new(SHA256.HashData(bytes), bytes.Length, File.GetLastWriteTimeUtc(outputFile).Ticks),
        });

        // When the next build writes new bytes there
        await StageAndWrite(second, [Page("page.html", "<p>two</p>")]);

        // Then the new bytes are a new file: the output holds them
        Assert.Equal(0, second.KeptCount);
        Assert.Equal("<p>two</p>", File.ReadAllText(outputFile));
    }

    [Fact]
    public async Task Given_an_unstaged_binary_file_with_unchanged_bytes_When_the_output_is_written_Then_the_final_write_leaves_it_in_place_too()
    {
        // Given
        var previous = GivenAPreviousOutput(("img/logo.png", "PNG bytes"));

        // When: an image (never staged) goes through the final write
        var image = Document.FromBytes("img/logo.png", Encoding.UTF8.GetBytes("PNG bytes")).WithDestination("img/logo.png");
        await StageAndWrite(previous, [image]);

        // Then
        Assert.Equal(1, previous.KeptCount);
        Assert.Equal("PNG bytes", File.ReadAllText(Path.Combine(Output, "img/logo.png")));
        Assert.Equal(Past, WrittenAt("img/logo.png"));
    }

    [Fact]
    public async Task Given_a_staging_that_hashes_When_pages_and_a_streamed_file_are_staged_Then_each_staged_file_carries_the_sha256_of_its_bytes()
    {
        // Given
        var writer = new OutputWriter(Output);
        using var staging = writer.BeginStaging(hashesFiles: true, previous: null);

        // When
        var fromText = staging.Stage(Page("a.html", "<p>å</p>"));
        var fromAsync = await staging.StageAsync(Page("b.html", "<p>b</p>"));
        var streamed = staging.StageFile("c.json", "c.json", Metadata.Empty, stream =>
        {
            stream.Write("[1,"u8);
            stream.WriteByte((byte)'2');
            stream.Write("]"u8);
        });

        // Then
        foreach (var document in new[] { fromText, fromAsync, streamed })
        {
            var staged = Assert.IsType<StagedFile>(document.Staged);
            Assert.Equal(SHA256.HashData(staged.ReadAllBytes()), staged.Sha256!.Value.ToArray());
        }

        Assert.Equal("[1,2]", streamed.Staged!.ReadAllText());
    }

    [Fact]
    public void Given_a_staging_that_does_not_hash_When_a_page_is_staged_Then_it_has_no_hash()
    {
        var writer = new OutputWriter(Output);
        using var staging = writer.BeginStaging();

        var staged = staging.Stage(Page("a.html", "<p>a</p>"));

        Assert.Null(staged.Staged!.Sha256);
    }
}
