namespace Handbook.Site.Links;

using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Handbook.Pipeline.Caching;
using Handbook.Site.Caching;

/// <summary>
/// The anchors of page texts read by earlier builds with <c>--cache</c>, kept in <c>pages/anchors/</c> as one
/// checksummed entry (issue 9: reading the anchors of the ≈ 40 pages links ask about parsed each page's final HTML with
/// AngleSharp, most of <c>CheckLinks</c>' ≈ 300 ms in the replayed history's build after one commit, although almost
/// every page text was the same as in the build before).
/// </summary>
/// <remarks>
/// Exact: a page's anchors are a function of its text and of the tool that parses it (<see cref="AnchorCollector"/>),
/// so they are keyed by the SHA-256 of the text's UTF-16 code units and the entry holds the tool identity it was
/// written with; any other tool, a missing or damaged entry is a miss and the page is parsed as without a cache. A
/// stored set is rebuilt in the order it enumerated (see <see cref="PageAnchorsCodec"/>). Saving keeps only the pages
/// this build asked about, so the entry stays one build's size. Thread-safe: the link check asks in parallel. The store
/// itself is the cache's generic one (<see cref="HashKeyedPageStore{T}"/>).
/// </remarks>
public sealed class StoredPageAnchors
{
    internal const string SubFolder = "anchors";
    internal static readonly CacheKey Key = CacheKey.Create("page-anchors", "1");

    private readonly HashKeyedPageStore<string[]> _store;

    private StoredPageAnchors(HashKeyedPageStore<string[]> store) => _store = store;

    /// <summary>How many page texts were parsed because no build before had read them.</summary>
    public int PagesRead => _store.PagesRead;

    /// <summary>How many page texts had their anchors from the store.</summary>
    public int PagesFromStore => _store.PagesFromStore;

    /// <summary>The store in <paramref name="cacheFolder"/> (<c>--cache DIR</c>); empty when nothing usable is stored.</summary>
    public static StoredPageAnchors Open(string cacheFolder) => Open(cacheFolder, BuildFingerprint.ToolIdentity.Value);

    /// <summary><see cref="Open(string)"/> as another tool would (tests: a new tool reads every page again).</summary>
    public static StoredPageAnchors Open(string cacheFolder, string toolIdentity)
    {
        ArgumentNullException.ThrowIfNull(cacheFolder);
        ArgumentNullException.ThrowIfNull(toolIdentity);
        return new StoredPageAnchors(HashKeyedPageStore<string[]>.Open(
            cacheFolder,
            SubFolder,
            Key,
            payload => PageAnchorsCodec.Read(payload, toolIdentity),
            pages => PageAnchorsCodec.Write(toolIdentity, pages)));
    }

    /// <summary>The anchors of <paramref name="html"/>: the stored ones when this text was read before, else <see cref="AnchorCollector"/>'s.</summary>
    public IReadOnlySet<string> Collect(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var textHash = SHA256.HashData(MemoryMarshal.AsBytes(html.AsSpan()));
        if (_store.TryGet(textHash, out var anchors))
        {
            return new HashSet<string>(anchors, StringComparer.Ordinal);
        }

        var read = AnchorCollector.Collect(html);
        _store.Remember(textHash, [.. read]);
        return read;
    }

    /// <summary>
    /// Stores the anchors of the pages this build asked about, when they differ from what is stored (a page read
    /// anew, or a stored page not asked about). A failure to write only means the next build reads those pages again.
    /// </summary>
    public void Save() => _store.Save();
}
