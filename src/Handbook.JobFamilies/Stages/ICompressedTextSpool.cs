namespace Handbook.JobFamilies.Stages;

/// <summary>
/// Where compressed texts can wait off the heap (a temporary file the app provides; the plugin does no I/O itself):
/// the bodies rendered in the batches until the theme places them, and the parked Markdown until a batch parses it
/// (<see cref="CompressedText"/>). Issue 9: at synthetic N = 10000 both were ≈ 165 MiB of the heap at the end of the
/// batches, the build's peak.
/// </summary>
/// <remarks>Both calls must be safe from several threads at once: the batches compress and read on every core.</remarks>
public interface ICompressedTextSpool
{
    /// <summary>Writes <paramref name="bytes"/> and says where they are.</summary>
    long Add(ReadOnlySpan<byte> bytes);

    /// <summary>Reads the bytes written at <paramref name="offset"/> into <paramref name="target"/> (exactly as many as were written).</summary>
    void Read(long offset, Span<byte> target);
}
