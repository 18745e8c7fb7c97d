namespace Handbook.Pipeline.IO;

/// <summary>Settings of a <see cref="ReadFiles"/> stage.</summary>
public sealed record ReadFilesOptions
{
    /// <summary>The default size limit: 2 MB is far above any real page (the largest known is about 50 KB).</summary>
    public const long DefaultMaxFileBytes = 2 * 1024 * 1024;

    /// <summary>Files larger than this are skipped with LIMIT001, so a stray dump cannot stall the build.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>
    /// Read files as raw bytes (<see cref="Documents.Document.Bytes"/>) without text checks, e.g. images to copy.
    /// </summary>
    public bool Binary { get; init; }

    /// <summary>Set each document's destination to its source path, for files copied to the output unchanged.</summary>
    public bool CopyToOutput { get; init; }

    /// <summary>Applied to each text document right after its file is decoded (null: kept as read).</summary>
    public IReadTextPreparer? PrepareText { get; init; }
}
