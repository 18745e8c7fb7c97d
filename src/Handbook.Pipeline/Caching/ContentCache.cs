namespace Handbook.Pipeline.Caching;

using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// A content-addressed cache on disk for incremental rebuilds. An entry is <c>magic | length | SHA-256 | payload</c>;
/// it is written to a temporary file and renamed into place, so readers never see a half-written entry, and it is
/// checked on every read: a truncated or corrupted entry (a crash, a full disk, a stray edit) is deleted and counted
/// as a miss, never served. Every failure of the cache is a miss, never a build error: the cache only saves time.
/// </summary>
/// <remarks>Thread-safe; several processes may share the folder (renames are atomic, last writer wins).</remarks>
public sealed class ContentCache(string folder)
{
    private const int HeaderLength = 8 + 8 + 32;

    // Marks a file being written ("<entry>.tmp-<random>"); it becomes the entry by a rename.
    private const string TemporarySuffix = ".tmp-";

    private static readonly byte[] Magic = "HBCACHE1"u8.ToArray();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The folders this cache has made or found (full paths; since the entries are flat, only its own): an entry written
    // into one of them needs no mkdir – on a known folder a failing mkdir and a stat. A folder deleted since (by another
    // process, or by hand) is made again.
    private readonly ConcurrentDictionary<string, bool> _knownFolders = new(StringComparer.Ordinal);

    private long _hits;
    private long _misses;
    private long _rejected;
    private long _writes;
    private long _writeFailures;

    public string Folder { get; } = Path.GetFullPath(folder);

