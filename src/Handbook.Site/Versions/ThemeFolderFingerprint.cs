namespace Handbook.Site.Versions;

using System.Security.Cryptography;
using Handbook.Site.Caching;
using Handbook.Site.Theming;

/// <summary>
/// A hash of every file of the theme folder a template can read: the templates, the layout, the partials and any other
/// file outside <c>assets/</c>, plus every <c>.liquid</c> file inside it (Fluid resolves an include against the whole
/// folder). Part of each stored version page's key (<see cref="VersionPageKeys"/>): unlike the version render cache,
/// those entries are whole pages, so an edited partial must miss. Assets are copied, not rendered, and left out (the
/// vendored scripts are megabytes that would be hashed in every build).
/// </summary>
public static class ThemeFolderFingerprint
{
    public static byte[] Of(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        BuildFingerprint.AddFolder(hash, theme.Directory, IsReadByTemplates);
        return hash.GetHashAndReset();
    }

    private static bool IsReadByTemplates(string relative) =>
        !relative.StartsWith(ThemeTemplates.AssetsFolder + "/", StringComparison.Ordinal) || relative.EndsWith(".liquid", StringComparison.Ordinal);
}
