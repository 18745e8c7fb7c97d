namespace Handbook.Pipeline.Tests.Limits;

using System.Text.RegularExpressions;
using CsCheck;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.IO;
using Handbook.Pipeline.Limits;
using Handbook.Pipeline.Stages;
using Handbook.Pipeline.Tests.Support;

/// <summary>The engine's limits: file size (LIMIT001) and the safety net for regular expressions that time out (LIMIT030).</summary>
[Trait("Category", "Limits")]
public sealed class EngineLimitTests
{
    [Fact]
    public void Property_a_file_is_refused_with_LIMIT001_exactly_when_it_is_larger_than_the_limit()
    {
        // Given any limit and any file size around it
        Gen.Select(Gen.Int[1, 4096], Gen.Double[0, 2]).Sample(
            pair =>
            {
                var (limit, ratio) = pair;
                var size = (int)(limit * ratio);
                using var temp = new TempFolder();
                temp.WriteText("input/job-families/page.md", new string('x', size));

                // When the folder is read with that limit
                var bag = new DiagnosticBag();
                var documents = new ReadFiles(temp.Combine("input"), ["job-families/**/*.md"], new ReadFilesOptions { MaxFileBytes = limit })
                    .ReadAsync(bag, 1, CancellationToken.None).GetAwaiter().GetResult();

                // Then it is refused with one LIMIT001 at the file if and only if it is larger than the limit
                var diagnostics = bag.Sorted();
                if (size > limit)
                {
                    var d = Assert.Single(diagnostics);
                    Assert.Equal(("LIMIT001", "job-families/page.md", Severity.Error), (d.Code, d.Location.Path, d.Severity));
                    Assert.Empty(documents);
                }
                else
                {
                    Assert.Empty(diagnostics);
                    Assert.Equal(size, Assert.Single(documents).Content.Length);
                }
            },
            iter: 60,
            threads: 1);
    }

    [Fact]
    public async Task A_regex_timeout_in_a_per_document_stage_is_LIMIT030_at_the_document_not_an_internal_error()
    {
        // Given a stage whose pattern runs out of time on one page
        var site = new Site().AddStages(new TimeOutOn("b.md"));

        // When the site runs
        var result = await site.RunAsync([Document.FromSource("a.md", "a"), Document.FromSource("b.md", "b")]);

        // Then that page gets LIMIT030 (an error: it was not fully analysed), never INTERNAL001, and the other page is built
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((RegexLimits.TimedOutCode, "b.md", Severity.Error), (d.Code, d.Location.Path, d.Severity));
        Assert.Contains("'TimeOutOn'", d.Message, StringComparison.Ordinal);
        Assert.Equal(["a.md"], result.Documents.Select(x => x.SourcePath));
    }

    [Fact]
    public async Task A_regex_timeout_in_a_whole_set_stage_is_LIMIT030_for_the_site_and_the_documents_go_on()
    {
        var site = new Site().AddStages(new TimeOutOnTheWholeSet());

        var result = await site.RunAsync([Document.FromSource("a.md", "a")]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((RegexLimits.TimedOutCode, "(site)"), (d.Code, d.Location.Path));
        Assert.Equal(["a.md"], result.Documents.Select(x => x.SourcePath));
    }

    [Fact]
    public async Task A_stage_whose_first_run_of_a_document_times_out_once_is_run_again_and_the_document_kept()
    {
        // Given: a per-document stage that reports a warning, then times out on its first run of b.md only (a stall).
        var stage = new TimeOutOnceOn("b.md");
        var site = new Site().AddStages(stage);

        // When
        var result = await site.RunAsync([Document.FromSource("a.md", "a"), Document.FromSource("b.md", "b")]);

        // Then: both documents, no LIMIT030, the warning of b.md once although both runs reported it.
        Assert.Equal(["a.md", "b.md"], result.Documents.Select(x => x.SourcePath));
        Assert.Equal(["a.md", "b.md"], result.Diagnostics.Select(d => d.Location.Path));
        Assert.All(result.Diagnostics, d => Assert.Equal("TEST001", d.Code));
        Assert.Equal(2, stage.RunsOf("b.md"));
    }

    [Fact]
    public async Task A_whole_set_stage_that_times_out_once_is_run_again()
    {
        var stage = new TimeOutOnceOnTheWholeSet();
        var result = await new Site().AddStages(stage).RunAsync([Document.FromSource("a.md", "a")]);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a.md"], result.Documents.Select(x => x.SourcePath));
        Assert.Equal(2, stage.Runs);
    }

    [Fact]
    public void The_match_timeout_is_one_second()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RegexLimits.MatchTimeout);
        Assert.Equal(RegexLimits.MatchTimeoutMilliseconds, (int)RegexLimits.MatchTimeout.TotalMilliseconds);
    }

    private sealed class TimeOutOn(string sourcePath) : PerDocumentStage
    {
        public override string Name => "TimeOutOn";

        protected override Document? Process(Document document, StageContext context) =>
            document.SourcePath == sourcePath
                ? throw new RegexMatchTimeoutException("x", "(a+)+$", RegexLimits.MatchTimeout)
                : document;
    }

    private sealed class TimeOutOnTheWholeSet : WholeSetStage
    {
        public override string Name => "TimeOutOnTheWholeSet";

        protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context) =>
            throw new RegexMatchTimeoutException("x", "(a+)+$", RegexLimits.MatchTimeout);
    }

    private sealed class TimeOutOnceOn(string sourcePath) : PerDocumentStage
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _runs = new();

        public override string Name => "TimeOutOnceOn";

        public int RunsOf(string path) => _runs.GetValueOrDefault(path);

        protected override Document? Process(Document document, StageContext context)
        {
            var run = _runs.AddOrUpdate(document.SourcePath, 1, (_, n) => n + 1);
            context.Report(Diagnostic.Warning("TEST001", "seen", new SourceLocation(document.SourcePath, 1, 1)));
            return document.SourcePath == sourcePath && run == 1
                ? throw new RegexMatchTimeoutException("x", "(a+)+$", RegexLimits.MatchTimeout)
                : document;
        }
    }

    private sealed class TimeOutOnceOnTheWholeSet : WholeSetStage
    {
        public override string Name => "TimeOutOnceOnTheWholeSet";

        public int Runs { get; private set; }

        protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context) =>
            ++Runs == 1 ? throw new RegexMatchTimeoutException("x", "(a+)+$", RegexLimits.MatchTimeout) : documents;
    }
}
