namespace Handbook.Site.Versions;

using System.Security.Cryptography;
using System.Text;
using Handbook.Site.Theming;

/// <summary>
/// A hash of the theme's templates (not its assets), part of every version's render-cache key: the cached content
/// holds no theme output today, but the brief of the cache is "theme changes re-render", which keeps it safe should
/// templates ever shape the cached part.
/// </summary>
public static class ThemeFingerprint
{
    public static string Of(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in ThemeTemplates.All)
        {
            var path = Path.Combine(theme.Directory, name);
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            if (File.Exists(path))
            {
                hash.AppendData(File.ReadAllBytes(path));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
