namespace Handbook.Pipeline.Caching;

using System.Collections.Concurrent;
using System.Security.Cryptography;
using Handbook.Pipeline.Output;

/// <summary>
/// A content-addressed store of whole files on disk, git-style: a file is kept under the SHA-256 of its bytes
/// (<c>xx/&lt;hex&gt;</c>) exactly as it is, with no header, so the store can take an output file as a second name of the
/// same bytes (a hard link) instead of a copy, and give a file back the same way. The name is the checksum: every file
/// given back is hashed first, and one whose bytes no longer match its name (a crash, a stray edit of a linked output
/// file) is deleted and counted as a miss, never served.
/// </summary>
/// <remarks>
/// Why (issue 9): the build cache kept every output file as a <see cref="ContentCache"/> entry (a header and a copy),
/// so a cold <c>--cache</c> build wrote its output twice – at synthetic N = 1000 ≈ 320 MB and ≈ 2,000 files more, and
/// on this project's machines most of that build's system time went to creating those files. A link is one directory
/// entry: no bytes written, no inode made. Where links are refused (the cache on another file system, Windows) the file
/// is copied, and after the first refusal no link is tried again.
/// Writers never change a file in place: a file is linked or copied to a temporary name and renamed over its final
/// name, so readers see a whole file or none, and several processes may share the folder (last writer wins).
/// </remarks>
public sealed class FileBlobStore(string folder)
{
    private const string TemporarySuffix = ".tmp-";

    private readonly ConcurrentDictionary<string, bool> _knownFolders = new(StringComparer.Ordinal);
    private int _linkingRefused;
    private long _linked;
    private long _copied;
    private long _rejected;

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Files taken in or given back as hard links.</summary>
    public long Linked => Interlocked.Read(ref _linked);

    /// <summary>Files taken in or given back as copies (links refused).</summary>
    public long Copied => Interlocked.Read(ref _copied);

    /// <summary>Files found not to hold the bytes their name says, deleted.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>The file of <paramref name="key"/> in the store: directly in <see cref="Folder"/> (flat, as <see cref="ContentCache.PathOf"/> explains).</summary>
    public string PathOf(CacheKey key) => Path.Combine(Folder, key.Hex);

