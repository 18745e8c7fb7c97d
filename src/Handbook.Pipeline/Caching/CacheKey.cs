namespace Handbook.Pipeline.Caching;

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Names a cache entry: the SHA-256 of the stage name, the stage version and the SHA-256 of every input. Each part
/// is length-prefixed, so ("ab", "c") and ("a", "bc") never collide. Bump the stage version whenever the stage's
/// output for the same input changes, and every old entry simply stops being found.
/// </summary>
public readonly record struct CacheKey(string Hex)
{
    public static CacheKey Create(string stageName, string stageVersion, params IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(stageName);
        ArgumentNullException.ThrowIfNull(stageVersion);
        ArgumentNullException.ThrowIfNull(inputs);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendPart(hash, Encoding.UTF8.GetBytes(stageName));
        AppendPart(hash, Encoding.UTF8.GetBytes(stageVersion));
        foreach (var input in inputs)
        {
            AppendPart(hash, SHA256.HashData(Encoding.UTF8.GetBytes(input)));
        }

        return new CacheKey(Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public override string ToString() => Hex;

    private static void AppendPart(IncrementalHash hash, ReadOnlySpan<byte> part)
    {
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, part.Length);
        hash.AppendData(length);
        hash.AppendData(part);
    }
}
