namespace Handbook.Site.Caching;

using System.Security.Cryptography;
using System.Text.Json;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Site.Serialization;

/// <summary>
/// The render cache of the current pages, in the <c>pages/</c> subfolder of <c>--cache DIR</c> (the versions of
/// historic pages keep theirs in <c>versions/</c>). <c>pages/builds/</c> maps a <see cref="BuildFingerprint"/> to a
/// <see cref="CachedBuild"/> record; <c>pages/blobs/</c> holds every output file by the SHA-256 of its bytes. Both are
/// <see cref="ContentCache"/> entries, so a truncated or corrupted record or blob is detected, dropped and rebuilt,
/// never served. Any cache failure is a miss: the cache only saves time.
/// </summary>
public sealed class SiteOutputCache
{
    public const string Subfolder = "pages";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, TypeInfoResolver = CacheJsonContext.Default }; // source-generated: no reflection emit (issue 9)

    private readonly ContentCache _records;
    private readonly ContentCache _blobs;
    private readonly ContentCache _stamps;

    public SiteOutputCache(string cacheFolder)
    {
        ArgumentNullException.ThrowIfNull(cacheFolder);
        Folder = Path.Combine(Path.GetFullPath(cacheFolder), Subfolder);
        _records = new ContentCache(Path.Combine(Folder, "builds"));
        _blobs = new ContentCache(Path.Combine(Folder, "blobs"));
        _stamps = new ContentCache(Path.Combine(Folder, "outputs"));
    }

    public string Folder { get; }

    internal ContentCache Blobs => _blobs;

    /// <summary>What each output folder held after this cache last wrote it (<see cref="OutputStamp"/>).</summary>
    internal ContentCache Stamps => _stamps;

    public bool TryLoad(CacheKey fingerprint, out CachedBuild build)
    {
        build = null!;
        if (!_records.TryGet(fingerprint, out var bytes))
        {
            return false;
        }

        try
        {
            build = JsonSerializer.Deserialize(bytes, Json.TypeInfo<CachedBuild>())!;
            return build is not null;
        }
        catch (JsonException)
        {
            return false; // a record of an older format: rebuilt and overwritten
        }
    }

    /// <summary>
    /// Stores every output file (once per content) and then the record, so a record never names a missing blob.
    /// With <paramref name="rewriteBlobs"/> (after a damaged blob was found) every blob is written again.
    /// </summary>
    public void Save(CacheKey fingerprint, IReadOnlyList<Document> documents, IReadOnlyList<Diagnostic> diagnostics, int pageCount, int familyCount, bool rewriteBlobs = false)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var written = documents.Where(d => d.Destination is not null).ToList();
        var files = new CachedFile[written.Count];
        var unreadable = 0;
        Parallel.For(0, written.Count, i =>
        {
            var document = written[i];
            if (StoreBlob(document, rewriteBlobs) is not { } blob)
            {
                Interlocked.Exchange(ref unreadable, 1);
                return;
            }

            files[i] = new CachedFile(document.SourcePath, document.Destination!, blob.Hex);
        });

        if (unreadable != 0)
        {
            return; // no record naming a blob that was not stored: the next build runs again
        }

        var record = new CachedBuild(pageCount, familyCount, diagnostics.Select(CachedDiagnostic.From).ToList(), files);
        _records.Set(fingerprint, JsonSerializer.SerializeToUtf8Bytes(record, Json.TypeInfo<CachedBuild>()));
    }

    /// <summary>
    /// Stores a document's output bytes as a blob and returns its key. A staged document's bytes are streamed from the
    /// output the build wrote (or the staged folder of a build that did not replace it), never loaded whole; null when
    /// that is gone (the write failed and discarded it).
    /// </summary>
    private CacheKey? StoreBlob(Document document, bool rewrite)
    {
        if (document.Staged is not { } staged)
        {
            return _blobs.SetContentAddressed(document.ToOutputBytes(), rewrite);
        }

        // Hashed as it was staged: the blob of unchanged bytes is there already, and the file need not be read back.
        if (!rewrite && staged.Sha256 is { } sha256 && new CacheKey(Convert.ToHexStringLower(sha256.Span)) is var known
            && _blobs.Contains(known, staged.Length))
        {
            return known;
        }

        try
        {
            using var file = staged.OpenRead();

            // A file that no longer holds the bytes staged (changed on disk since) is not what the build made: no record.
            // With the staged hash known, the file is read once, hashed as it is copied (checked against that hash).
            if (staged.Sha256 is { } staged256)
            {
                return _blobs.SetContentAddressed(file, staged256.Span, rewrite);
            }

            return _blobs.SetContentAddressed(file, rewrite);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
