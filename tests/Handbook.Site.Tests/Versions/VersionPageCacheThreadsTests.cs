namespace Handbook.Site.Tests.Versions;

using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Documents;
using Handbook.Site.Tests.Support;
using Handbook.Site.Versions;

/// <summary>
/// <see cref="VersionPageCache"/> is used from several threads at once (<c>RenderVersionPages</c> makes the families'
/// pages in parallel): pages kept by different threads are all stored, and a page a thread reads back stays that page
/// while other threads read theirs.
/// </summary>
public sealed class VersionPageCacheThreadsTests
{
    private const int Pages = 400;

    private static CacheKey Key(int i) => CacheKey.Create(nameof(VersionPageCacheThreadsTests), "1", i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    // Pages of different lengths and texts, so one page read through another's buffer shows.
    private static string PageText(int i) => $"<!doctype html>\n<p>Page {i}</p>\n{new string((char)('a' + (i % 26)), 50 + (i * 7 % 300))}\n";

    private static Document Finished(int i) => new($"v/{i}/index.html", $"v/{i}/index.html", string.Empty, Metadata.Empty);

    [Fact]
    public void Given_pages_kept_from_several_threads_When_threads_read_them_back_at_once_Then_each_reads_exactly_its_page()
    {
        using var folder = new TempFolder();

        // Given pages kept by eight threads at once, and saved
        var writing = new VersionPageCache(folder.Path);
        Parallel.For(0, Pages, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => writing.Set(Key(i), PageText(i), Finished(i)));
        writing.SavePagesOfThisBuild();
        Assert.Equal(Pages, VersionPageCache.StoredKeys(folder.Path).Count);

        // When eight threads read them back at once, each holding its page while the others read (each read is valid
        // until the same thread reads again)
        var reading = new VersionPageCache(folder.Path);
        const int Threads = 8;
        var wrong = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var together = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(worker => new Thread(() =>
        {
            for (var i = worker; i < Pages; i += Threads)
            {
                var found = reading.TryGet(Key(i), out var page);
                if (i < Threads * Threads)
                {
                    together.SignalAndWait(); // the first rounds: every thread has read before any compares
                }

                if (!found || !page.Span.SequenceEqual(PageText(i)))
                {
                    wrong.Add(i);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // Then every page read is its own, and each was counted once
        Assert.Empty(wrong);
        Assert.Equal(Pages, reading.Hits);
        Assert.Equal(0, reading.Misses);
    }
}
