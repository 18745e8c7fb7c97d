namespace Handbook.JobFamilies.Tests.Stages;

using Handbook.JobFamilies.Stages;

/// <summary>A spool in memory for the tests (the app's is a temporary file): counts what was written, thread-safe.</summary>
internal sealed class MemoryTextSpool : ICompressedTextSpool
{
    private readonly Lock _lock = new();
    private readonly List<byte> _bytes = [];

    /// <summary>Texts written.</summary>
    public int Count { get; private set; }

    public long Add(ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            var offset = _bytes.Count;
            _bytes.AddRange(bytes);
            Count++;
            return offset;
        }
    }

    public void Read(long offset, Span<byte> target)
    {
        lock (_lock)
        {
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = _bytes[checked((int)offset + i)];
            }
        }
    }
}
