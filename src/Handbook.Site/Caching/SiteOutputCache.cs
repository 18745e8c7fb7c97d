namespace Handbook.Site.Caching;

using System.Text.Json;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Site.Serialization;

/// <summary>
/// The render cache of the current pages, in the <c>pages/</c> subfolder of <c>--cache DIR</c> (the versions of
/// historic pages keep theirs in <c>versions/</c>). <c>pages/builds/</c> maps a <see cref="BuildFingerprint"/> to a
/// <see cref="CachedBuild"/> record; <c>pages/files/</c> holds every output file by the SHA-256 of its bytes, as it is
/// (<see cref="FileBlobStore"/>: a hard link to the output file where the file system allows, so the cache does not
/// write the output a second time). Records are <see cref="ContentCache"/> entries and files are checked against their
/// names, so a truncated or corrupted record or file is detected, dropped and rebuilt, never served. Any cache failure
/// is a miss: the cache only saves time.
/// </summary>
public sealed class SiteOutputCache
{
    public const string Subfolder = "pages";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, TypeInfoResolver = CacheJsonContext.Default }; // source-generated: no reflection emit (issue 9)

    private readonly ContentCache _records;
    private readonly FileBlobStore _blobs;
    private readonly ContentCache _stamps;

    public SiteOutputCache(string cacheFolder)
    {
        ArgumentNullException.ThrowIfNull(cacheFolder);
        Folder = Path.Combine(Path.GetFullPath(cacheFolder), Subfolder);
        _records = new ContentCache(Path.Combine(Folder, "builds"));
        // "files", not the "blobs" of the format before (a header and a copy per file): those entries are never read.
        _blobs = new FileBlobStore(FilesFolder(cacheFolder));
        _stamps = new ContentCache(Path.Combine(Folder, "outputs"));
    }

    public string Folder { get; }

    /// <summary>
    /// The folder where the cache under <paramref name="cacheFolder"/> keeps each output file under the SHA-256 of its
    /// bytes (<see cref="FileBlobStore"/>): the version-page cache reads a page's bytes from there.
    /// </summary>
    public static string FilesFolder(string cacheFolder) =>
        Path.Combine(Path.GetFullPath(cacheFolder), Subfolder, "files");

    internal FileBlobStore Blobs => _blobs;

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
    /// Stores a document's output bytes as a blob and returns its key. A staged document's file is taken as it is from
    /// the output the build wrote (or the staged folder of a build that did not replace it): linked, never loaded whole;
    /// null when that is gone (the write failed and discarded it) or no longer holds the bytes staged.
    /// </summary>
    private CacheKey? StoreBlob(Document document, bool rewrite) =>
        document.Staged is { } staged
            ? _blobs.Adopt(staged.FullPath, staged.Sha256 is { } sha256 ? (sha256, staged.Length) : null, rewrite)
            : _blobs.Put(document.ToOutputBytes(), rewrite);
}
