namespace Handbook.Site.Versions;

using System.Runtime.InteropServices;
using System.Security.Cryptography;

/// <summary>
/// A text's length and the SHA-256 of its UTF-16 code units: what <see cref="CurrentPages"/> compares a historic
/// blob's decoded text with instead of holding the current page's text (a one-shot versioned build lets the texts go
/// after parsing, issue 9). Equal fingerprints mean equal texts (a SHA-256 collision is not a practical concern; the
/// render cache relies on the same).
/// </summary>
public sealed record TextFingerprint(int Length, string Sha256)
{
    public static TextFingerprint Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextFingerprint(text.Length, Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()))));
    }
}