    /// <summary>
    /// True when the store has a file for <paramref name="key"/> of <paramref name="length"/> bytes: a cheap check (no
    /// read, no hash) for writers that skip what is there. A same-size corruption is caught by <see cref="TryPlace"/>.
    /// </summary>
    public bool Contains(CacheKey key, long length)
    {
        try
        {
            var file = new FileInfo(PathOf(key));
            return file.Exists && file.Length == length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Takes the file at <paramref name="source"/> into the store and returns its key: linked (or copied) under the
    /// SHA-256 of its bytes. <paramref name="known"/>, when given, is that hash and the file's length as the caller took
    /// them while writing the file: then the file is not read at all (a file of another length is not taken: null).
    /// Whatever the store takes is checked against its name when it is given back (<see cref="TryPlace"/>), so a file
    /// changed after it was hashed is never served. With <paramref name="rewrite"/> (a damaged file was found) the
    /// store's file is replaced even when present. Null when the source cannot be read or the store cannot be written:
    /// the cache only saves time.
    /// </summary>
    public CacheKey? Adopt(string source, (ReadOnlyMemory<byte> Sha256, long Length)? known, bool rewrite = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        CacheKey key;
        long length;
        try
        {
            if (known is { } given)
            {
                key = new CacheKey(Convert.ToHexStringLower(given.Sha256.Span));
                length = new FileInfo(source).Length;
                if (length != given.Length)
                {
                    return null; // changed on disk since the caller wrote it: not what the build made
                }
            }
            else
            {
                Span<byte> digest = stackalloc byte[32];
                using var stream = OpenRead(source);
                length = stream.Length;
                SHA256.HashData(stream, digest);
                key = new CacheKey(Convert.ToHexStringLower(digest));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var target = PathOf(key);
        try
        {
            EnsureFolderOf(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // A link makes the name of a whole file in one step, so the final name needs no temporary one; it fails when
        // the name exists (stored before, or by another process), and a stored file of the right size is kept.
        if (!rewrite && (TryLink(source, target) || Contains(key, length)))
        {
            return key;
        }

        return ReplaceThroughTemporary(target, temporary =>
        {
            if (!TryLink(source, temporary))
            {
                File.Copy(source, temporary);
                Interlocked.Increment(ref _copied);
            }
        }) ? key : null;
    }

    /// <summary>
    /// Stores <paramref name="bytes"/> (a file made in memory) under their SHA-256 and returns that key; skipped when the
    /// store has it, unless <paramref name="rewrite"/>. Null when the store cannot be written.
    /// </summary>
    public CacheKey? Put(byte[] bytes, bool rewrite = false)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(bytes, digest);
        var key = new CacheKey(Convert.ToHexStringLower(digest));
        if (!rewrite && Contains(key, bytes.Length))
        {
            return key;
        }

        var target = PathOf(key);
        try
        {
            EnsureFolderOf(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return ReplaceThroughTemporary(target, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            stream.Write(bytes);
        }) ? key : null;
    }

    /// <summary>
    /// Makes <paramref name="target"/> the file <paramref name="fill"/> creates at a temporary name beside it, by a rename
    /// over it, so readers see the old file or the new one, never a part. False (nothing left behind) when that fails.
    /// </summary>
    private static bool ReplaceThroughTemporary(string target, Action<string> fill)
    {
        var temporary = $"{target}{TemporarySuffix}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        try
        {
            fill(temporary);
            File.Move(temporary, target, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            // Gone after a rename, except where the temporary was another name of the target's own file: renaming a
            // name over another name of the same file does nothing (POSIX rename), which a rewrite of a file linked
            // from its source meets. A failed fill or rename leaves it too.
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Puts the store's file of <paramref name="key"/> at <paramref name="destination"/> (which must not exist; its folder
    /// must), linked or copied, after checking that its bytes still hash to <paramref name="key"/>. False when the file is
    /// missing or damaged (a damaged one is deleted) or cannot be placed; nothing is left at the destination then.
    /// </summary>
    public bool TryPlace(CacheKey key, string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var path = PathOf(key);
        Span<byte> digest = stackalloc byte[32];
        try
        {
            using (var stream = OpenRead(path))
            {
                SHA256.HashData(stream, digest);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        if (!Convert.ToHexStringLower(digest).Equals(key.Hex, StringComparison.Ordinal))
        {
            Reject(path);
            return false;
        }

        try
        {
            if (!TryLink(path, destination))
            {
                File.Copy(path, destination);
                Interlocked.Increment(ref _copied);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(destination);
            return false;
        }
    }

    /// <summary>
    /// Reads the store's file of <paramref name="key"/> into <paramref name="bytes"/>, whose length must be the file's,
    /// after checking, as <see cref="TryPlace"/> does, that they still hash to <paramref name="key"/>. False when the file
    /// is missing, of another length or damaged (a damaged one is deleted); <paramref name="bytes"/> then holds nothing
    /// to use.
    /// </summary>
    public bool TryRead(CacheKey key, Span<byte> bytes)
    {
        var path = PathOf(key);
        try
        {
            using var file = File.OpenHandle(path);
            if (RandomAccess.GetLength(file) != bytes.Length || RandomAccess.Read(file, bytes, 0) != bytes.Length)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(bytes, digest);
        if (!Convert.ToHexStringLower(digest).Equals(key.Hex, StringComparison.Ordinal))
        {
            Reject(path);
            return false;
        }

        return true;
    }

    // A file whose bytes no longer match its name (a crash, a stray edit of a linked output file): never served again.
    private void Reject(string path)
    {
        Interlocked.Increment(ref _rejected);
        TryDelete(path);
    }

    // Unbuffered and sequential: SHA256.HashData(Stream) reads in large pooled chunks, and a buffer per file would be
    // allocated once for every page of the site.
    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    private bool TryLink(string existing, string link)
    {
        if (Volatile.Read(ref _linkingRefused) != 0)
        {
            return false;
        }

        if (HardLink.TryCreate(existing, link))
        {
            Interlocked.Increment(ref _linked);
            return true;
        }

        // A name that exists already is not a refusal (another process stored the same file). Otherwise both names are
        // on paths this store just checked: a refusal is the file system's (another device, no links), which would
        // refuse every link, so stop trying.
        if (!File.Exists(link))
        {
            Interlocked.Exchange(ref _linkingRefused, 1);
        }

        return false;
    }

    // Makes the folder of a stored file unless this store made or found it before: a stat or a failing mkdir
    // per file saved. A folder deleted since (by hand, by another process) makes the link and the copy fail: a miss.
    private void EnsureFolderOf(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (_knownFolders.ContainsKey(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        _knownFolders.TryAdd(folder, true);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file left behind is safe: it fails the same check next time.
        }
    }
}
