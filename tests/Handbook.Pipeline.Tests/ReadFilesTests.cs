namespace Handbook.Pipeline.Tests;

using System.Text;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.IO;
using Handbook.Pipeline.Tests.Support;

public sealed class ReadFilesTests : IDisposable
{
    private static readonly string[] Patterns = ["job-families/**/*.md", "job-families/**/*.md.erb", "data/*.yml"];

    private readonly TempFolder _temp = new();

    private string Input => _temp.Combine("input");

    public void Dispose() => _temp.Dispose();

    private async Task<(IReadOnlyList<Document> Documents, IReadOnlyList<Diagnostic> Diagnostics)> ReadAsync(ReadFilesOptions? options = null, string[]? patterns = null)
    {
        var bag = new DiagnosticBag();
        var documents = await new ReadFiles(Input, patterns ?? Patterns, options).ReadAsync(bag, 4, CancellationToken.None);
        return (documents, bag.Sorted());
    }

    [Fact]
    public async Task Selects_files_by_glob_with_input_relative_slash_paths_in_ordinal_order()
    {
        // Given pages, an ERB page, a data file and files the globs do not select
        _temp.WriteText("input/job-families/sales/b.md", "b");
        _temp.WriteText("input/job-families/engineering/development/backend/index.html.md.erb", "erb");
        _temp.WriteText("input/job-families/Zeta.md", "Z");
        _temp.WriteText("input/data/job-grades.yml", "grades: []");
        _temp.WriteText("input/data/nested/other.yml", "no");
        _temp.WriteText("input/job-families/notes.txt", "no");
        _temp.WriteText("input/README.md", "no");

        // When they are read
        var (documents, diagnostics) = await ReadAsync();

        // Then exactly the selected files come back, sorted by ordinal path, with no diagnostics
        Assert.Empty(diagnostics);
        Assert.Equal(
            ["data/job-grades.yml", "job-families/Zeta.md", "job-families/engineering/development/backend/index.html.md.erb", "job-families/sales/b.md"],
            documents.Select(d => d.SourcePath));
        Assert.All(documents, d => Assert.Null(d.Destination));
    }

    [Fact]
    public async Task Given_a_text_preparer_When_files_are_read_Then_each_text_document_is_what_it_made_of_it_and_its_diagnostics_are_reported()
    {
        // Given two text files and a preparer that replaces each text with its upper case and reports one warning each
        _temp.WriteText("input/job-families/a.md", "alpha");
        _temp.WriteText("input/data/grades.yml", "beta");

        // When read with it
        var (documents, diagnostics) = await ReadAsync(new ReadFilesOptions { PrepareText = new UpperCasing() });

        // Then every text document is the preparer's, in path order, and its diagnostics are the read's
        Assert.Equal(["BETA", "ALPHA"], documents.Select(d => d.Content));
        Assert.Equal(["data/grades.yml", "job-families/a.md"], diagnostics.Select(d => d.Location.Path));
    }

