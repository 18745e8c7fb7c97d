namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Tests.Support;

public class SiteTests
{
    private static List<Document> Documents(int count) =>
        Enumerable.Range(0, count).Select(i => Document.FromSource($"doc-{i:00}.md", $"text {i}")).ToList();

    [Fact]
    public async Task Parallel_stage_keeps_the_input_order_even_when_later_documents_finish_first()
    {
        // Given documents whose processing time falls with their index
        var site = new Site { MaxDegreeOfParallelism = 4 }.AddStage(new UpperCaseSlowly());

        // When the site runs them in parallel
        var result = await site.RunAsync(Documents(20));

        // Then every document comes back transformed and in source order
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"doc-{i:00}.md"), result.Documents.Select(d => d.SourcePath));
        Assert.Equal("TEXT 7", result.Documents[7].Content);
    }

    [Fact]
    public void A_stage_added_after_a_named_one_runs_right_after_it_and_unknown_or_taken_names_are_refused()
    {
        var site = new Site().AddStages(new UpperCaseSlowly(), new BuildIndex());

        site.AddStageAfter(new UpperCaseSlowly().Name, new WarnAboutEveryDocument());

        Assert.Equal([new UpperCaseSlowly().Name, new WarnAboutEveryDocument().Name, new BuildIndex().Name], site.Stages.Select(s => s.Name));
        Assert.Throws<InvalidOperationException>(() => site.AddStageAfter("NoSuchStage", new WarnAboutEveryDocument()));
        Assert.Throws<InvalidOperationException>(() => site.AddStageAfter(new BuildIndex().Name, new WarnAboutEveryDocument()));
    }

    [Fact]
    public void Given_a_site_When_a_stage_is_replaced_by_one_of_the_same_name_Then_it_takes_its_place_and_other_names_are_refused()
    {
        // Given
        var site = new Site().AddStages(new UpperCaseSlowly(), new BuildIndex());
        var replacement = new UpperCaseSlowly();

        // When
        site.ReplaceStage(replacement.Name, replacement);

        // Then
        Assert.Same(replacement, site.Stages[0]);
        Assert.Equal([new UpperCaseSlowly().Name, new BuildIndex().Name], site.Stages.Select(s => s.Name));
        Assert.Throws<InvalidOperationException>(() => site.ReplaceStage("NoSuchStage", new WarnAboutEveryDocument()));
        Assert.Throws<InvalidOperationException>(() => site.ReplaceStage(new BuildIndex().Name, new WarnAboutEveryDocument()));
    }

    [Fact]
    public async Task Same_input_gives_the_same_documents_and_diagnostics_whatever_the_parallelism()
    {
        // Given the same pipeline run with one thread and with eight
        static Site Pipeline(int threads) =>
            new Site { MaxDegreeOfParallelism = threads }.AddStages(new UpperCaseSlowly(), new WarnAboutEveryDocument(), new BuildIndex());

        // When both run
        var single = await Pipeline(1).RunAsync(Documents(30));
        var many = await Pipeline(8).RunAsync(Documents(30));

        // Then documents (content, destination, order) and diagnostics are identical
        Assert.Equal(single.Documents.Select(d => (d.SourcePath, d.Destination, d.Content)), many.Documents.Select(d => (d.SourcePath, d.Destination, d.Content)));
        Assert.Equal(single.Diagnostics.Select(d => d.Format()), many.Diagnostics.Select(d => d.Format()));
    }

    [Fact]
    public async Task Documents_come_out_sorted_by_destination_then_source_path()
    {
        // Given documents in an arbitrary order, two without destination
        Document[] initial =
        [
            new("b.md", "z.html", "", Metadata.Empty),
            new("a.md", "z.html", "", Metadata.Empty),
            new("c.md", "a.html", "", Metadata.Empty),
            new("e.md", null, "", Metadata.Empty),
            new("d.md", null, "", Metadata.Empty),
        ];

        // When a site without stages runs them
        var result = await new Site().RunAsync(initial);

        // Then documents without destination come first, then by destination, ties broken by source path
        Assert.Equal(["d.md", "e.md", "c.md", "a.md", "b.md"], result.Documents.Select(d => d.SourcePath));
    }

    [Fact]
    public async Task Diagnostics_reported_from_parallel_threads_are_all_collected_and_sorted()
    {
        // Given a stage that warns once per document, run on many threads
        var site = new Site { MaxDegreeOfParallelism = 8 }.AddStage(new WarnAboutEveryDocument());

        // When it runs over 200 documents
        var result = await site.RunAsync(Documents(200));

        // Then there is exactly one warning per document, in path order
        Assert.Equal(200, result.WarningCount);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"seen doc-{i:00}.md").Order(StringComparer.Ordinal), result.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public async Task An_exception_for_one_document_becomes_INTERNAL001_and_the_others_are_still_processed()
    {
        // Given a stage with a bug that shows on doc-03 only, followed by a stage that reports on every document
        var site = new Site().AddStages(new ThrowOn("doc-03.md"), new WarnAboutEveryDocument());

        // When the site runs
        var result = await site.RunAsync(Documents(6));

        // Then doc-03 is reported as an internal error naming stage and document, at the document
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("INTERNAL001", error.Code);
        Assert.Equal("doc-03.md", error.Location.Path);
        Assert.Contains("'ThrowOn'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'doc-03.md'", error.Message, StringComparison.Ordinal);
        Assert.Contains("simulated bug", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", error.Detail, StringComparison.Ordinal);

        // And every other document went through both stages, and their diagnostics are not hidden
        Assert.Equal(["doc-00.md", "doc-01.md", "doc-02.md", "doc-04.md", "doc-05.md"], result.Documents.Select(d => d.SourcePath));
        Assert.All(result.Documents, d => Assert.True(d.Get(ThrowOn.Seen)));
        Assert.Equal(5, result.WarningCount);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_whole_set_stage_that_throws_becomes_INTERNAL002_and_later_stages_still_run()
    {
        // Given a broken whole-set stage between two working ones
        var site = new Site().AddStages(new UpperCaseSlowly(), new BrokenIndex(), new WarnAboutEveryDocument());

        // When the site runs
        var result = await site.RunAsync(Documents(3));

        // Then the failure is one INTERNAL002 naming the stage, and the documents went on unchanged
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("INTERNAL002", error.Code);
        Assert.Contains("'BrokenIndex'", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, result.WarningCount);
        Assert.All(result.Documents, d => Assert.StartsWith("TEXT", d.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stage_returning_null_is_INTERNAL002_and_its_input_goes_on()
    {
        var result = await new Site().AddStages(new ReturnsNull(), new WarnAboutEveryDocument()).RunAsync(Documents(2));

        Assert.Equal("INTERNAL002", Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error).Code);
        Assert.Equal(2, result.Documents.Count);
        Assert.Equal(2, result.WarningCount);
    }

    [Fact]
    public async Task Async_per_document_stage_keeps_order_and_turns_an_exception_into_INTERNAL001()
    {
        // Given an asynchronous stage that finishes later documents first and fails on doc-02
        var site = new Site { MaxDegreeOfParallelism = 4 }.AddStage(new AppendSuffixAsync("doc-02.md"));

        // When it runs
        var result = await site.RunAsync(Documents(8));

        // Then the others come back in order, and doc-02 is an internal error at its path
        Assert.Equal(["doc-00.md", "doc-01.md", "doc-03.md", "doc-04.md", "doc-05.md", "doc-06.md", "doc-07.md"], result.Documents.Select(d => d.SourcePath));
        Assert.All(result.Documents, d => Assert.EndsWith("!", d.Content, StringComparison.Ordinal));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("INTERNAL001", "doc-02.md"), (error.Code, error.Location.Path));
    }

    [Fact]
    public void Parallelism_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Site { MaxDegreeOfParallelism = 0 });
    }

    [Fact]
    public async Task Whole_set_stage_sees_every_document()
    {
        var result = await new Site().AddStage(new BuildIndex()).RunAsync(Documents(3));

        var index = Assert.Single(result.Documents, d => d.Destination == "index.html");
        Assert.Equal("doc-00.md\ndoc-01.md\ndoc-02.md", index.Content);
    }

    [Fact]
    public async Task Cancellation_inside_a_stage_propagates_instead_of_becoming_a_diagnostic()
    {
        // Given a stage that cancels the build when it reaches doc-05
        using var cancellation = new CancellationTokenSource();
        var site = new Site().AddStages(new CancelAt("doc-05.md", cancellation), new WarnAboutEveryDocument());

        // When the site runs, Then the run is cancelled
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => site.RunAsync(Documents(10), cancellation.Token));
    }

    [Fact]
    public async Task Each_stage_is_timed_in_run_order_with_document_counts()
    {
        var result = await new Site().AddStages(new UpperCaseSlowly(), new BuildIndex()).RunAsync(Documents(4));

        Assert.Equal(["UpperCaseSlowly", "BuildIndex"], result.Timings.Select(t => t.Stage));
        Assert.Equal((4, 5), (result.Timings[1].DocumentsIn, result.Timings[1].DocumentsOut));
        Assert.True(result.Timings[0].Elapsed > TimeSpan.Zero);
        Assert.Contains("BuildIndex", result.FormatTimings(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_stage_reports_the_resident_memory_when_it_ended()
    {
        // Given a site of two stages
        var site = new Site().AddStages(new UpperCaseSlowly(), new BuildIndex());

        // When it runs
        var result = await site.RunAsync(Documents(4));

        // Then every stage's timing carries the process's resident memory, and the verbose line shows it
        Assert.All(result.Timings, t => Assert.True(t.WorkingSetBytes > 0, t.Stage));
        Assert.Contains("MiB resident", result.Timings[1].Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_timing_without_a_resident_figure_prints_none()
    {
        var timing = new StageTiming("Read", TimeSpan.FromMilliseconds(5), 0, 3, AllocatedBytes: 2 * 1024 * 1024);

        Assert.DoesNotContain("resident", timing.Format(), StringComparison.Ordinal);
        Assert.Contains("2.0 MiB allocated", timing.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_two_stages_with_the_same_name_is_refused()
    {
        var site = new Site().AddStage(new BuildIndex());

        Assert.Throws<InvalidOperationException>(() => site.AddStage(new BuildIndex()));
    }

    [Fact]
    public void Given_a_site_owning_resources_When_it_is_disposed_Then_each_is_disposed_once_last_handed_first()
    {
        // Given a site that owns two resources its stages share
        var disposed = new List<string>();
        var site = new Site();
        var first = site.Owns(new Recorded("first", disposed));
        site.Owns(new Recorded("second", disposed));

        // When it is disposed, twice
        site.Dispose();
        site.Dispose();

        // Then each was disposed once, the last handed first, and Owns gave back what it was handed
        Assert.Equal(["second", "first"], disposed);
        Assert.Equal("first", first.Name);
    }

    private sealed class Recorded(string name, List<string> disposed) : IDisposable
    {
        public string Name => name;

        public void Dispose() => disposed.Add(name);
    }
}
