namespace Handbook.Site.Preview;

using System.Security.Cryptography;

/// <summary>
/// The content hashes of an output folder, so the preview can tell browsers which pages a rebuild really
/// changed: take one before the build and one after, then pass <see cref="ChangedUrls"/> to
/// <see cref="PreviewServer.NotifyChanged"/>. A changed or removed asset (CSS, JS, image) changes every page,
/// so it yields <c>*</c>; data files (JSON, XML) change no page.
/// </summary>
public sealed class OutputSnapshot
{
    public const string AllPages = "*";

    private readonly Dictionary<string, string> _hashes;

    private OutputSnapshot(Dictionary<string, string> hashes) => _hashes = hashes;

    public static OutputSnapshot Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Hashes every file under <paramref name="outputFolder"/>; empty when the folder does not exist yet.</summary>
    public static OutputSnapshot Take(string outputFolder)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(outputFolder))
        {
            return new OutputSnapshot(hashes);
        }

        foreach (var file in Directory.EnumerateFiles(outputFolder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(outputFolder, file).Replace('\\', '/');
            try
            {
                using var stream = File.OpenRead(file);
                hashes[relative] = Convert.ToHexString(SHA256.HashData(stream));
            }
            catch (IOException)
            {
                hashes[relative] = string.Empty; // vanished mid-walk: counts as changed
            }
        }

        return new OutputSnapshot(hashes);
    }

    /// <summary>The site URLs whose content differs in <paramref name="after"/> (sorted), or <c>["*"]</c> when an
    /// asset pages load changed.</summary>
    public IReadOnlyList<string> ChangedUrls(OutputSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in _hashes.Keys.Union(after._hashes.Keys))
        {
            var same = _hashes.TryGetValue(path, out var before) && after._hashes.TryGetValue(path, out var now) && before == now;
            if (same)
            {
                continue;
            }

            if (path.EndsWith(".html", StringComparison.Ordinal))
            {
                changed.Add(UrlOf(path));
            }
            else if (IsSubresource(path))
            {
                return [AllPages];
            }
        }

        return [.. changed];
    }

    /// <summary>
    /// The site URLs of changed output files (sorted), or <c>["*"]</c> when one of them is not a page (an asset
    /// changes every page); what a writer's <see cref="Pipeline.Output.OutputWriteResult.ChangedFiles"/> maps to.
    /// </summary>
    public static IReadOnlyList<string> UrlsOf(IEnumerable<string> changedFiles)
    {
        ArgumentNullException.ThrowIfNull(changedFiles);
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in changedFiles)
        {
            if (path.EndsWith(".html", StringComparison.Ordinal))
            {
                urls.Add(UrlOf(path));
            }
            else if (IsSubresource(path))
            {
                return [AllPages];
            }
        }

        return [.. urls];
    }

    /// <summary>
    /// Files pages load (stylesheets, scripts, images, fonts): a change may alter any page. Data files the site
    /// publishes for other readers (<c>api/*.json</c>, <c>sitemap.xml</c>, <c>_redirects</c>) change no page, and
    /// every rebuild of a page rewrites them, so they must not reload every open tab.
    /// </summary>
    public static bool IsSubresource(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() is ".css" or ".js" or ".mjs" or ".png" or ".jpg" or ".jpeg" or ".gif" or ".svg" or ".webp" or ".ico" or ".avif" or ".woff" or ".woff2" or ".ttf" or ".otf";
    }

    /// <summary><c>a/b/index.html</c> → <c>/a/b/</c>; other pages keep their file name (<c>/about.html</c>).</summary>
    public static string UrlOf(string relativePath) =>
        relativePath == "index.html" ? "/"
        : relativePath.EndsWith("/index.html", StringComparison.Ordinal) ? "/" + relativePath[..^"index.html".Length]
        : "/" + relativePath;
}
