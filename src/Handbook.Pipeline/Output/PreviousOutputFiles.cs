namespace Handbook.Pipeline.Output;

using System.Security.Cryptography;

/// <summary>
/// The files the output folder holds from the previous build, each with the SHA-256 of its bytes and the length and
/// last-write time it had right after that build wrote it (a build cache knows both: <c>--cache</c>). A staging that
/// is given them puts a file whose new bytes hash the same into the staged output as a hard link to the previous
/// output's file instead of writing it (<see cref="OutputWriter.BeginStaging(bool, PreviousOutputFiles?)"/>), so a
/// build after a small change creates and writes only the files that changed (issue 9).
/// </summary>
/// <remarks>
/// <para>Exact: a file is linked only when the new bytes' SHA-256 and length are the ones recorded for that
/// destination, and the previous output's file still has the recorded length and last-write time – the test make, rsync and the cache's output stamp use for "not
/// changed since written". Anything else (no record, another hash, a touched or missing file, a link refused) writes
/// the file as before; the first refused link stops further attempts (another file system, no hard links).</para>
/// <para>Safe to share bytes: nothing writes into a staged or output file in place. The staging writes only fresh
/// paths it reserved, the final write only paths no staged file holds (after deleting staged files the plan does not
/// keep), the preview's in-place updates write a temporary and rename it over the target, and the replaced output is
/// only deleted (unlinking a name never changes the bytes the other name sees). A failed or cancelled build deletes
/// the staged folder, which removes the links and leaves the output's files as they were.</para>
/// </remarks>
public sealed class PreviousOutputFiles
{
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, KnownFile> _files;
    private int _linkingRefused;
    private int _linked;

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

    /// <summary>How many staged files were linked instead of written.</summary>
    public int LinkedCount => Volatile.Read(ref _linked);

    /// <summary>
    /// Whether the previous build recorded exactly these bytes (SHA-256 <paramref name="sha256"/>, length
    /// <paramref name="length"/>) at <paramref name="destination"/>: a cheap first check, before a staged path is made for
    /// a link (<see cref="TryLink(string, ReadOnlySpan{byte}, long, string)"/> checks the file itself).
    /// </summary>
    internal bool Knows(string? destination, ReadOnlySpan<byte> sha256, long length) =>
        destination is not null
        && Volatile.Read(ref _linkingRefused) == 0
        && _files.TryGetValue(destination, out var known)
        && known.Length == length
        && known.Sha256.Span.SequenceEqual(sha256);

    /// <summary>
    /// <see cref="TryLink(string, ReadOnlySpan{byte}, long, string)"/> for a caller that needs no hash of its own (the
    /// final write's unstaged files): the bytes are hashed only when a file of their length is known at
    /// <paramref name="destination"/>.
    /// </summary>
    internal bool TryLink(string destination, ReadOnlySpan<byte> bytes, string target) =>
        _files.TryGetValue(destination, out var known)
        && known.Length == bytes.Length
        && TryLink(destination, SHA256.HashData(bytes), bytes.Length, target);

    /// <summary>
    /// Makes <paramref name="target"/> (a fresh path in the staged output) a hard link to the previous output's file at
    /// <paramref name="destination"/> when that file holds exactly the bytes whose SHA-256 is <paramref name="sha256"/>
    /// and whose length is <paramref name="length"/>; false (nothing left at <paramref name="target"/>) otherwise.
    /// </summary>
    internal bool TryLink(string destination, ReadOnlySpan<byte> sha256, long length, string target)
    {
        if (Volatile.Read(ref _linkingRefused) != 0
            || !_files.TryGetValue(destination, out var known)
            || known.Length != length
            || !known.Sha256.Span.SequenceEqual(sha256))
        {
            return false;
        }

        // The file must still be as the previous build left it. It is checked before linking, so a failed check leaves
        // nothing to undo; link(2) either makes the name or does not.
        var source = Path.Combine(_folder, destination);
        try
        {
            var file = new FileInfo(source);
            if (!file.Exists || file.Length != known.Length || file.LastWriteTimeUtc.Ticks != known.LastWriteTicks)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        if (!HardLink.TryCreate(source, target))
        {
            // The file was there a moment ago: another file system, links not supported or not allowed, which would
            // refuse every link, so stop trying.
            Interlocked.Exchange(ref _linkingRefused, 1);
            return false;
        }

        Interlocked.Increment(ref _linked);
        return true;
    }
}
