namespace Handbook.Site.History;

using System.Text;
using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Caching;
using Handbook.Site.Caching;

/// <summary>
/// What folding found for pairs of page blobs (the oldest version of a run, a newer one): whether their texts are the
/// same after normalising whitespace (<see cref="VersionFolding.FoldWhere"/>). The answer is a function of the two
/// blobs' contents, which their ids name, so it is kept across builds under <c>--cache DIR</c> (subfolder
/// <c>history/</c>, one entry checked by its SHA-256 like every cache entry) and keyed by both ids: a versioned build
/// after one commit then reads the blob of no version it has compared before, where folding read and decoded every
/// version's text (issue 9: ≈ 20 ms of the replayed history's 37 ms ReadHistory CPU after one commit).
/// </summary>
/// <remarks>
/// The entry's key holds the tool's identity (<see cref="BuildFingerprint"/>), so a tool that decodes or normalises
/// texts differently never reads an older tool's answers. Saving keeps only the pairs this build asked about, so the
/// entry's size follows the history, not the number of builds. A missing, damaged or unreadable entry is an empty
/// memo: every pair is compared from the texts, as without a cache. Not thread-safe (folding runs on one thread).
/// </remarks>
public sealed class FoldComparisons
{
    /// <summary>Bump when the entry's layout or the meaning of an answer changes (on top of the tool identity).</summary>
    public const string FormatVersion = "fold-comparisons-1";

    /// <summary>The subfolder of the cache folder the entry is in.</summary>
    public const string SubFolder = "history";

    private static readonly CacheKey EntryKey = CacheKey.Create("fold-comparisons", FormatVersion, BuildFingerprint.ToolIdentity.Value);

    private readonly ContentCache? _store;
    private readonly Dictionary<string, bool> _stored;
    private readonly Dictionary<string, bool> _asked = new(StringComparer.Ordinal);

    private FoldComparisons(ContentCache? store, Dictionary<string, bool> stored)
    {
        _store = store;
        _stored = stored;
    }

    /// <summary>A memo that is neither read nor saved (a build without <c>--cache</c>).</summary>
    public static FoldComparisons None => new(null, new Dictionary<string, bool>(StringComparer.Ordinal));

    /// <summary>How many pairs were answered from the stored entry (tests, logs).</summary>
    public int Reused { get; private set; }

    /// <summary>How many pairs were compared from their texts.</summary>
    public int Compared { get; private set; }

    /// <summary>The stored answers under <paramref name="cacheFolder"/> (none when there are none or they are damaged).</summary>
    public static FoldComparisons Open(string cacheFolder)
    {
        ArgumentNullException.ThrowIfNull(cacheFolder);
        var store = new ContentCache(EntryFolder(cacheFolder));
        var stored = store.TryGet(EntryKey, out var bytes) && Parse(bytes) is { } parsed
            ? parsed
            : new Dictionary<string, bool>(StringComparer.Ordinal);
        return new FoldComparisons(store, stored);
    }

    /// <summary>The folder of the entry (tests damage it on purpose).</summary>
    public static string EntryFolder(string cacheFolder) => Path.Combine(Path.GetFullPath(cacheFolder), SubFolder);

    /// <summary>
    /// Whether the texts of <paramref name="older"/> and <paramref name="newer"/> are the same after normalising: the
    /// stored answer for their blobs, else <paramref name="compare"/>'s (remembered for <see cref="Save"/>).
    /// </summary>
    public bool Same(PageVersion older, PageVersion newer, Func<string, string, bool> compare)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(compare);
        var key = KeyOf(older.BlobSha, newer.BlobSha);
        if (_asked.TryGetValue(key, out var same))
        {
            return same;
        }

        if (_stored.TryGetValue(key, out same))
        {
            Reused++;
        }
        else
        {
            same = compare(older.BlobSha, newer.BlobSha);
            Compared++;
        }

        _asked[key] = same;
        return same;
    }

    /// <summary>Stores the answers this build asked for, unless they are exactly the stored ones. Never fails the build.</summary>
    public void Save()
    {
        if (_store is null || (Compared == 0 && _asked.Count == _stored.Count))
        {
            return;
        }

        try
        {
            _store.Set(EntryKey, Format(_asked));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A memo that could not be written is asked again next time: the answers are the same.
        }
    }

    // Blob ids are hex (SHA-1 or SHA-256): a space never occurs in one.
    private static string KeyOf(string olderBlob, string newerBlob) => olderBlob + " " + newerBlob;

    // One line per pair: "<older blob> <newer blob> <0|1>", in key order (the same answers give the same bytes).
    private static byte[] Format(Dictionary<string, bool> answers)
    {
        var keys = new List<string>(answers.Keys);
        keys.Sort(StringComparer.Ordinal);
        var text = new StringBuilder(keys.Count * 84);
        foreach (var key in keys)
        {
            text.Append(key).Append(' ').Append(answers[key] ? '1' : '0').Append('\n');
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    // Null when a line is not of the written shape: the whole entry is then ignored.
    private static Dictionary<string, bool>? Parse(byte[] bytes)
    {
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var line in Encoding.ASCII.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length != 3 || !IsBlobId(parts[0]) || !IsBlobId(parts[1]) || parts[2] is not ("0" or "1"))
            {
                return null;
            }

            answers[KeyOf(parts[0], parts[1])] = parts[2] == "1";
        }

        return answers;
    }

    private static bool IsBlobId(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);
}
