namespace Handbook.Site.Export;

using Microsoft.Win32.SafeHandles;

/// <summary>
/// A temporary file that holds families' parts of <c>api/job-families.json</c> (<see cref="JobFamiliesExport.FragmentOf"/>)
/// from the moment each is made until the file is written in its own order (by URL): a one-shot build makes each part
/// as the theme renders the family, in whatever order the threads take the families, so the family's bullets can go
/// right after the theme (issue 9) while the parts (886 MB at synthetic N = 10000) are not held in memory either.
/// </summary>
/// <remarks>
/// Safe to add to from several threads at once: each part gets its own range of the file (reserved by one atomic
/// addition) and is written there by position. The file is deleted when the spool is disposed (or the process ends).
/// </remarks>
public sealed class ExportFragmentSpool : IDisposable
{
    private readonly SafeFileHandle _file;
    private long _length;

    public ExportFragmentSpool()
    {
        var path = Path.Combine(Path.GetTempPath(), $"handbook-export-{Guid.NewGuid():N}.spool");
        _file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
    }

    /// <summary>Where a part is in the spool.</summary>
    public readonly record struct Fragment(long Offset, int Length);

    /// <summary>Writes <paramref name="bytes"/> into the spool and says where they are.</summary>
    public Fragment Add(ReadOnlySpan<byte> bytes)
    {
        var offset = Interlocked.Add(ref _length, bytes.Length) - bytes.Length;
        RandomAccess.Write(_file, bytes, offset);
        return new Fragment(offset, bytes.Length);
    }

    /// <summary>Reads the part at <paramref name="fragment"/> into <paramref name="target"/> (exactly its length).</summary>
    public void Read(Fragment fragment, Span<byte> target)
    {
        if (target.Length != fragment.Length)
        {
            throw new ArgumentException($"The target holds {target.Length} bytes, the part {fragment.Length}.", nameof(target));
        }

        var read = 0;
        while (read < target.Length)
        {
            var count = RandomAccess.Read(_file, target[read..], fragment.Offset + read);
            if (count == 0)
            {
                throw new IOException($"The export spool ended {target.Length - read} bytes early.");
            }

            read += count;
        }
    }

    public void Dispose() => _file.Dispose();
}
