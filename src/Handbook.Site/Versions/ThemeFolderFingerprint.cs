namespace Handbook.Site.Versions;

using System.Security.Cryptography;
using System.Text;
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
        var files = new List<string>();
        foreach (var path in Directory.EnumerateFiles(theme.Directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(theme.Directory, path).Replace('\\', '/');
            if (!relative.StartsWith(ThemeTemplates.AssetsFolder + "/", StringComparison.Ordinal) || relative.EndsWith(".liquid", StringComparison.Ordinal))
            {
                files.Add(relative);
            }
        }

        files.Sort(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var relative in files)
        {
            BuildFingerprint.Add(hash, Encoding.UTF8.GetBytes(relative));
            BuildFingerprint.Add(hash, File.ReadAllBytes(Path.Combine(theme.Directory, relative)));
        }

        return hash.GetHashAndReset();
    }
}
