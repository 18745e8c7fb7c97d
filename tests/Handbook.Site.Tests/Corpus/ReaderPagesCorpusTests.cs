namespace Handbook.Site.Tests.Corpus;

using System.IO.Compression;
using System.Text.Json;
using Handbook.Site.Building;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// The reader pages on the 171 real pages: the search index stays compact and covers every family, and the
/// compare pages stay a reasonable size. Budgets are about twice today's sizes (README: search index 1.0 MB,
/// largest compare page 294 KB), so growth is noticed before it hurts readers.
/// </summary>
public class ReaderPagesCorpusTests(ITestOutputHelper output)
{
    private const long IndexBudget = 2 * 1024 * 1024;
    private const long IndexGzipBudget = 512 * 1024;
    private const long ComparePageBudget = 640 * 1024;

    [CorpusFact]
    public async Task Given_the_corpus_When_built_Then_the_search_index_is_compact_and_lists_every_family_with_its_roles()
    {
        using var folder = new TempFolder();
        var report = await CorpusBuildTests.BuildCorpusAsync(folder, history: false);
        Assert.True(report.OutputWritten);

        var indexFile = folder["output/search-index.json"];
        var bytes = File.ReadAllBytes(indexFile);
        var gzip = Gzipped(bytes);
        output.WriteLine($"search-index.json: {bytes.Length:N0} bytes, {gzip:N0} gzip");
        Assert.True(bytes.Length < IndexBudget, $"search-index.json is {bytes.Length:N0} bytes");
        Assert.True(gzip < IndexGzipBudget, $"search-index.json is {gzip:N0} bytes gzipped");

        using var index = JsonDocument.Parse(bytes);
        using var export = JsonDocument.Parse(File.ReadAllText(folder["output/api/job-families.json"]));
        var exported = export.RootElement.GetProperty("families").EnumerateArray().ToList();
        var indexed = index.RootElement.GetProperty("families").EnumerateArray().ToDictionary(f => f.GetProperty("url").GetString()!);
        Assert.Equal(exported.Count, indexed.Count);
        var graded = 0;
        foreach (var family in exported)
        {
            var entry = indexed[family.GetProperty("url").GetString()!];
            var levels = family.GetProperty("levels").GetArrayLength() + family.GetProperty("specialties").GetArrayLength();
            Assert.True(entry.GetProperty("roles").GetArrayLength() >= levels, family.GetProperty("url").GetString());
            graded += entry.GetProperty("roles").EnumerateArray().Count(r => r.TryGetProperty("grade", out _));
        }

        Assert.True(graded > 500, $"only {graded} graded roles in the index");

        var compare = Directory.EnumerateFiles(folder["output/job-families"], "index.html", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "compare")
            .Select(f => (File: f, Size: new FileInfo(f).Length))
            .ToList();
        output.WriteLine($"compare pages: {compare.Count}, {compare.Sum(c => c.Size):N0} bytes, largest {compare.Max(c => c.Size):N0}");
        Assert.True(compare.Count > 100);
        Assert.All(compare, c => Assert.True(c.Size < ComparePageBudget, $"{c.File} is {c.Size:N0} bytes"));
    }

    private static long Gzipped(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zip.Write(bytes);
        }

        return buffer.Length;
    }
}
