namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.IO;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Tests.Support;

public sealed class EndToEndTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<BuildResult> BuildAsync(string output, int threads)
    {
        var input = _temp.Combine("input");
        var site = new Site { MaxDegreeOfParallelism = threads }.AddStages(
            new ReadFiles(input, ["job-families/**/*.md"]),
            new RenderPages(),
            new WriteOutput(new OutputWriter(output, new OutputWriterOptions { MaxDegreeOfParallelism = threads, InputFolder = input })));
        return await site.RunAsync([]);
    }

    [Fact]
    public async Task Building_the_same_input_twice_with_different_parallelism_gives_the_same_bytes()
    {
        // Given 30 pages, some with CRLF and a BOM
        for (var i = 0; i < 30; i++)
        {
            var text = i % 2 == 0 ? $"page {i}\r\nsecond line\r\n" : $"\uFEFFpage {i}\n";
            _temp.WriteText($"input/job-families/dept-{i % 4}/page-{i:00}.md", text);
        }

        // When built once on one thread and once on eight
        var one = await BuildAsync(_temp.Combine("one"), 1);
        var eight = await BuildAsync(_temp.Combine("eight"), 8);

        // Then both builds succeed and their output trees are byte for byte identical, with LF only
        Assert.True(one.Succeeded);
        Assert.True(eight.Succeeded);
        var a = TempFolder.Snapshot(_temp.Combine("one"));
        var b = TempFolder.Snapshot(_temp.Combine("eight"));
        Assert.Equal(30, a.Count);
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, pair => Assert.Equal(pair.Value, b[pair.Key]));
        Assert.All(a.Values, bytes => Assert.DoesNotContain((byte)'\r', bytes));
        Assert.Equal("<p>page 0\nsecond line</p>\n"u8.ToArray(), a["job-families/dept-0/page-00/index.html"]);
        Assert.Equal("<p>page 1</p>\n"u8.ToArray(), a["job-families/dept-1/page-01/index.html"]);
    }

    [Fact]
    public async Task A_bad_input_file_fails_the_build_and_keeps_the_previous_output()
    {
        // Given a previous output and an input with one binary page among good ones
        _temp.WriteText("output/old.html", "previous");
        _temp.WriteText("input/job-families/good.md", "good");
        _temp.WriteBytes("input/job-families/bad.md", [0x00, 0x01]);

        // When built
        var result = await BuildAsync(_temp.Combine("output"), 2);

        // Then the error is reported, the good page was still processed, and the old output stays
        Assert.Equal("IO001", Assert.Single(result.Diagnostics).Code);
        Assert.Equal(["job-families/good.md"], result.Documents.Select(d => d.SourcePath));
        Assert.Equal(["old.html"], TempFolder.Snapshot(_temp.Combine("output")).Keys);
    }

    [Fact]
    public async Task Cancelling_before_reading_throws_and_writes_nothing()
    {
        _temp.WriteText("input/job-families/a.md", "a");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new ReadFiles(_temp.Combine("input"), ["**/*.md"]).ReadAsync(new Diagnostics.DiagnosticBag(), 2, cancellation.Token));
        Assert.False(Directory.Exists(_temp.Combine("output")));
    }
}
