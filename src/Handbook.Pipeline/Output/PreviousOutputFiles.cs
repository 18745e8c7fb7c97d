namespace Handbook.Pipeline.Output;

using System.Security.Cryptography;

/// <summary>
/// The files the output folder holds from the previous build, each with the SHA-256 of its bytes and the length and
/// last-write time it had right after that build wrote it (a build cache knows both: <c>--cache</c>). A staging that
/// is given them updates the output in place (<see cref="OutputWriter.BeginStaging(bool, PreviousOutputFiles?)"/>): a
/// file whose new bytes hash the same as the file already there is left as it is, neither written nor copied, so a build
/// after a small change writes only the files that changed (issue 9).
/// </summary>
/// <remarks>
/// <para>Exact: a file is left in place only when the new bytes' SHA-256 and length are the ones recorded for that
/// destination, and the output's file still has the recorded length and last-write time – the test make, rsync and the
/// cache's output stamp use for "not changed since written". Anything else (no record, another hash, a touched or
/// missing file) writes the file as before.</para>
/// <para>Safe to share bytes: nothing writes into an output file in place. New bytes are written to a fresh temporary
/// and renamed over the output's file (the build cache's hard link to the old file keeps the old bytes), and a failed or
/// cancelled build deletes its temporaries, which leaves the output's files as they were.</para>
/// </remarks>
public sealed class PreviousOutputFiles
{
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, KnownFile> _files;
    private int _kept;

    /// <param name="outputFolder">The output folder the files are in now.</param>
    /// <param name="files">Output-relative path ('/'-separated) → what the previous build wrote there.</param>
    public PreviousOutputFiles(string outputFolder, IReadOnlyDictionary<string, KnownFile> files)
    {
        ArgumentNullException.ThrowIfNull(outputFolder);
        ArgumentNullException.ThrowIfNull(files);
        _folder = Path.GetFullPath(outputFolder);
        _files = files;
    }

    /// <summary>What the previous build wrote at one destination.</summary>
    /// <param name="Sha256">The SHA-256 of the file's bytes (32 bytes).</param>
    /// <param name="Length">Its length in bytes.</param>
    /// <param name="LastWriteTicks">Its last-write time (UTC ticks) right after it was written.</param>
    public sealed record KnownFile(ReadOnlyMemory<byte> Sha256, long Length, long LastWriteTicks);

    /// <summary>How many files are known.</summary>
    public int Count => _files.Count;

    /// <summary>How many files this build left as the output's own files instead of writing them.</summary>
    public int KeptCount => Volatile.Read(ref _kept);

    /// <summary>
    /// Whether the previous build recorded exactly these bytes (SHA-256 <paramref name="sha256"/>, length
    /// <paramref name="length"/>) at <paramref name="destination"/>: a cheap first check, before a destination is
    /// claimed (<see cref="IsUnchanged(string, ReadOnlySpan{byte}, long)"/> checks the file itself).
    /// </summary>
    internal bool Knows(string? destination, ReadOnlySpan<byte> sha256, long length) =>
        destination is not null
        && _files.TryGetValue(destination, out var known)
        && known.Length == length
        && known.Sha256.Span.SequenceEqual(sha256);

    /// <summary>
    /// <see cref="IsUnchanged(string, ReadOnlySpan{byte}, long)"/> for a caller that needs no hash of its own (the
    /// final write's unstaged files): the bytes are hashed only when a file of their length is known at
    /// <paramref name="destination"/>.
    /// </summary>
    internal bool IsUnchanged(string destination, ReadOnlySpan<byte> bytes) =>
        _files.TryGetValue(destination, out var known)
        && known.Length == bytes.Length
        && IsUnchanged(destination, SHA256.HashData(bytes), bytes.Length);

    /// <summary>
    /// Whether the output's file at <paramref name="destination"/> holds exactly the bytes whose SHA-256 is
    /// <paramref name="sha256"/> and whose length is <paramref name="length"/>: recorded so by the previous build, and
    /// not changed since (same length and last-write time). True counts the file as kept (<see cref="KeptCount"/>).
    /// </summary>
    internal bool IsUnchanged(string destination, ReadOnlySpan<byte> sha256, long length)
    {
        if (!_files.TryGetValue(destination, out var known) || known.Length != length || !known.Sha256.Span.SequenceEqual(sha256))
        {
            return false;
        }

        try
        {
            var file = new FileInfo(Path.Combine(_folder, destination));
            if (!file.Exists || file.Length != known.Length || file.LastWriteTimeUtc.Ticks != known.LastWriteTicks)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        Interlocked.Increment(ref _kept);
        return true;
    }
}
