namespace Handbook.Site.Caching;

using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;
using Handbook.Site.Theming.Views;

/// <summary>
/// Adds a family view's body to a page key: the form it is kept in (a string or UTF-8 bytes – a template sees a different
/// value for each) and its UTF-8 bytes. Shared by the keys of finished version pages (<see cref="Versions.VersionPageKeys"/>)
/// and of current family pages (<see cref="ThemePageKeys"/>), so both key a body the same way.
/// </summary>
internal static class FamilyBodyHash
{
    /// <summary>False for a body UTF-8 cannot carry (a lone surrogate): such a page has no key and is rendered.</summary>
    public static bool TryAdd(IncrementalHash hash, FamilyView family)
    {
        if (family.BodyHtmlUtf8 is { } utf8)
        {
            BuildFingerprint.Add(hash, "utf8");
            BuildFingerprint.Add(hash, utf8);
            return true;
        }

        BuildFingerprint.Add(hash, "string");
        // A pooled buffer: a new array of three times each body was ≈ 10 MiB per versioned build of the replayed history
        // once the page cache ran under every --cache (issue 9).
        var bytes = ArrayPool<byte>.Shared.Rent(checked(family.BodyHtml.Length * 3));
        try
        {
            if (Utf8.FromUtf16(family.BodyHtml, bytes, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return false;
            }

            BuildFingerprint.Add(hash, bytes.AsSpan(0, written));
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
