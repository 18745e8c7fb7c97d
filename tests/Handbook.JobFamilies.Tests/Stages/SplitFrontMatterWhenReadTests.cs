namespace Handbook.JobFamilies.Tests.Stages;

using System.Text;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.IO;
using Handbook.Pipeline.Stages;

/// <summary>
/// A page split as its file is read (<see cref="SplitFrontMatterWhenRead"/>) is what <see cref="ReadFrontMatter"/>
/// makes of the page read as a whole text: the same front matter, body and diagnostics at the same positions.
/// </summary>
public sealed class SplitFrontMatterWhenReadTests : IDisposable
{
    private static readonly string[] Patterns = ["job-families/**/*.md", "job-families/**/*.md.erb", "data/*.yml"];

    private readonly DirectoryInfo _input = Directory.CreateTempSubdirectory("split-when-read-");

    public void Dispose() => _input.Delete(recursive: true);

    /// <summary>Pages with the forms the reader treats specially; each is checked in both ways of reading.</summary>
    public static TheoryData<string, string> Pages => new()
    {
        { "crlf", "---\r\ntitle: Analyst\r\ndescription: Counts\r\n---\r\n\r\n## Responsibilities\r\n\r\n* Count\r\n" },
        { "lone-cr", "---\rtitle: Analyst\r---\r## Heading\rtext\r" },
        { "bom", "\uFEFF---\ntitle: Analyst\n---\n\nBody on line 5.\n" },
        { "no-front-matter", "## Responsibilities\n\n* Count widgets\n" },
        { "empty-body", "---\ntitle: Analyst\n---\n" },
        { "only-front-matter-no-newline", "---\ntitle: Analyst\n---" },
        { "fence-in-body", "---\ntitle: Analyst\n---\n\nText\n\n---\n\nMore text\n---\n" },
        { "never-closed", "---\ntitle: Analyst\ndescription: open\n\n## Body\n" },
        { "no-opening-fence", "title: Analyst\ndescription: keys first\n---\n\n## Body\n" },
        { "yaml-error", "---\ntitle: Analyst\ndescription: [unclosed\n---\n\n## Body\n" },
        { "empty-file", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Given_a_page_When_split_as_it_is_read_Then_front_matter_body_and_diagnostics_are_the_stages_and_its_text_is_empty(string name, string text)
    {
        // Given the page on disk, next to a data file that is not a page
        Write($"job-families/sales/{name}.md", text);
        Write("data/job-grades.yml", "grades: []\n");

        // When read as a whole text and split by ReadFrontMatter, and split as it is read (then passed through ReadFrontMatter)
        var (whole, wholeDiagnostics) = await ReadAndSplitAsync(preparer: null);
        var (split, splitDiagnostics) = await ReadAndSplitAsync(new SplitFrontMatterWhenRead());

        // Then both give the same documents, front matter, body and diagnostics (codes, lines, columns, messages)
        Assert.Equal(whole.Select(d => d.SourcePath), split.Select(d => d.SourcePath));
        Assert.Equal(wholeDiagnostics, splitDiagnostics);
        var page = split.Single(d => d.SourcePath.EndsWith($"{name}.md", StringComparison.Ordinal));
        var wholePage = whole.Single(d => d.SourcePath == page.SourcePath);
        Assert.Equal(wholePage.Get(JobFamilyKeys.MarkdownBody), page.Get(JobFamilyKeys.MarkdownBody));
        Assert.Equal(Describe(wholePage.Get(JobFamilyKeys.FrontMatter)), Describe(page.Get(JobFamilyKeys.FrontMatter)));
        Assert.Equal(wholePage.Get(JobFamilyKeys.PathInfo), page.Get(JobFamilyKeys.PathInfo));
        Assert.Empty(page.Content);

        // And the data file keeps its text
        Assert.Equal("grades: []\n", split.Single(d => d.SourcePath == "data/job-grades.yml").Content);
    }

    [Fact]
    public async Task Given_a_page_with_front_matter_errors_When_split_as_it_is_read_Then_they_are_reported_at_their_lines()
    {
        // Given a page whose front matter is never closed and one with keys but no opening fence
        Write("job-families/a.md", "---\ntitle: A\n\n## Body\n");
        Write("job-families/b.md", "title: B\n---\n\n## Body\n");

        // When split as they are read
        var (_, diagnostics) = await ReadAndSplitAsync(new SplitFrontMatterWhenRead());

        // Then each error is at line 1 of its page, as ReadFrontMatter reports it
        Assert.Equal(
            [("FM002", "job-families/a.md", 1, 1), ("FM003", "job-families/b.md", 1, 1)],
            diagnostics.Select(d => (d.Code, d.Location.Path, d.Location.Line, d.Location.Column)));
    }

    [Fact]
    public async Task Given_a_page_split_when_read_When_ReadFrontMatter_runs_Then_it_passes_the_same_document_on()
    {
        // Given a page already split
        var bag = new DiagnosticBag();
        var read = new SplitFrontMatterWhenRead().Prepare(Document.FromSource("job-families/a.md", "---\ntitle: A\n---\nBody\n"), bag);

        // When ReadFrontMatter (keeping texts) runs over it
        var after = await new ReadFrontMatter().ExecuteAsync([read], new StageContext(bag, new ServiceRegistry(), CancellationToken.None));

        // Then it is the same document, not split a second time (its text is empty: a second split would lose the title)
        Assert.Same(read, Assert.Single(after));
        Assert.Equal("A", read.Get(JobFamilyKeys.FrontMatter).Title);
        Assert.Equal("\n\n\nBody\n", read.Get(JobFamilyKeys.MarkdownBody));
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public async Task Given_a_preparer_parking_when_batched_When_a_site_is_read_Then_its_bodies_are_parked_exactly_when_its_pages_are_enough_for_batches(int pageCount, bool batched)
    {
        // Given a site of pageCount pages and a grade data file, a spool, and a preparer that parks when batches of 2
        // pages run for sites of 5 pages or more (the data file is no page)
        for (var i = 0; i < pageCount; i++)
        {
            Write($"job-families/sales/page-{i}.md", $"---\ntitle: Page {i}\n---\n\n## Responsibilities\n\n* Count {i}\n");
        }

        Write("data/job-grades.yml", "grades: []\n");
        var spool = new CountingSpool();
        var preparer = SplitFrontMatterWhenRead.ParkingWhenBatched(familiesPerBatch: 2, smallestBatchedSite: 5, spool);

        // When the site is read with it
        var (documents, diagnostics) = await ReadAndSplitAsync(preparer);

        // Then every page's body is parked in the spool when the stage would batch the site, and no page's is otherwise;
        // either way each page's text is its body, and nothing is reported
        Assert.Equal(batched, ProcessFamiliesInBatches.BatchesSiteOf(pageCount, 2, 5));
        var pages = documents.Where(d => d.Metadata.Contains(JobFamilyKeys.PathInfo)).ToList();
        Assert.Equal(pageCount, pages.Count);
        Assert.All(pages, p => Assert.Equal(batched, ParkedMarkdown.Of(p) is not null));
        Assert.Equal(batched ? pageCount : 0, spool.Added);
        Assert.All(pages, p => Assert.True(ParkedMarkdown.TryGetText(p, out var body) && body.Contains("* Count", StringComparison.Ordinal), p.SourcePath));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Given_the_paths_of_a_read_When_pages_are_counted_Then_only_job_family_pages_count()
    {
        // Given pages (Markdown, ERB, a folder index), a partial, a data file, an include and a page outside job-families
        string[] paths =
        [
            "job-families/sales/analyst.md", "job-families/sales/index.html.md.erb", "job-families/engineering/backend.html.md",
            "job-families/sales/_partial.md", "data/job-grades.yml", "includes/footer.md", "handbook/analyst.md",
        ];

        // When counted
        // Then the three pages count, and a preparer that does not decide by the read is itself for any read
        Assert.Equal(3, SplitFrontMatterWhenRead.PagesAmong(paths));
        var plain = new SplitFrontMatterWhenRead(parksBody: true);
        Assert.Same(plain, ((IReadTextPreparer)plain).ForRead(paths));
        Assert.False(((SplitFrontMatterWhenRead)SplitFrontMatterWhenRead.ParkingWhenBatched(1, 4, spool: null).ForRead(paths)).ParksBody);
        Assert.True(((SplitFrontMatterWhenRead)SplitFrontMatterWhenRead.ParkingWhenBatched(1, 3, spool: null).ForRead(paths)).ParksBody);
    }

    /// <summary>Keeps the compressed texts in memory and counts them.</summary>
    private sealed class CountingSpool : ICompressedTextSpool
    {
        private readonly List<byte> _bytes = [];

        public int Added { get; private set; }

        public long Add(ReadOnlySpan<byte> bytes)
        {
            lock (_bytes)
            {
                Added++;
                var offset = _bytes.Count;
                _bytes.AddRange(bytes);
                return offset;
            }
        }

        public void Read(long offset, Span<byte> target)
        {
            lock (_bytes)
            {
                _bytes.Skip((int)offset).Take(target.Length).ToArray().CopyTo(target);
            }
        }
    }

    private async Task<(IReadOnlyList<Document> Documents, IReadOnlyList<Diagnostic> Diagnostics)> ReadAndSplitAsync(IReadTextPreparer? preparer)
    {
        var bag = new DiagnosticBag();
        var context = new StageContext(bag, new ServiceRegistry(), CancellationToken.None);
        var read = await new ReadFiles(_input.FullName, Patterns, new ReadFilesOptions { PrepareText = preparer }).ExecuteAsync([], context);
        if (preparer is not null)
        {
            // (split by the reading itself, not by the stage after it)
            Assert.All(read.Where(d => d.SourcePath.StartsWith("job-families/", StringComparison.Ordinal)), d => Assert.True(d.TryGet(JobFamilyKeys.MarkdownBody, out _), d.SourcePath));
        }

        var split = await new ReadFrontMatter(releasesSourceText: true).ExecuteAsync(read, context);
        return (split, bag.Sorted());
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_input.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string Describe(FrontMatter frontMatter) =>
        $"{frontMatter.Title}|{frontMatter.Description}|{frontMatter.Layout}|{frontMatter.CanonicalPath}|{string.Join(",", frontMatter.ExtraJs)}|{frontMatter.BodyStartLine}|"
        + string.Join(";", frontMatter.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
}
