namespace Handbook.Site.Tests.History;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History;
using Handbook.Site.History.Settings;

/// <summary>
/// Folding's comparisons kept under <c>--cache</c> (<see cref="FoldComparisons"/>, issue 9): a build that takes them from
/// the cache folds exactly as one that compares every version's text, whichever pairs of blobs the families share.
/// </summary>
public sealed class FoldComparisonsTests : IDisposable
{
    // Three families whose versions share blobs: the writer's first version is the reviewer's first, and the writer's
    // second (a whitespace-only edit, folded) is the designer's second (a real edit, not folded). An answer kept by
    // either blob alone would fold one of the other families wrongly.
    private const string Writer = "job-families/engineering/technical-writer/index.html.md";
    private const string Reviewer = "job-families/engineering/technical-reviewer/index.html.md";
    private const string Designer = "job-families/design/product-designer/index.html.md";

    private static readonly string Original = Pages.Family("Technical Writer", "Writes docs");
    private static readonly string Spaced = Original.Replace("Writes docs", "Writes docs   ", StringComparison.Ordinal) + "\n\n";
    private static readonly string Edited = Pages.Family("Technical Writer", "Writes docs", "Reviews docs");
    private static readonly string Other = Pages.Family("Product Designer", "Draws screens");

    private readonly TestRepository _repo = new();
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "hb-fold-cache-" + Guid.NewGuid().ToString("N"));

    public FoldComparisonsTests()
    {
        _repo.Write(Writer, Original).Write(Reviewer, Original).Write(Designer, Other).Commit("Add");
        _repo.Write(Writer, Spaced).Write(Reviewer, Edited).Write(Designer, Spaced).Commit("Edit");
    }

    public void Dispose()
    {
        _repo.Dispose();
        TestRepository.DeleteFolder(_cache);
    }

    [Fact]
    public void The_families_fold_as_their_texts_say()
    {
        var folding = Folding(null);

        Assert.Equal(1, VersionCount(folding, Writer));
        Assert.Equal(2, VersionCount(folding, Reviewer));
        Assert.Equal(2, VersionCount(folding, Designer));
    }

    [Fact]
    public void Stored_comparisons_fold_as_comparing_the_texts_does_and_read_no_text()
    {
        var expected = Folding(null);

        var first = FoldComparisons.Open(_cache);
        Assert.Equal(expected, Folding(first));
        var second = FoldComparisons.Open(_cache);
        Assert.Equal(expected, Folding(second));

        Assert.Equal(3, first.Compared);
        Assert.Equal(0, second.Compared);
        Assert.Equal(3, second.Reused);
    }

    [Fact]
    public void After_a_new_commit_only_its_pair_is_compared()
    {
        Folding(FoldComparisons.Open(_cache));
        _repo.Write(Designer, Spaced.Replace("\n", "\r\n", StringComparison.Ordinal)).Commit("Line endings");

        var comparisons = FoldComparisons.Open(_cache);
        var folding = Folding(comparisons);

        Assert.Equal(Folding(null), folding);
        Assert.Equal(2, VersionCount(folding, Designer));
        Assert.Equal(1, comparisons.Compared);
        Assert.Equal(3, comparisons.Reused);
    }

    [Fact]
    public void A_damaged_entry_is_not_used()
    {
        var expected = Folding(null);
        Folding(FoldComparisons.Open(_cache));
        foreach (var file in Directory.GetFiles(FoldComparisons.EntryFolder(_cache)))
        {
            // Every answer turned round, as a stale or tampered entry would say: the checksum no longer matches.
            var bytes = File.ReadAllBytes(file);
            for (var i = 1; i < bytes.Length; i++)
            {
                bytes[i] = bytes[i] switch { (byte)'0' when bytes[i - 1] == ' ' => (byte)'1', (byte)'1' when bytes[i - 1] == ' ' => (byte)'0', _ => bytes[i] };
            }

            File.WriteAllBytes(file, bytes);
        }

        var comparisons = FoldComparisons.Open(_cache);

        Assert.Equal(expected, Folding(comparisons));
        Assert.Equal(3, comparisons.Compared);
    }

    [Fact]
    public void Without_a_cache_nothing_is_kept()
    {
        var none = FoldComparisons.None;
        Folding(none);
        Folding(none);

        Assert.False(Directory.Exists(FoldComparisons.EntryFolder(_cache)));
    }

    // Each family's published versions and what was folded into them, one line per family.
    private List<string> Folding(FoldComparisons? comparisons)
    {
        using var found = VersionDiscovery.Discover(_repo.InputFolder, HistorySettings.Default, new DiagnosticBag(), comparisons);
        return found.Families
            .Select(f => f.CurrentPath + ": " + string.Join(", ", f.Versions.Select(v => v.CommitSha[..8] + " [" + string.Join(' ', v.Folded.Select(x => x.Version.CommitSha[..8])) + "]")))
            .ToList();
    }

    private static int VersionCount(List<string> folding, string path) =>
        folding.Single(line => line.StartsWith(path + ":", StringComparison.Ordinal)).Split(", ").Length;
}
