namespace Handbook.Pipeline.Tests;

using System.Text;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// Staging (<see cref="OutputStaging"/>): documents written early into the output a one-shot build is making must give
/// exactly the folder and the diagnostics that writing them all at the end gives (the oracle: an unstaged
/// <see cref="OutputWriter.WriteAsync"/> of the same documents), with the writer's guarantees (old output intact after
/// a failure or cancellation, no temporary folder left).
/// </summary>
public sealed class OutputStagingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Output => _temp.Combine("output");

    public void Dispose() => _temp.Dispose();

    private static Document Page(string source, string destination, string content) => new(source, destination, content, Metadata.Empty);

    private static List<Document> Pages(int count) =>
        Enumerable.Range(0, count).Select(i => Page($"p{i:00}.md", $"section-{i % 3}/p{i:00}/index.html", $"<p>page {i} Å 日本 😀</p>\n")).ToList();

    private void GivenAnOldOutput() => _temp.WriteText("output/old.html", "previous build");

    private void AssertOldOutputIntact() => Assert.Equal(["old.html"], TempFolder.Snapshot(Output).Keys);

    private void AssertNoTemporaryFoldersLeft() => Assert.Empty(Directory.EnumerateDirectories(_temp.Path, ".output.*"));

    /// <summary>Writes <paramref name="documents"/> unstaged into a folder of its own: what staging must not change.</summary>
    private async Task<(SortedDictionary<string, byte[]> Files, string[] Diagnostics, OutputWriteOutcome Outcome)> Unstaged(IReadOnlyList<Document> documents, bool keepGoing = false)
    {
        var bag = new DiagnosticBag();
        var folder = _temp.Combine("oracle-" + Guid.NewGuid().ToString("N"));
        var result = await new OutputWriter(folder, new OutputWriterOptions { KeepGoing = keepGoing }).WriteAsync(documents, true, bag);
        return (Directory.Exists(folder) ? TempFolder.Snapshot(folder) : [], [.. bag.Sorted().Select(d => d.ToString())], result.Outcome);
    }

    /// <summary>Stages the documents <paramref name="stage"/> picks (in list order), then writes them all as a build's last stage does.</summary>
    private async Task<(SortedDictionary<string, byte[]> Files, string[] Diagnostics, OutputWriteOutcome Outcome, List<Document> Written)> Staged(
        IReadOnlyList<Document> documents, Func<Document, bool> stage, bool keepGoing = false)
    {
        var bag = new DiagnosticBag();
        var writer = new OutputWriter(Output, new OutputWriterOptions { KeepGoing = keepGoing });
        using var staging = writer.BeginStaging();
        var written = new List<Document>();
        foreach (var document in documents)
        {
            written.Add(stage(document) ? await staging.StageAsync(document) : document);
        }

        var result = await writer.WriteAsync(written, true, bag);
        return (Directory.Exists(Output) ? TempFolder.Snapshot(Output) : [], [.. bag.Sorted().Select(d => d.ToString())], result.Outcome, written);
    }

    private static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(actual[pair.Key]), pair.Key + " differs"));
    }

    [Fact]
    public async Task Staged_and_unstaged_documents_give_the_same_folder_as_writing_them_all_at_the_end()
    {
        // Given pages, a binary file, a page with CRLF and one with a lone surrogate (text that does not read back as itself)
        GivenAnOldOutput();
        List<Document> documents =
        [
            .. Pages(12),
            Document.FromBytes("logo.png", [0x89, 0x00, 0x0D, 0x0A]) with { Destination = "images/logo.png" },
            Page("crlf.md", "crlf/index.html", "a\r\nb"),
            Page("surrogate.md", "surrogate.html", "lone \ud800 half"),
            Page("bom.md", "bom.html", "\uFEFFstarts with a BOM character"),
            Document.FromSource("partial.md", "no destination: not written"),
        ];

        // When every document but the odd pages is offered for staging and the rest written at the end
        var odd = new HashSet<string>(Enumerable.Range(0, 12).Where(i => i % 2 == 1).Select(i => $"p{i:00}.md"), StringComparer.Ordinal);
        var oracle = await Unstaged(documents);
        var staged = await Staged(documents, d => !odd.Contains(d.SourcePath));

        // Then the output is exactly the oracle's, with the same (no) diagnostics, and nothing is left behind
        Assert.Equal(OutputWriteOutcome.Replaced, staged.Outcome);
        AssertSameFiles(oracle.Files, staged.Files);
        Assert.Equal(oracle.Diagnostics, staged.Diagnostics);
        Assert.Empty(staged.Diagnostics);
        AssertNoTemporaryFoldersLeft();

        // And the text pages that read back as themselves were staged, the others kept in memory
        var byPath = staged.Written.ToDictionary(d => d.SourcePath, StringComparer.Ordinal);
        Assert.NotNull(byPath["bom.md"].Staged);
        Assert.Null(byPath["crlf.md"].Staged);
        Assert.Null(byPath["surrogate.md"].Staged);
        Assert.Null(byPath["logo.png"].Staged);
        Assert.Null(byPath["partial.md"].Staged);
        Assert.All(staged.Written.Where(d => d.SourcePath.StartsWith('p') && d.Destination is not null), d => Assert.Equal(odd.Contains(d.SourcePath), d.Staged is null));
    }

    [Fact]
    public async Task Staging_into_new_nested_folders_and_folders_made_before_gives_the_same_folders_and_files_as_writing_them_all_at_the_end()
    {
        // Given destinations whose folders are all new (several levels), made by a file staged before, new below a folder
        // made before, at the top, and a file kept in memory whose folder a later staged file makes
        GivenAnOldOutput();
        List<Document> documents =
        [
            Page("deep.md", "families/team/role/versions/2024-01-01-abc1234/index.html", "<p>deep</p>\n"),
            Page("sibling.md", "families/team/role/versions/2024-01-01-abc1234/extra.html", "<p>same folder</p>\n"),
            Page("below.md", "families/team/role/history/index.html", "<p>new folder below a known one</p>\n"),
            Page("other.md", "families/team/other/versions/2023-05-06-def5678/index.html", "<p>new beside</p>\n"),
            Page("unstaged.md", "families/late/index.html", "<p>written at the end</p>\n"),
            Page("late.md", "families/late/versions/v1/index.html", "<p>makes the folder the unstaged page is in</p>\n"),
            Page("top.md", "top.html", "<p>top</p>\n"),
            Page("again.md", "families/team/role/index.html", "<p>in a folder made before</p>\n"),
        ];

        // When every document but one is staged (in list order) and the rest written at the end
        var oracle = await Unstaged(documents);
        var oracleFolders = FoldersIn(Directory.EnumerateDirectories(_temp.Path, "oracle-*").Single());
        var staged = await Staged(documents, d => d.SourcePath != "unstaged.md");

        // Then the files, the folders and the (no) diagnostics are the oracle's, and every offered page was staged (a
        // folder not made would have failed its write and left the page in memory)
        AssertSameFiles(oracle.Files, staged.Files);
        Assert.Equal(oracleFolders, FoldersIn(Output));
        Assert.Equal(oracle.Diagnostics, staged.Diagnostics);
        Assert.Equal(7, staged.Written.Count(d => d.Staged is not null));
        AssertNoTemporaryFoldersLeft();
    }

    private static List<string> FoldersIn(string folder) =>
        [.. Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Staging_text_from_a_buffer_gives_the_same_folder_as_writing_the_documents_with_that_text_at_the_end()
    {
        // Given pages of every shape (and a page whose text is in a buffer, not in the document, for each)
        GivenAnOldOutput();
        List<Document> documents =
        [
            .. Pages(8),
            Page("large.md", "large.html", string.Concat(Enumerable.Repeat("<p>Ünïcode 日本 😀 text</p>\n", 20_000))),
            Page("crlf.md", "crlf/index.html", "a\r\nb"),
            Page("surrogate.md", "surrogate.html", "lone \ud800 half"),
            Page("bom.md", "bom.html", "\uFEFFstarts with a BOM character"),
        ];

        // When each is staged from a buffer holding its text (the document itself without text); a refused one keeps
        // its text, as the theme's caller does, and everything is written at the end
        var oracle = await Unstaged(documents);
        var bag = new DiagnosticBag();
        var writer = new OutputWriter(Output);
        var written = new List<Document>();
        using (var staging = writer.BeginStaging())
        {
            foreach (var document in documents)
            {
                var buffer = ("(" + document.Content + ")").ToCharArray();
                var staged = staging.Stage(document with { Content = string.Empty }, buffer.AsSpan(1, document.Content.Length));
                written.Add(staged.Staged is null ? staged with { Content = document.Content } : staged);
            }

            await writer.WriteAsync(written, true, bag);
        }

        // Then the folder and diagnostics are the oracle's, and the same documents were staged as from their Content
        AssertSameFiles(oracle.Files, TempFolder.Snapshot(Output));
        Assert.Equal(oracle.Diagnostics, bag.Sorted().Select(d => d.ToString()).ToArray());
        var byPath = written.ToDictionary(d => d.SourcePath, StringComparer.Ordinal);
        Assert.NotNull(byPath["large.md"].Staged);
        Assert.NotNull(byPath["bom.md"].Staged);
        Assert.All(written.Where(d => d.Staged is not null), d => Assert.Equal(d.Staged!.ReadAllBytes().Length, d.Staged.Length));
        Assert.Null(byPath["crlf.md"].Staged);
        Assert.Null(byPath["surrogate.md"].Staged);
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task Staging_on_the_callers_thread_gives_the_same_folder_as_writing_them_all_at_the_end()
    {
        // Given pages of every shape, staged synchronously from parallel threads (as a rendering stage does)
        List<Document> documents =
        [
            .. Pages(30),
            Page("large.md", "large.html", string.Concat(Enumerable.Repeat("<p>Ünïcode 日本 😀 text</p>\n", 20_000))),
            Page("empty.md", "empty.html", string.Empty),
            Page("crlf.md", "crlf.html", "a\r\nb"),
        ];
        var oracle = await Unstaged(documents);
        var writer = new OutputWriter(Output);
        using var staging = writer.BeginStaging();
        var staged = new Document[documents.Count];
        Parallel.For(0, documents.Count, i => staged[i] = staging.Stage(documents[i]));

        // When the rest is written
        var bag = new DiagnosticBag();
        await writer.WriteAsync(staged, true, bag);

        // Then every text page but the CRLF one was staged and the folder is the oracle's
        Assert.Equal(documents.Count - 1, staging.Count);
        Assert.Empty(bag.Sorted());
        AssertSameFiles(oracle.Files, TempFolder.Snapshot(Output));
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task A_staged_document_gives_up_its_text_and_reads_back_its_bytes_and_text()
    {
        // Given a page with non-ASCII text and a leading BOM character
        var page = Page("a.md", "a/index.html", "\uFEFF<h1 id=\"Å\">Å 日本 😀</h1>\n");
        var writer = new OutputWriter(Output);
        using var staging = writer.BeginStaging();

        // When it is staged
        var staged = await staging.StageAsync(page);

        // Then its text is released, and its bytes and text read back as the page's own, before and after the swap
        Assert.Equal(string.Empty, staged.Content);
        Assert.NotNull(staged.Staged);
        Assert.Equal("a/index.html", staged.Staged.Destination);
        Assert.Equal(page.ToOutputBytes().Length, staged.Staged.Length);
        Assert.Equal(page.ToOutputBytes(), staged.ToOutputBytes());
        Assert.Equal(page.Content, staged.Staged.ReadAllText());
        Assert.Equal(1, staging.Count);
        Assert.False(Directory.Exists(Output));

        await writer.WriteAsync([staged], true, new DiagnosticBag());
        Assert.Equal(page.Content, staged.Staged.ReadAllText());
        Assert.Equal(page.ToOutputBytes(), File.ReadAllBytes(_temp.Combine("output", "a", "index.html")));
    }

    [Fact]
    public async Task A_failed_build_after_staging_leaves_the_old_output_and_no_temporary_folder()
    {
        // Given an old output and staged pages
        GivenAnOldOutput();
        var writer = new OutputWriter(Output);
        OutputWriteResult result;
        using (var staging = writer.BeginStaging())
        {
            var staged = new List<Document>();
            foreach (var page in Pages(5))
            {
                staged.Add(await staging.StageAsync(page));
            }

            Assert.Equal(5, staging.Count);

            // When the build failed
            result = await writer.WriteAsync(staged, buildSucceeded: false, new DiagnosticBag());
        }

        // Then nothing was replaced, and once the build ends the staged files are gone
        Assert.Equal(OutputWriteOutcome.SkippedBecauseBuildFailed, result.Outcome);
        AssertOldOutputIntact();
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task A_build_cancelled_after_staging_leaves_the_old_output_and_no_temporary_folder()
    {
        // Given an old output and staged pages, and a build cancelled before its last stage
        GivenAnOldOutput();
        var writer = new OutputWriter(Output);
        using var cancellation = new CancellationTokenSource();
        using (var staging = writer.BeginStaging())
        {
            var staged = new List<Document>();
            foreach (var page in Pages(5))
            {
                staged.Add(await staging.StageAsync(page));
            }

            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(staged, true, new DiagnosticBag(), cancellation.Token));
            Assert.NotEmpty(Directory.EnumerateDirectories(_temp.Path, ".output.tmp-*"));
        }

        // Then the old output stands and the staged folder went with the build
        AssertOldOutputIntact();
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task Cancellation_while_writing_the_rest_deletes_the_staged_folder_at_once()
    {
        // Given staged pages and unstaged ones whose writing is cancelled midway
        GivenAnOldOutput();
        using var cancellation = new CancellationTokenSource();
        var writer = new CancellingWriter(Output, "p15.md", cancellation);
        using var staging = writer.BeginStaging();
        var pages = Pages(20);
        for (var i = 0; i < 10; i++)
        {
            pages[i] = await staging.StageAsync(pages[i]);
        }

        // When the final write is cancelled
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(pages, true, new DiagnosticBag(), cancellation.Token));

        // Then the old output is intact and the staged folder is already gone (before the staging is disposed)
        AssertOldOutputIntact();
        AssertNoTemporaryFoldersLeft();
        Assert.Throws<IOException>(() => pages[0].ToOutputBytes());
    }

    [Fact]
    public async Task A_write_failure_after_staging_is_INTERNAL005_and_leaves_the_old_output()
    {
        // Given staged pages and an unstaged one that cannot be written
        GivenAnOldOutput();
        var bag = new DiagnosticBag();
        var writer = new FailingWriter(Output, "p07.md");
        using var staging = writer.BeginStaging();
        var pages = Pages(10);
        for (var i = 0; i < 5; i++)
        {
            pages[i] = await staging.StageAsync(pages[i]);
        }

        // When the rest is written
        var result = await writer.WriteAsync(pages, true, bag);

        // Then the failure is reported at that page, and the old output and no temporary folder remain
        Assert.Equal(OutputWriteOutcome.Failed, result.Outcome);
        Assert.Equal(("INTERNAL005", "p07.md"), (Assert.Single(bag.Sorted()).Code, bag.Sorted()[0].Location.Path));
        AssertOldOutputIntact();
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task A_document_whose_staging_fails_stays_in_memory_and_the_final_write_reports_as_before()
    {
        // Given a writer that cannot write one page
        GivenAnOldOutput();
        var writer = new FailingWriter(Output, "p03.md");
        using var staging = writer.BeginStaging();

        // When that page is staged
        var page = Pages(5)[3];
        var staged = await staging.StageAsync(page);

        // Then it is not staged (its text is kept) and writing it reports INTERNAL005 at it, as without staging
        Assert.Same(page, staged);
        Assert.Equal(0, staging.Count);
        var bag = new DiagnosticBag();
        var result = await writer.WriteAsync([staged], true, bag);
        Assert.Equal(OutputWriteOutcome.Failed, result.Outcome);
        Assert.Equal(("INTERNAL005", "p03.md"), (Assert.Single(bag.Sorted()).Code, bag.Sorted()[0].Location.Path));
        AssertOldOutputIntact();
        AssertNoTemporaryFoldersLeft();
    }

    [Theory]
    [InlineData("a.md", "z.md")] // the staged document sorts first: it wins, the unstaged one is reported
    [InlineData("z.md", "a.md")] // the unstaged document sorts first: it wins and is written over the staged file
    public async Task A_clash_of_a_staged_and_an_unstaged_document_is_INTERNAL004_exactly_as_without_staging(string stagedSource, string unstagedSource)
    {
        // Given two documents for one destination, the first of them staged
        Document[] documents = [Page(stagedSource, "same.html", "staged " + stagedSource), Page(unstagedSource, "same.html", "unstaged " + unstagedSource)];

        // When written (keep-going, so the files can be compared)
        var oracle = await Unstaged(documents, keepGoing: true);
        var staged = await Staged(documents, d => d.SourcePath == stagedSource, keepGoing: true);

        // Then the same INTERNAL004 and the same file
        Assert.NotNull(staged.Written[0].Staged);
        Assert.Contains("INTERNAL004", Assert.Single(oracle.Diagnostics), StringComparison.Ordinal);
        Assert.Equal(oracle.Diagnostics, staged.Diagnostics);
        AssertSameFiles(oracle.Files, staged.Files);
        AssertNoTemporaryFoldersLeft();
    }

    [Fact]
    public async Task Two_documents_staged_at_one_destination_keep_the_second_in_memory_and_report_INTERNAL004_as_before()
    {
        // Given two documents for one destination, both offered for staging, the later one sorting first
        Document[] documents = [Page("z.md", "same.html", "z"), Page("a.md", "same.html", "a")];

        // When staged and written
        var oracle = await Unstaged(documents, keepGoing: true);
        var staged = await Staged(documents, _ => true, keepGoing: true);

        // Then only the first was staged, and the diagnostics and the file are the oracle's (a.md wins)
        Assert.NotNull(staged.Written[0].Staged);
        Assert.Null(staged.Written[1].Staged);
        Assert.Single(oracle.Diagnostics);
        Assert.Equal(oracle.Diagnostics, staged.Diagnostics);
        AssertSameFiles(oracle.Files, staged.Files);
        Assert.Equal("a"u8.ToArray(), staged.Files["same.html"]);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task A_file_where_another_document_needs_a_folder_is_INTERNAL004_as_before(bool stageFile, bool stagePage)
    {
        // Given a file 'team' and a page 'team/index.html', either or both offered for staging
        Document[] documents = [Page("a.md", "team", "file"), Page("b.md", "team/index.html", "page")];

        // When written with keep-going
        var oracle = await Unstaged(documents, keepGoing: true);
        var staged = await Staged(documents, d => d.SourcePath == "a.md" ? stageFile : stagePage, keepGoing: true);

        // Then the folder wins, the file is reported, exactly as without staging
        Assert.Single(oracle.Diagnostics);
        Assert.Equal(oracle.Diagnostics, staged.Diagnostics);
        AssertSameFiles(oracle.Files, staged.Files);
        Assert.Equal(["team/index.html"], staged.Files.Keys);
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("/absolute.html")]
    [InlineData("a//b.html")]
    public async Task A_refused_destination_is_never_staged_and_is_INTERNAL003_as_before(string destination)
    {
        Document[] documents = [Page("bad.md", destination, "x"), Page("good.md", "good.html", "y")];

        var oracle = await Unstaged(documents, keepGoing: true);
        var staged = await Staged(documents, _ => true, keepGoing: true);

        Assert.Null(staged.Written[0].Staged);
        Assert.NotNull(staged.Written[1].Staged);
        Assert.Equal(oracle.Diagnostics, staged.Diagnostics);
        Assert.Contains("INTERNAL003", Assert.Single(staged.Diagnostics), StringComparison.Ordinal);
        AssertSameFiles(oracle.Files, staged.Files);
        Assert.False(File.Exists(_temp.Combine("escape.html")));
    }

    [Fact]
    public async Task A_staged_document_the_build_dropped_later_is_not_in_the_output()
    {
        // Given a staged page that a later stage dropped from the documents
        var writer = new OutputWriter(Output);
        using var staging = writer.BeginStaging();
        var kept = await staging.StageAsync(Page("kept.md", "kept/index.html", "kept"));
        _ = await staging.StageAsync(Page("dropped.md", "deep/dropped/index.html", "dropped"));

        // When the rest is written
        await writer.WriteAsync([kept, Page("late.md", "late.html", "late")], true, new DiagnosticBag());

        // Then the output holds exactly the documents written, without an empty folder where the dropped one was
        Assert.Equal(["kept/index.html", "late.html"], TempFolder.Snapshot(Output).Keys);
        Assert.False(Directory.Exists(_temp.Combine("output", "deep")));
    }

    [Fact]
    public async Task A_staged_file_is_written_by_its_writer_and_equals_the_bytes_it_would_carry()
    {
        // Given a large file written piecewise, staged, and the same written into memory when it cannot be staged
        static void Write(Stream stream)
        {
            for (var i = 0; i < 1000; i++)
            {
                stream.Write(Encoding.UTF8.GetBytes($"{{\"n\": {i}, \"text\": \"Å 日本\"}},\n"));
            }
        }

        var writer = new OutputWriter(Output);
        using var staging = writer.BeginStaging();
        var staged = staging.StageFile("api/data.json", "api/data.json", Metadata.Empty, Write);
        var again = staging.StageFile("api/data.json", "api/data.json", Metadata.Empty, Write); // the destination is taken

        // Then the staged one holds no bytes, the refused one carries them, and both give the same bytes
        Assert.NotNull(staged.Staged);
        Assert.Null(staged.Bytes);
        Assert.Null(again.Staged);
        Assert.NotNull(again.Bytes);
        Assert.Equal(again.Bytes, staged.ToOutputBytes());
        var result = await writer.WriteAsync([staged], true, new DiagnosticBag());
        Assert.True(result.Replaced);
        Assert.Equal(again.Bytes, File.ReadAllBytes(_temp.Combine("output", "api", "data.json")));
    }

    [Fact]
    public async Task A_staged_file_whose_writer_throws_leaves_nothing_half_written_in_the_output()
    {
        // Given a file writer with a bug that throws after writing part of the file
        var writer = new OutputWriter(Output, new OutputWriterOptions { KeepGoing = true });
        using var staging = writer.BeginStaging();

        // When it is staged, the exception reaches the stage (which reports it as a stage failure)
        Assert.Throws<InvalidOperationException>(() => staging.StageFile("api/broken.json", "api/broken.json", Metadata.Empty, stream =>
        {
            stream.Write("{\"half\":"u8);
            throw new InvalidOperationException("serializer bug");
        }));

        // Then nothing is staged for it (not even the part written), and the output the build writes does not hold it
        Assert.Equal(0, staging.Count);
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "broken.json", SearchOption.AllDirectories));
        await writer.WriteAsync([Page("a.md", "a.html", "a")], true, new DiagnosticBag());
        Assert.Equal(["a.html"], TempFolder.Snapshot(Output).Keys);
    }

    [Fact]
    public async Task An_output_that_contains_the_input_stages_nothing_and_is_refused_with_IO006_as_before()
    {
        _temp.WriteText("site/input/job-families/a.md", "source");
        var writer = new OutputWriter(_temp.Combine("site"), new OutputWriterOptions { InputFolder = _temp.Combine("site", "input") });
        using var staging = writer.BeginStaging();

        var page = await staging.StageAsync(Page("a.md", "a.html", "x"));
        var bag = new DiagnosticBag();
        var result = await writer.WriteAsync([page], true, bag);

        Assert.Null(page.Staged);
        Assert.Equal(OutputWriteOutcome.Failed, result.Outcome);
        Assert.Equal("IO006", Assert.Single(bag.Sorted()).Code);
        Assert.Empty(Directory.EnumerateDirectories(_temp.Path, ".site.*"));
    }

    [Fact]
    public async Task Nothing_is_staged_once_the_final_write_began_and_a_writer_that_updates_in_place_never_stages()
    {
        var writer = new OutputWriter(Output);
        using var staging = writer.BeginStaging();
        await writer.WriteAsync(Pages(2), true, new DiagnosticBag());

        var late = await staging.StageAsync(Page("late.md", "late.html", "late"));

        Assert.Null(late.Staged);
        Assert.Throws<InvalidOperationException>(() => new OutputWriter(_temp.Combine("preview"), new OutputWriterOptions { UpdateInPlace = true }).BeginStaging());
    }

    [Fact]
    public async Task The_staged_folder_of_a_long_build_is_not_mistaken_for_a_crashed_builds_leftover()
    {
        // Given staged pages whose folder looks old (a build that ran longer than the leftover age)
        var writer = new OutputWriter(Output, new OutputWriterOptions { StaleLeftoverAge = TimeSpan.Zero });
        using var staging = writer.BeginStaging();
        var page = await staging.StageAsync(Pages(1)[0]);
        foreach (var folder in Directory.EnumerateDirectories(_temp.Path, ".output.tmp-*"))
        {
            Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow.AddHours(-1));
        }

        // When the build writes
        var result = await writer.WriteAsync([page], true, new DiagnosticBag());

        // Then its own staged page is in the output
        Assert.True(result.Replaced);
        Assert.Equal([page.Staged!.Destination], TempFolder.Snapshot(Output).Keys);
    }

    private sealed class FailingWriter(string output, string failOn) : OutputWriter(output)
    {
        protected override Task WriteDocumentAsync(Document document, string fullPath, CancellationToken cancellationToken) =>
            document.SourcePath.EndsWith(failOn, StringComparison.Ordinal)
                ? throw new IOException("disk on fire")
                : base.WriteDocumentAsync(document, fullPath, cancellationToken);
    }

    private sealed class CancellingWriter(string output, string cancelAt, CancellationTokenSource source)
        : OutputWriter(output, new OutputWriterOptions { MaxDegreeOfParallelism = 1 })
    {
        protected override async Task WriteDocumentAsync(Document document, string fullPath, CancellationToken cancellationToken)
        {
            if (document.SourcePath == cancelAt)
            {
                await source.CancelAsync();
            }

            await base.WriteDocumentAsync(document, fullPath, cancellationToken);
        }
    }
}