    public CacheStatistics Statistics =>
        new(Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), Interlocked.Read(ref _rejected), Interlocked.Read(ref _writes), Interlocked.Read(ref _writeFailures));

    /// <summary>The file an entry lives in: directly in <see cref="Folder"/>, named by its key.</summary>
    /// <remarks>
    /// Why flat and not git's two-character fan-out (until the twenty-second session): every fan-out folder is one more
    /// inode to create, and creating inodes is the slow part of writing a cache on this project's build machines (ext4
    /// without a journal scans the recently freed inodes for each; issue 9). A cold build of the replayed history made
    /// ≈ 340 folders for ≈ 660 entries and files. File systems of today index large folders (ext4 `dir_index`, XFS,
    /// Btrfs, APFS, NTFS), and synthetic N = 10000 keeps ≈ 20,000 files in one folder.
    /// </remarks>
    public string PathOf(CacheKey key) => Path.Combine(Folder, key.Hex);

    /// <summary>
    /// True when an entry for <paramref name="key"/> exists with the size a payload of <paramref name="payloadLength"/>
    /// bytes gives: a cheap check (no read, no hash) for content-addressed stores that skip writing what they have.
    /// A truncated entry fails it; a same-size corruption is still caught by <see cref="TryGet"/>.
    /// </summary>
    public bool Contains(CacheKey key, long payloadLength)
    {
        try
        {
            var file = new FileInfo(PathOf(key));
            return file.Exists && file.Length == HeaderLength + payloadLength;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public bool TryGet(CacheKey key, out byte[] value)
    {
        if (!TryGetPayload(key, out var payload))
        {
            value = [];
            return false;
        }

        value = payload.ToArray();
        return true;
    }

    /// <summary>
    /// <see cref="TryGet"/> without copying the payload out of the entry read: it is a slice of the array the file was
    /// read into (issue 9: the version page pack, ≈ 7 MB, was read and then copied whole).
    /// </summary>
    public bool TryGetPayload(CacheKey key, out ReadOnlyMemory<byte> payload)
    {
        payload = ReadOnlyMemory<byte>.Empty;
        var path = PathOf(key);
        byte[] entry;
        try
        {
            entry = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _misses);
            return false;
        }

        if (!IsIntact(entry))
        {
            Interlocked.Increment(ref _rejected);
            Interlocked.Increment(ref _misses);
            TryDelete(path);
            return false;
        }

        Interlocked.Increment(ref _hits);
        payload = entry.AsMemory(HeaderLength);
        return true;
    }

    /// <summary>
    /// Reads the entry for <paramref name="key"/> into a pooled buffer, checks it as <see cref="TryGet"/> does and gives
    /// its payload to <paramref name="read"/>, which must not keep the span: no array of the entry's size is allocated
    /// (issue 9: restoring 999 families read each entry into one array and copied its payload into a second, both on
    /// the large object heap). False when the entry is missing or damaged (a damaged one is deleted) or when
    /// <paramref name="read"/> is.
    /// </summary>
    public bool TryRead<T>(CacheKey key, PayloadReader<T> read, out T value)
    {
        ArgumentNullException.ThrowIfNull(read);
        value = default!;
        var path = PathOf(key);
        byte[] rented;
        int length;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            if (stream.Length > Array.MaxLength)
            {
                throw new IOException($"the entry {path} is too large to read");
            }

            length = (int)stream.Length;
            rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                stream.ReadExactly(rented, 0, length);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(rented);
                throw;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _misses);
            return false;
        }

        try
        {
            var entry = rented.AsSpan(0, length);
            if (!IsIntact(entry))
            {
                Interlocked.Increment(ref _rejected);
                Interlocked.Increment(ref _misses);
                TryDelete(path);
                return false;
            }

            Interlocked.Increment(ref _hits);
            return read(entry[HeaderLength..], out value);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public bool TryGetString(CacheKey key, out string value)
    {
        value = string.Empty;
        if (!TryGet(key, out var bytes))
        {
            return false;
        }

        try
        {
            value = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            // Stored with Set as bytes that are not text: not an entry this caller can use.
            return false;
        }
    }

    public void Set(CacheKey key, ReadOnlySpan<byte> value)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(value, digest);
        Write(key, digest, value.Length, value, source: null, segments: null);
    }

    /// <summary>
    /// Stores the bytes of <paramref name="segments"/>, joined in order, under <paramref name="key"/>: the entry
    /// <see cref="Set(CacheKey, ReadOnlySpan{byte})"/> writes for the joined bytes, but the pieces are hashed and written
    /// as they are, never joined (issue 9: a pack of many pages is written as its index and the pages' own buffers).
    /// </summary>
    public void Set(CacheKey key, IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Span<byte> digest = stackalloc byte[32];
        var length = HashSegments(segments, digest);
        Write(key, digest, length, [], source: null, segments);
    }

    /// <summary>
    /// Stores <paramref name="payload"/> under the SHA-256 of its bytes and returns that key: the same entry
    /// <see cref="Set(CacheKey, ReadOnlySpan{byte})"/> writes for that key, but the hash is computed once (it is both the key and the entry's
    /// checksum) and the payload is written as it is, without a packed copy. Skipped when an entry of that size exists,
    /// unless <paramref name="rewrite"/>.
    /// </summary>
    public CacheKey SetContentAddressed(ReadOnlySpan<byte> payload, bool rewrite = false)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(payload, digest);
        var key = new CacheKey(Convert.ToHexStringLower(digest));
        if (rewrite || !Contains(key, payload.Length))
        {
            Write(key, digest, payload.Length, payload, source: null, segments: null);
        }

        return key;
    }

    /// <summary>
    /// Stores the bytes of <paramref name="segments"/>, joined in order, under the SHA-256 of those bytes and returns
    /// that key: the entry <see cref="SetContentAddressed(ReadOnlySpan{byte}, bool)"/> writes for the joined bytes, but
    /// the pieces are hashed and written as they are, never joined (issue 9: a family's stored state is a header, a
    /// pooled JSON part and its body array; joining them was a large array per family). Skipped when an entry of that
    /// size exists, unless <paramref name="rewrite"/>.
    /// </summary>
    public CacheKey SetContentAddressed(IReadOnlyList<ReadOnlyMemory<byte>> segments, bool rewrite = false)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Span<byte> digest = stackalloc byte[32];
        var length = HashSegments(segments, digest);
        var key = new CacheKey(Convert.ToHexStringLower(digest));
        if (rewrite || !Contains(key, length))
        {
            Write(key, digest, length, [], source: null, segments);
        }

        return key;
    }

    // The SHA-256 of the segments' bytes joined in order, into digest; returns their total length.
    private static long HashSegments(IReadOnlyList<ReadOnlyMemory<byte>> segments, Span<byte> digest)
    {
        long length = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in segments)
        {
            hash.AppendData(segment.Span);
            length += segment.Length;
        }

        hash.GetHashAndReset(digest);
        return length;
    }

    /// <summary>
    /// Stores what <paramref name="source"/> holds (a seekable stream, read from its start) under the SHA-256 of its
    /// bytes and returns that key, streaming: the bytes are hashed in one read and, when the entry is missing (or
    /// <paramref name="rewrite"/>), copied in a second, so no copy of a large file is held in memory (issue 9: the
    /// output cache of a cold build read back and packed ~300 MB of pages at N = 1000). Returns null when reading fails.
    /// </summary>
    public CacheKey? SetContentAddressed(Stream source, bool rewrite = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<byte> digest = stackalloc byte[32];
        long length;
        try
        {
            source.Position = 0;
            SHA256.HashData(source, digest);
            length = source.Length;
            source.Position = 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var key = new CacheKey(Convert.ToHexStringLower(digest));
        if (rewrite || !Contains(key, length))
        {
            Write(key, digest, length, [], source, segments: null);
        }

        return key;
    }

    /// <summary>Stores text; text with a lone surrogate is not stored, since UTF-8 could not give it back unchanged.</summary>
    public void SetString(CacheKey key, string value)
    {
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException)
        {
            Interlocked.Increment(ref _writeFailures);
            return;
        }

        Set(key, bytes);
    }

    /// <summary>
    /// Deletes every entry whose key is not in <paramref name="keep"/> (keys as <see cref="CacheKey.Hex"/>), so the folder
    /// holds what one build uses. Temporary files (another process's write in progress, renamed into place when done) are
    /// left alone. Failures are ignored: pruning only saves space, and an entry is never read without its key.
    /// </summary>
    public void RemoveEntriesExcept(IReadOnlySet<string> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        if (!Directory.Exists(Folder))
        {
            return;
        }

        try
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(file);
                if (!name.Contains(TemporarySuffix, StringComparison.Ordinal) && !keep.Contains(name))
                {
                    TryDelete(file);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The folder went or could not be listed: what is left is pruned by a later build.
        }
    }

    /// <summary>
    /// Writes an entry (<paramref name="payload"/>, or what <paramref name="source"/> holds from its position on, or the
    /// <paramref name="segments"/> in order) through a temporary file and a rename, so readers never see a half-written entry.
    /// </summary>
    private void Write(CacheKey key, ReadOnlySpan<byte> digest, long length, ReadOnlySpan<byte> payload, Stream? source, IReadOnlyList<ReadOnlyMemory<byte>>? segments)
    {
        var path = PathOf(key);
        var temporary = $"{path}{TemporarySuffix}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        try
        {
            using (var stream = CreateTemporary(temporary)) // unbuffered: a 64 KiB buffer per entry was 130 MiB at N = 1000
            {
                Span<byte> header = stackalloc byte[HeaderLength];
                Magic.CopyTo(header);
                BinaryPrimitives.WriteInt64LittleEndian(header[8..16], length);
                digest.CopyTo(header[16..]);
                stream.Write(header);
                if (source is not null)
                {
                    source.CopyTo(stream);
                }
                else if (segments is not null)
                {
                    foreach (var segment in segments)
                    {
                        stream.Write(segment.Span);
                    }
                }
                else
                {
                    stream.Write(payload);
                }
            }

            File.Move(temporary, path, overwrite: true);
            Interlocked.Increment(ref _writes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _writeFailures);
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Creates the temporary file <paramref name="temporary"/> of an entry (unbuffered), making its folder first
    /// unless this cache knows it is there; a known folder found missing is made and the file created again.
    /// </summary>
    private FileStream CreateTemporary(string temporary)
    {
        var folder = Path.GetDirectoryName(temporary)!;
        if (!_knownFolders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _knownFolders.TryAdd(folder, true);
            return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        }

        try
        {
            return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(folder);
            return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        }
    }

    /// <summary>Whether <paramref name="entry"/> is a whole entry: magic, a length that accounts for every byte and the payload's SHA-256.</summary>
    private static bool IsIntact(ReadOnlySpan<byte> entry)
    {
        if (entry.Length < HeaderLength || !entry[..8].SequenceEqual(Magic))
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(entry[8..16]);
        if (length != entry.Length - HeaderLength)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        SHA256.HashData(entry[HeaderLength..], actual);
        return actual.SequenceEqual(entry[16..HeaderLength]);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leaving a damaged entry is safe: it fails the same check next time.
        }
    }
}
