namespace Handbook.Pipeline.Output;

using System.Text;

/// <summary>
/// Where a staged document's bytes are (<see cref="Documents.Document.Staged"/>): the file its
/// <see cref="OutputStaging"/> wrote into the output being built. The file moves with the folder when the writer swaps
/// it in, so reading follows it: from the hidden temporary folder before the swap, from the output folder after.
/// </summary>
public sealed class StagedFile
{
    internal StagedFile(OutputStaging staging, string destination, long length, byte[]? sha256 = null)
    {
        Staging = staging;
        Destination = destination;
        Length = length;
        Sha256 = sha256 is null ? default(ReadOnlyMemory<byte>?) : sha256;
    }

    /// <summary>The output-relative path the bytes were written to.</summary>
    public string Destination { get; }

    /// <summary>The number of bytes written.</summary>
    public long Length { get; }

    /// <summary>
    /// The SHA-256 of the bytes staged, taken as they were written (a staging begun with hashing, for the build cache,
    /// which then need not read the file back); null when not hashed.
    /// </summary>
    public ReadOnlyMemory<byte>? Sha256 { get; }

    internal OutputStaging Staging { get; }

    /// <summary>
    /// Where the file is now: in the hidden staging folder before the writer swaps it in, in the output folder after. For
    /// readers that take the file as it is (the build cache links it); the file must not be changed through this path.
    /// </summary>
    public string FullPath => Staging.PathOf(Destination);

    /// <summary>The file's bytes, exactly what the document would have written.</summary>
    /// <exception cref="IOException">The staged output was discarded (a failed or cancelled build) or changed on disk.</exception>
    public byte[] ReadAllBytes() => File.ReadAllBytes(Staging.PathOf(Destination));

    /// <summary>The file for reading (sequentially), without loading it: for large outputs read once, e.g. into a cache.</summary>
    /// <exception cref="IOException">The staged output was discarded (a failed or cancelled build).</exception>
    /// <remarks>Unbuffered: readers such as <c>SHA256.HashData(Stream)</c> and <c>CopyTo</c> read in large pooled chunks, and a
    /// buffer per file would be allocated once for every page of the site.</remarks>
    public FileStream OpenRead() =>
        new(Staging.PathOf(Destination), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    /// <summary>
    /// The file's text: the document's <see cref="Documents.Document.Content"/> as it was staged (only text that
    /// encodes and decodes to itself is staged: no carriage return, no lone surrogate). A leading BOM character is kept.
    /// </summary>
    public string ReadAllText() => Encoding.UTF8.GetString(ReadAllBytes());
}
