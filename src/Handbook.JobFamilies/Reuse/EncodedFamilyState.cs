namespace Handbook.JobFamilies.Reuse;

using Handbook.Pipeline.Buffers;

/// <summary>
/// A family state's stored bytes (<see cref="FamilyStateCodec.Encode"/>) as the three pieces they are made of, not
/// joined: the header with both lengths, the JSON part (in a pooled buffer) and the body (the state's own array).
/// Joining them was a second copy of every entry (≈ 190 KB at N = 1000); the store hashes and writes the pieces as
/// they are. Dispose returns the JSON part's buffer to the pool, after which the pieces must not be read.
/// </summary>
public sealed class EncodedFamilyState : IDisposable
{
    private readonly PooledBufferWriter _json;

    internal EncodedFamilyState(byte[] prefix, PooledBufferWriter json, byte[] body)
    {
        _json = json;
        Segments = [prefix, json.WrittenMemory, body];
        Length = prefix.Length + json.WrittenCount + body.Length;
    }

    /// <summary>The entry's bytes in order: header and lengths, JSON part, body.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Segments { get; }

    public int Length { get; }

    /// <summary>The pieces joined into one array (what <see cref="FamilyStateCodec.Write"/> returns).</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        var offset = 0;
        foreach (var segment in Segments)
        {
            segment.Span.CopyTo(bytes.AsSpan(offset));
            offset += segment.Length;
        }

        return bytes;
    }

    public void Dispose() => _json.Dispose();
}
