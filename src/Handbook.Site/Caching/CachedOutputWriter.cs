namespace Handbook.Site.Caching;

using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;

/// <summary>
/// Writes a cached build's files: the same atomic output writer, but each file is its blob, checked by the cache and
/// linked (or copied) into the output when the file is written (never all at once). A missing or damaged blob fails the write
/// (the previous output stays) and sets <see cref="BlobMissing"/>, so the build falls back to building from scratch.
/// </summary>
public sealed class CachedOutputWriter(string outputFolder, OutputWriterOptions options, SiteOutputCache cache) : OutputWriter(outputFolder, options)
{
    /// <summary>The metadata that names a document's blob.</summary>
    public static readonly MetadataKey<string> Blob = new("cache.blob");

    private int _blobMissing;

    public bool BlobMissing => Volatile.Read(ref _blobMissing) != 0;

    protected override Task WriteDocumentAsync(Document document, string fullPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.TryGet(Blob, out var blob))
        {
            return base.WriteDocumentAsync(document, fullPath, cancellationToken);
        }

        // Linked from the cache where the file system allows (checked against its hash first), else copied.
        if (!cache.Blobs.TryPlace(new CacheKey(blob), fullPath))
        {
            Interlocked.Exchange(ref _blobMissing, 1);
            throw new InvalidDataException($"cache blob {blob} is missing or damaged");
        }

        return Task.CompletedTask;
    }
}
