namespace Handbook.Site.Stages;

using Handbook.JobFamilies.Stages;
using Microsoft.Win32.SafeHandles;

/// <summary>
/// A temporary file of byte fragments, each written once and read back by its position: what
/// <see cref="PerFamilyOutputs"/> makes of each family as the theme renders it (its part of
/// <c>api/job-families.json</c>, its search texts) waits here until the stage that writes the file reaches the family
/// in the file's order (by URL). The theme takes the families in whatever order its threads do, and the parts are
/// too large to hold (the export is 886 MB at synthetic N = 10000).
/// </summary>
/// <remarks>
/// Safe to add to and read from several threads at once: each fragment gets its own range of the file (reserved by one atomic
/// addition) and is written there by position. The file has no name outside Windows (deleted as soon as it is open),
/// and on Windows it is deleted when the spool is disposed or the process ends.
/// A batched build also keeps its compressed bodies and parked Markdown in one (<see cref="ICompressedTextSpool"/>).
/// </remarks>
public sealed class FragmentSpool : IDisposable, ICompressedTextSpool
{
    private readonly SafeFileHandle _file;
    private long _length;

    public FragmentSpool()
    {
        var path = Path.Combine(Path.GetTempPath(), $"handbook-spool-{Guid.NewGuid():N}.spool");
        _file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);

        // Outside Windows, DeleteOnClose is .NET deleting the file when the handle is disposed: a spool that was never
        // disposed, or a process that was killed, left its file in the temp folder (one per build, found there after
        // the twenty-fifth session's benchmark runs). An open file lives on without its name, so the name goes now;
        // on Windows the system deletes it when the last handle closes.
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }

        FilePath = path;
    }

    /// <summary>Where the spool's file was created (outside Windows no file has this name once the spool exists).</summary>
    internal string FilePath { get; }

    /// <summary>Where a fragment is in the spool.</summary>
    public readonly record struct Fragment(long Offset, int Length);

    /// <summary>Writes <paramref name="bytes"/> into the spool and says where they are.</summary>
    public Fragment Add(ReadOnlySpan<byte> bytes)
    {
        var offset = Interlocked.Add(ref _length, bytes.Length) - bytes.Length;
        RandomAccess.Write(_file, bytes, offset);
        return new Fragment(offset, bytes.Length);
    }

    /// <summary>Reads the fragment at <paramref name="fragment"/> into <paramref name="target"/> (exactly its length).</summary>
    public void Read(Fragment fragment, Span<byte> target)
    {
        if (target.Length != fragment.Length)
        {
            throw new ArgumentException($"The target holds {target.Length} bytes, the fragment {fragment.Length}.", nameof(target));
        }

        var read = 0;
        while (read < target.Length)
        {
            var count = RandomAccess.Read(_file, target[read..], fragment.Offset + read);
            if (count == 0)
            {
                throw new IOException($"The spool ended {target.Length - read} bytes early.");
            }

            read += count;
        }
    }

    long ICompressedTextSpool.Add(ReadOnlySpan<byte> bytes) => Add(bytes).Offset;

    void ICompressedTextSpool.Read(long offset, Span<byte> target) => Read(new Fragment(offset, target.Length), target);

    public void Dispose() => _file.Dispose();
}