    [Fact]
    public async Task Given_a_text_preparer_When_binary_files_are_read_Then_it_is_not_asked()
    {
        // Given a binary file read as bytes, with a preparer that would fail the read if asked
        _temp.WriteBytes("input/job-families/image.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);

        // When read
        var (documents, _) = await ReadAsync(new ReadFilesOptions { Binary = true, PrepareText = new Refusing() });

        // Then the bytes come back as they are
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01 }, Assert.Single(documents).Bytes);
    }

    [Fact]
    public async Task Given_a_preparer_that_decides_by_the_files_read_When_a_folder_is_read_Then_it_is_told_every_selected_file_before_the_first_is_prepared()
    {
        // Given two pages, a data file and a file the globs do not select, and a preparer that asks for the read's file
        // list and marks each text with the number of files it was told of
        _temp.WriteText("input/job-families/a.md", "alpha");
        _temp.WriteText("input/job-families/b.md", "beta");
        _temp.WriteText("input/data/grades.yml", "gamma");
        _temp.WriteText("input/job-families/notes.txt", "no");
        var preparer = new CountingFiles();

        // When the folder is read, and then only the changed files (as an incremental run reads them)
        var (documents, _) = await ReadAsync(new ReadFilesOptions { PrepareText = preparer });
        var changed = await new ReadFiles(Input, Patterns, new ReadFilesOptions { PrepareText = preparer })
            .ReadChangedAsync(["job-families/b.md", "job-families/notes.txt"], new DiagnosticBag(), CancellationToken.None);

        // Then the full read was told the three selected files in path order, once, and each text was prepared by the
        // preparer it returned; the changed read was told only the selected changed file
        Assert.Equal(
            [["data/grades.yml", "job-families/a.md", "job-families/b.md"], ["job-families/b.md"]],
            preparer.Reads);
        Assert.Equal(["3:gamma", "3:alpha", "3:beta"], documents.Select(d => d.Content));
        Assert.Equal("1:beta", Assert.Single(changed).Content);
    }

    private sealed class CountingFiles : IReadTextPreparer
    {
        public List<string[]> Reads { get; } = [];

        public Document Prepare(Document read, DiagnosticBag diagnostics) => throw new InvalidOperationException("asked before the read was told its files");

        public IReadTextPreparer ForRead(IReadOnlyList<string> relativePaths)
        {
            Reads.Add([.. relativePaths]);
            return new Prefixing($"{relativePaths.Count}:");
        }
    }

    private sealed class Prefixing(string prefix) : IReadTextPreparer
    {
        public Document Prepare(Document read, DiagnosticBag diagnostics) => read with { Content = prefix + read.Content };
    }

    private sealed class UpperCasing : IReadTextPreparer
    {
        public Document Prepare(Document read, DiagnosticBag diagnostics)
        {
            diagnostics.Report(Diagnostic.Warning("TEST001", "prepared", new SourceLocation(read.SourcePath, 1, 1)));
            return read with { Content = read.Content.ToUpperInvariant() };
        }
    }

    private sealed class Refusing : IReadTextPreparer
    {
        public Document Prepare(Document read, DiagnosticBag diagnostics) => throw new InvalidOperationException("a binary file is not a text");
    }

    [Fact]
    public async Task Exclude_patterns_drop_files()
    {
        _temp.WriteText("input/job-families/a.md", "a");
        _temp.WriteText("input/job-families/_partial.md", "p");

        var (documents, _) = await ReadAsync(patterns: ["job-families/**/*.md", "!job-families/**/_*.md"]);

        Assert.Equal(["job-families/a.md"], documents.Select(d => d.SourcePath));
    }

    [Fact]
    public async Task Binary_file_is_skipped_with_IO001()
    {
        // Given a page that contains a NUL byte
        _temp.WriteBytes("input/job-families/image.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        _temp.WriteText("input/job-families/ok.md", "fine");

        // When read
        var (documents, diagnostics) = await ReadAsync();

        // Then it is reported at the file, and skipped; the other file is read
        var d = Assert.Single(diagnostics);
        Assert.Equal(("IO001", "job-families/image.md", Severity.Error), (d.Code, d.Location.Path, d.Severity));
        Assert.Contains("offset 4", d.Message, StringComparison.Ordinal);
        Assert.Equal(["job-families/ok.md"], documents.Select(x => x.SourcePath));
    }

    [Fact]
    public async Task Invalid_utf8_is_skipped_with_IO002_at_the_line_and_column_of_the_bad_byte()
    {
        // Given a Latin-1 file: "é" saved as the single byte 0xE9 on line 2, column 4
        _temp.WriteBytes("input/job-families/latin1.md", [.. "line one\nCaf"u8, 0xE9, .. " au lait\n"u8]);

        // When read
        var (documents, diagnostics) = await ReadAsync();

        // Then the file is skipped with IO002 pointing at the byte, never decoded to U+FFFD
        Assert.Empty(documents);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("IO002", new SourceLocation("job-families/latin1.md", 2, 4)), (d.Code, d.Location));
        Assert.Contains("0xE9", d.Message, StringComparison.Ordinal);
        Assert.NotNull(d.Hint);
    }

    [Fact]
    public async Task A_byte_order_mark_is_removed()
    {
        _temp.WriteBytes("input/job-families/bom.md", [0xEF, 0xBB, 0xBF, .. "# Title\n"u8]);

        var (documents, diagnostics) = await ReadAsync();

        Assert.Empty(diagnostics);
        Assert.Equal("# Title\n", Assert.Single(documents).Content);
    }

    [Fact]
    public async Task CRLF_becomes_LF_and_every_line_keeps_its_number()
    {
        // Given a file saved on Windows, with a lone CR that is not a line break
        _temp.WriteBytes("input/job-families/windows.md", Encoding.UTF8.GetBytes("one\r\ntwo\r\nthree\rstill three\r\n"));

        // When read
        var (documents, _) = await ReadAsync();

        // Then only CRLF pairs became LF: three lines, as before
        var content = Assert.Single(documents).Content;
        Assert.Equal("one\ntwo\nthree\rstill three\n", content);
        Assert.Equal(3, content.Split('\n').Length - 1);
    }

    [Fact]
    public async Task Small_files_read_after_large_ones_hold_exactly_their_own_text()
    {
        // Given large pages and small pages (text is decoded from reused pooled buffers, which may be longer)
        var large = string.Concat(Enumerable.Repeat("Ünïcode 日本 😀 line\n", 5_000));
        for (var i = 0; i < 12; i++)
        {
            _temp.WriteText($"input/job-families/a{i:00}.md", large + i);
            _temp.WriteText($"input/job-families/b{i:00}.md", $"small {i} é");
        }

        // When they are read
        var (documents, diagnostics) = await ReadAsync();

        // Then each document holds exactly its file's text
        Assert.Empty(diagnostics);
        Assert.Equal(24, documents.Count);
        Assert.All(documents, d => Assert.Equal(File.ReadAllText(_temp.Combine("input", d.SourcePath)), d.Content));
    }

    [Fact]
    public async Task An_empty_file_is_read_as_an_empty_document()
    {
        _temp.WriteBytes("input/job-families/empty.md", []);

        var (documents, diagnostics) = await ReadAsync();

        Assert.Empty(diagnostics);
        Assert.Equal(string.Empty, Assert.Single(documents).Content);
    }

    [Fact]
    public async Task Names_with_spaces_and_non_ascii_characters_are_kept_exactly()
    {
        _temp.WriteText("input/job-families/Ventes et marché/Directeur général.md", "texte accentué ✓");

        var (documents, diagnostics) = await ReadAsync();

        Assert.Empty(diagnostics);
        var document = Assert.Single(documents);
        Assert.Equal("job-families/Ventes et marché/Directeur général.md", document.SourcePath);
        Assert.Equal("texte accentué ✓", document.Content);
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_skipped_with_LIMIT001()
    {
        // Given a limit of 100 bytes, a file of 101 bytes and one of exactly 100
        _temp.WriteText("input/job-families/big.md", new string('x', 101));
        _temp.WriteText("input/job-families/fits.md", new string('x', 100));

        // When read
        var (documents, diagnostics) = await ReadAsync(new ReadFilesOptions { MaxFileBytes = 100 });

        // Then only the big one is refused
        var d = Assert.Single(diagnostics);
        Assert.Equal(("LIMIT001", "job-families/big.md"), (d.Code, d.Location.Path));
        Assert.Contains("101", d.Message, StringComparison.Ordinal);
        Assert.Equal(["job-families/fits.md"], documents.Select(x => x.SourcePath));
    }

    [Fact]
    public void The_default_limit_is_two_megabytes()
    {
        Assert.Equal(2 * 1024 * 1024, new ReadFilesOptions().MaxFileBytes);
    }

    [Fact]
    public async Task A_symlink_to_a_file_outside_the_input_folder_is_refused_with_IO003()
    {
        // Given a secret outside the input folder and a page that links to it
        var secret = _temp.WriteText("secret.md", "password");
        Directory.CreateDirectory(_temp.Combine("input", "job-families"));
        File.CreateSymbolicLink(_temp.Combine("input", "job-families", "leak.md"), secret);

        // When read
        var (documents, diagnostics) = await ReadAsync();

        // Then the link is reported and its target never read
        Assert.Empty(documents);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("IO003", "job-families/leak.md"), (d.Code, d.Location.Path));
    }

    [Fact]
    public async Task A_symlinked_folder_outside_the_input_folder_is_refused_with_IO003()
    {
        // Given a folder outside the input whose link sits where pages are read, and a relative '..' link
        _temp.WriteText("elsewhere/page.md", "outside");
        Directory.CreateDirectory(_temp.Combine("input", "job-families"));
        Directory.CreateSymbolicLink(_temp.Combine("input", "job-families", "linked"), _temp.Combine("elsewhere"));
        File.CreateSymbolicLink(_temp.Combine("input", "job-families", "up.md"), "../../elsewhere/page.md");

        // When read
        var (documents, diagnostics) = await ReadAsync();

        // Then both are refused
        Assert.Empty(documents);
        Assert.Equal(["job-families/linked", "job-families/up.md"], diagnostics.Where(d => d.Code == "IO003").Select(d => d.Location.Path));
    }

    [Fact]
    public async Task A_symlink_inside_the_input_folder_is_followed_and_a_loop_is_walked_once()
    {
        // Given a page linked from another folder inside the input, and a folder linking to its parent
        _temp.WriteText("input/job-families/real/page.md", "real");
        File.CreateSymbolicLink(_temp.Combine("input", "job-families", "alias.md"), _temp.Combine("input", "job-families", "real", "page.md"));
        Directory.CreateSymbolicLink(_temp.Combine("input", "job-families", "real", "loop"), _temp.Combine("input", "job-families"));

        // When read
        var (documents, diagnostics) = await ReadAsync();

        // Then the link reads the target's text under the link's own path, and the loop adds nothing endless
        Assert.Empty(diagnostics);
        Assert.Equal(["job-families/alias.md", "job-families/real/page.md"], documents.Select(d => d.SourcePath));
        Assert.All(documents, d => Assert.Equal("real", d.Content));
    }

    [Fact]
    public async Task A_missing_input_folder_is_IO005_not_an_exception()
    {
        var (documents, diagnostics) = await ReadAsync();

        Assert.Empty(documents);
        Assert.Equal("IO005", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public async Task Binary_mode_reads_bytes_unchanged_and_can_copy_them_to_the_output()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0D, 0x0A];
        _temp.WriteBytes("input/images/logo.png", png);

        var (documents, diagnostics) = await ReadAsync(new ReadFilesOptions { Binary = true, CopyToOutput = true }, ["images/*.png"]);

        Assert.Empty(diagnostics);
        var document = Assert.Single(documents);
        Assert.Equal(png, document.Bytes);
        Assert.Equal("images/logo.png", document.Destination);
    }

    [Fact]
    public async Task As_a_stage_it_appends_the_files_to_the_documents_it_is_given()
    {
        _temp.WriteText("input/data/job-grades.yml", "grades: []");
        var site = new Site().AddStage(new ReadFiles(Input, Patterns));

        var result = await site.RunAsync([Document.FromSource("(generated)", "x")]);

        Assert.Equal(["(generated)", "data/job-grades.yml"], result.Documents.Select(d => d.SourcePath));
    }
}
