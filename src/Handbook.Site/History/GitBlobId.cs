namespace Handbook.Site.History;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Git's object id of a blob: the SHA-1 of <c>blob &lt;length&gt;\0</c> followed by the content. Lets a reader check
/// that bytes it was handed are exactly a blob's content (<see cref="RepositoryHistory"/> reads blobs through
/// libgit2's filtered stream, which is one object read instead of two, and keeps the bytes only when they are the blob
/// itself: no filter changed them).
/// </summary>
public static class GitBlobId
{
    private const int Sha1HexLength = 40;

    /// <summary>
    /// Whether <paramref name="content"/> is the content of the blob <paramref name="blobSha"/> (a SHA-1 id, 40 hex
    /// digits, any case). False for ids of another form (a SHA-256 repository's), which this does not compute.
    /// </summary>
    public static bool Names(string blobSha, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(blobSha);
        if (blobSha.Length != Sha1HexLength)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[32];
        var headerLength = Encoding.ASCII.GetBytes("blob " + content.Length.ToString(CultureInfo.InvariantCulture) + "\0", header);
        Span<byte> digest = stackalloc byte[20];
#pragma warning disable CA5350 // Git names objects by SHA-1: this recomputes an id, it protects nothing.
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
#pragma warning restore CA5350
        {
            hash.AppendData(header[..headerLength]);
            hash.AppendData(content);
            hash.GetHashAndReset(digest);
        }

        Span<char> hex = stackalloc char[Sha1HexLength];
        Convert.TryToHexStringLower(digest, hex, out _);
        return blobSha.AsSpan().Equals(hex, StringComparison.OrdinalIgnoreCase);
    }
}
