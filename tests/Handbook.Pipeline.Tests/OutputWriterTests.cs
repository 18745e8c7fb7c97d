namespace Handbook.Pipeline.Tests;

using System.Text;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Tests.Support;

public sealed class OutputWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Output => _temp.Combine("output");

    public void Dispose() => _temp.Dispose();

    private static Document Page(string source, string destination, string content) => new(source, destination, content, Metadata.Empty);

    private static List<Document> Pages(int count) =>
        Enumerable.Range(0, count).Select(i => Page($"p{i:00}.md", $"section-{i % 3}/p{i:00}/index.html", $"<p>page {i}</p>\r\n")).ToList();

    /// <summary>Gives an existing output folder with one file, so tests can check it survives.</summary>
    private void GivenAnOldOutput() => _temp.WriteText("output/old.html", "previous build");

    private void AssertOldOutputIntact() =>
        Assert.Equal(["old.html"], TempFolder.Snapshot(Output).Keys);

    private void AssertNoTemporaryFoldersLeft() =>
        Assert.Empty(Directory.EnumerateDirectories(_temp.Path, ".output.*"));

    [Fact]
    public async Task A_successful_build_replaces_the_old_output_with_exactly_the_new_files()
    {
        // Given an old output and three pages, one with CRLF and one binary
        GivenAnOldOutput();
        Document[] documents =
        [
            Page("a.md", "a/index.html", "<h1>Å</h1>\r\n"),
            Page("b.md", "b.html", "plain"),
            Document.FromBytes("logo.png", [0x89, 0x00, 0x0D, 0x0A]) with { Destination = "images/logo.png" },
            Document.FromSource("partial.md", "no destination: not written"),
        ];
        var bag = new DiagnosticBag();

        // When written after a successful build
        var result = await new OutputWriter(Output).WriteAsync(documents, buildSucceeded: true, bag);

        // Then the output holds exactly the new files, text as UTF-8 without BOM with LF, bytes unchanged
        Assert.Equal(OutputWriteOutcome.Replaced, result.Outcome);
        Assert.Equal(3, result.FilesWritten);
        Assert.Empty(bag.Sorted());
        var files = TempFolder.Snapshot(Output);
        Assert.Equal(["a/index.html", "b.html", "images/logo.png"], files.Keys);
        Assert.Equal(new UTF8Encoding(false).GetBytes("<h1>Å</h1>\n"), files["a/index.html"]);
        Assert.Equal([0x89, 0x00, 0x0D, 0x0A], files["images/logo.png"]);
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task Every_text_page_is_written_as_exactly_its_output_bytes()
    {
        // Given text pages of every shape the pooled encoder meets: empty, non-ASCII, a lone surrogate, a large page
        // and small pages written after it (a reused buffer must not leak the large page's tail), and CRLF
        var large = string.Concat(Enumerable.Repeat("<p>Ünïcode 日本 😀 text</p>\n", 20_000));
        Document[] documents =
        [
            Page("empty.md", "empty.html", string.Empty),
            Page("letters.md", "letters.html", "Å é 日本 😀"),
            Page("surrogate.md", "surrogate.html", "lone \ud800 half"),
            Page("large.md", "large.html", large),
            .. Enumerable.Range(0, 20).Select(i => Page($"small{i}.md", $"small{i}.html", $"<p>{i}</p>")),
            Page("crlf.md", "crlf.html", "a\r\nb\r"),
        ];

        // When they are written with one writer thread, so buffers are reused in order
        await new OutputWriter(Output, new OutputWriterOptions { MaxDegreeOfParallelism = 1 }).WriteAsync(documents, true, new DiagnosticBag());

        // Then each file holds exactly what ToOutputBytes defines
        var files = TempFolder.Snapshot(Output);
        Assert.Equal(documents.Length, files.Count);
        Assert.All(documents, d => Assert.Equal(d.ToOutputBytes(), files[d.Destination!]));
    }

    [Fact]
    public async Task The_output_folder_is_created_when_it_does_not_exist()
    {
        var result = await new OutputWriter(_temp.Combine("deeper", "output")).WriteAsync([Page("a.md", "a.html", "a")], true, new DiagnosticBag());

        Assert.True(result.Replaced);
        Assert.True(File.Exists(_temp.Combine("deeper", "output", "a.html")));
    }

    [Fact]
    public async Task Same_documents_give_the_same_bytes_whatever_the_write_parallelism()
    {
        // Given the same pages written once with one writer thread and once with eight
        await new OutputWriter(_temp.Combine("one"), new OutputWriterOptions { MaxDegreeOfParallelism = 1 }).WriteAsync(Pages(40), true, new DiagnosticBag());
        await new OutputWriter(_temp.Combine("eight"), new OutputWriterOptions { MaxDegreeOfParallelism = 8 }).WriteAsync(Pages(40), true, new DiagnosticBag());

        // Then both trees are byte for byte the same
        var one = TempFolder.Snapshot(_temp.Combine("one"));
        var eight = TempFolder.Snapshot(_temp.Combine("eight"));
        Assert.Equal(40, one.Count);
        Assert.Equal(one.Keys, eight.Keys);
        Assert.All(one, pair => Assert.Equal(pair.Value, eight[pair.Key]));
    }

    [Fact]
    public async Task A_failed_build_leaves_the_old_output_untouched()
    {
        GivenAnOldOutput();

        var result = await new OutputWriter(Output).WriteAsync(Pages(3), buildSucceeded: false, new DiagnosticBag());

        Assert.Equal(OutputWriteOutcome.SkippedBecauseBuildFailed, result.Outcome);
        AssertOldOutputIntact();
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task Keep_going_writes_the_output_of_a_failed_build()
    {
        GivenAnOldOutput();

        var result = await new OutputWriter(Output, new OutputWriterOptions { KeepGoing = true }).WriteAsync(Pages(3), buildSucceeded: false, new DiagnosticBag());

        Assert.True(result.Replaced);
        Assert.Equal(3, TempFolder.Snapshot(Output).Count);
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task Cancellation_while_writing_keeps_the_old_output_and_leaves_no_temporary_folder()
    {
        // Given an old output and a writer whose token is cancelled while the tenth file is written
        GivenAnOldOutput();
        using var cancellation = new CancellationTokenSource();
        var writer = new CancellingWriter(Output, "p10.md", cancellation);

        // When 40 pages are written, Then the write is cancelled
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(Pages(40), true, new DiagnosticBag(), cancellation.Token));

        // And the previous output is exactly as it was, with nothing left beside it
        Assert.True(writer.WroteSomething);
        AssertOldOutputIntact();
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task Cancellation_before_writing_keeps_the_old_output()
    {
        GivenAnOldOutput();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new OutputWriter(Output).WriteAsync(Pages(3), true, new DiagnosticBag(), cancellation.Token));

        AssertOldOutputIntact();
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task An_exception_in_a_document_writer_keeps_the_old_output_and_reports_INTERNAL005_at_that_document()
    {
        // Given an old output and a writer with a bug for one page
        GivenAnOldOutput();
        var bag = new DiagnosticBag();

        // When 20 pages are written
        var result = await new FailingWriter(Output, "p07.md").WriteAsync(Pages(20), true, bag);

        // Then nothing is swapped in, and the failure is reported at the page
        Assert.Equal(OutputWriteOutcome.Failed, result.Outcome);
        var d = Assert.Single(bag.Sorted());
        Assert.Equal(("INTERNAL005", "p07.md"), (d.Code, d.Location.Path));
        Assert.Contains("disk on fire", d.Message, StringComparison.Ordinal);
        AssertOldOutputIntact();
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task Several_writer_failures_on_many_threads_still_end_in_a_report_and_the_old_output()
    {
        // Given every tenth of 200 pages failing, written on eight threads
        GivenAnOldOutput();
        var bag = new DiagnosticBag();

        // When written
        var result = await new FailingWriter(Output, "0.md", threads: 8).WriteAsync(Pages(200), true, bag);

        // Then the write fails cleanly: reported at a failing page, old output intact, nothing left behind
        Assert.Equal(OutputWriteOutcome.Failed, result.Outcome);
        Assert.All(bag.Sorted(), d => Assert.Equal("INTERNAL005", d.Code));
        Assert.Contains(bag.Sorted(), d => d.Location.Path.EndsWith("0.md", StringComparison.Ordinal));
        AssertOldOutputIntact();
        AssertNoTemporaryFoldersLeft();
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../escape.html")]
    [InlineData("a/../../escape.html")]
    [InlineData("C:/windows.html")]
    [InlineData("a\\b.html")]
    [InlineData("a//b.html")]
    [InlineData("a/")]
    [InlineData("./a.html")]
    [InlineData("")]
    public async Task A_destination_that_could_leave_the_output_folder_is_refused_with_INTERNAL003(string destination)
    {
        // Given an old output and one page with a bad destination among good ones
        GivenAnOldOutput();
        var bag = new DiagnosticBag();
        List<Document> documents = [.. Pages(2), Page("bad.md", destination, "x")];

        // When written
        var result = await new OutputWriter(Output).WriteAsync(documents, true, bag);

        // Then it is reported at its source, and the output is not replaced by an incomplete one
        var d = Assert.Single(bag.Sorted());
        Assert.Equal(("INTERNAL003", "bad.md"), (d.Code, d.Location.Path));
        Assert.Equal(OutputWriteOutcome.SkippedBecauseBuildFailed, result.Outcome);
        AssertOldOutputIntact();
        Assert.False(File.Exists(_temp.Combine("escape.html")));
    }

    [Fact]
    public async Task Keep_going_writes_the_valid_files_but_never_a_refused_destination()
    {
        var bag = new DiagnosticBag();

        var result = await new OutputWriter(Output, new OutputWriterOptions { KeepGoing = true })
            .WriteAsync([Page("good.md", "good.html", "g"), Page("bad.md", "../escape.html", "x")], true, bag);

        Assert.True(result.Replaced);
        Assert.Equal(["good.html"], TempFolder.Snapshot(Output).Keys);
        Assert.False(File.Exists(_temp.Combine("escape.html")));
        Assert.Equal("INTERNAL003", Assert.Single(bag.Sorted()).Code);
    }

    [Fact]
    public async Task Two_documents_with_one_destination_are_INTERNAL004_at_the_second_in_source_order()
    {
        var bag = new DiagnosticBag();

        await new OutputWriter(Output, new OutputWriterOptions { KeepGoing = true })
            .WriteAsync([Page("z.md", "same.html", "z"), Page("a.md", "same.html", "a")], true, bag);

        var d = Assert.Single(bag.Sorted());
        Assert.Equal(("INTERNAL004", "z.md"), (d.Code, d.Location.Path));
        Assert.Contains("'a.md'", d.Message, StringComparison.Ordinal);
        Assert.Equal("a"u8.ToArray(), File.ReadAllBytes(_temp.Combine("output", "same.html")));
    }

    [Fact]
    public async Task A_file_where_another_document_needs_a_folder_is_INTERNAL004()
    {
        var bag = new DiagnosticBag();

        var result = await new OutputWriter(Output).WriteAsync([Page("a.md", "team", "file"), Page("b.md", "team/index.html", "page")], true, bag);

        var d = Assert.Single(bag.Sorted());
        Assert.Equal(("INTERNAL004", "a.md"), (d.Code, d.Location.Path));
        Assert.False(result.Replaced);
    }

    [Fact]
    public async Task An_output_folder_that_contains_the_input_folder_is_refused_with_IO006()
    {
        _temp.WriteText("site/input/job-families/a.md", "source");
        var bag = new DiagnosticBag();

        var result = await new OutputWriter(_temp.Combine("site"), new OutputWriterOptions { InputFolder = _temp.Combine("site", "input") })
            .WriteAsync([Page("a.md", "a.html", "x")], true, bag);

        Assert.Equal(OutputWriteOutcome.Failed, result.Outcome);
        Assert.Equal("IO006", Assert.Single(bag.Sorted()).Code);
        Assert.True(File.Exists(_temp.Combine("site", "input", "job-families", "a.md")));
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_created_is_INTERNAL005_not_an_exception()
    {
        // Given a file where the output folder's parent should be
        _temp.WriteText("blocked", "a file, not a folder");
        var bag = new DiagnosticBag();

        // When writing into it
        var result = await new OutputWriter(_temp.Combine("blocked", "output")).WriteAsync(Pages(1), true, bag);

        // Then it is reported, not thrown
        Assert.Equal(OutputWriteOutcome.Failed, result.Outcome);
        Assert.Equal(("INTERNAL005", "(site)"), (bag.Sorted()[0].Code, bag.Sorted()[0].Location.Path));
    }

    [Fact]
    public async Task Leftovers_of_a_crashed_build_are_removed_once_they_are_old()
    {
        // Given a temporary folder a killed build left an hour ago, and a fresh one of a build still running
        var stale = Directory.CreateDirectory(_temp.Combine(".output.tmp-crashed"));
        stale.LastWriteTimeUtc = DateTime.UtcNow.AddHours(-1);
        Directory.CreateDirectory(_temp.Combine(".output.tmp-running"));

        // When a build writes
        await new OutputWriter(Output).WriteAsync(Pages(1), true, new DiagnosticBag());

        // Then only the stale one is gone
        Assert.Equal([".output.tmp-running"], Directory.EnumerateDirectories(_temp.Path, ".output.*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteOutput_stage_does_not_replace_the_output_after_an_error_in_the_build()
    {
        // Given an old output and a site whose stages report an error
        GivenAnOldOutput();
        var site = new Site().AddStages(new ThrowOn("p01.md"), new WriteOutput(new OutputWriter(Output)));

        // When it runs
        var result = await site.RunAsync(Pages(3));

        // Then the build failed and the old output is still there
        Assert.False(result.Succeeded);
        AssertOldOutputIntact();
    }

    [Fact]
    public async Task WriteOutput_stage_replaces_the_output_after_a_clean_build()
    {
        GivenAnOldOutput();
        var site = new Site().AddStage(new WriteOutput(new OutputWriter(Output)));

        var result = await site.RunAsync(Pages(3));

        Assert.True(result.Succeeded);
        Assert.Equal(3, TempFolder.Snapshot(Output).Count);
    }

    [Fact]
    public async Task Publishing_early_writes_only_changed_pages_that_replace_what_was_written_and_the_final_write_skips_them()
    {
        // Given an in-place writer that wrote three pages
        var writer = new OutputWriter(Output, new OutputWriterOptions { UpdateInPlace = true });
        var pages = Pages(3);
        await writer.WriteAsync(pages, true, new DiagnosticBag());

        // When p01 changed, p02 is the same, a page comes from another source at p00's destination, and one is new
        var changed = Page("p01.md", pages[1].Destination!, "<p>edited</p>");
        Document[] offered =
        [
            changed,
            Page("p02.md", pages[2].Destination!, pages[2].Content),
            Page("other.md", pages[0].Destination!, "<p>not its file</p>"),
            Page("new.md", "new/index.html", "<p>new</p>"),
        ];
        var published = await writer.PublishAsync(offered);

        // Then only p01 was written, in place
        Assert.Equal([changed.Destination!], published);
        var files = TempFolder.Snapshot(Output);
        Assert.Equal("<p>edited</p>", Encoding.UTF8.GetString(files[changed.Destination!]));
        Assert.Equal(["section-0/p00/index.html", "section-1/p01/index.html", "section-2/p02/index.html"], files.Keys);
        Assert.Empty(Directory.EnumerateFiles(Output, ".*", SearchOption.AllDirectories));

        // And the final write of the same build neither writes it again nor lists it as changed
        var final = await writer.WriteAsync([pages[0], changed, pages[2]], true, new DiagnosticBag());
        Assert.True(final.Replaced);
        Assert.Empty(final.ChangedFiles);
    }

    [Fact]
    public async Task Publishing_early_does_nothing_before_the_first_write_or_without_updates_in_place()
    {
        var fresh = new OutputWriter(Output, new OutputWriterOptions { UpdateInPlace = true });
        Assert.Empty(await fresh.PublishAsync(Pages(2)));
        Assert.False(Directory.Exists(Output));

        var swapping = new OutputWriter(Output);
        await swapping.WriteAsync(Pages(2), true, new DiagnosticBag());
        Assert.Empty(await swapping.PublishAsync([Page("p00.md", "section-0/p00/index.html", "<p>edited</p>")]));
        Assert.Equal("<p>page 0</p>\n", Encoding.UTF8.GetString(TempFolder.Snapshot(Output)["section-0/p00/index.html"]));
    }

    private sealed class FailingWriter(string output, string failOn, int threads = 2)
        : OutputWriter(output, new OutputWriterOptions { MaxDegreeOfParallelism = threads })
    {
        protected override Task WriteDocumentAsync(Document document, string fullPath, CancellationToken cancellationToken) =>
            document.SourcePath.EndsWith(failOn, StringComparison.Ordinal)
                ? throw new InvalidOperationException("disk on fire")
                : base.WriteDocumentAsync(document, fullPath, cancellationToken);
    }

    private sealed class CancellingWriter(string output, string cancelAt, CancellationTokenSource source)
        : OutputWriter(output, new OutputWriterOptions { MaxDegreeOfParallelism = 1 })
    {
        public bool WroteSomething { get; private set; }

        protected override async Task WriteDocumentAsync(Document document, string fullPath, CancellationToken cancellationToken)
        {
            if (document.SourcePath == cancelAt)
            {
                await source.CancelAsync();
            }

            await base.WriteDocumentAsync(document, fullPath, cancellationToken);
            WroteSomething = true;
        }
    }
}
