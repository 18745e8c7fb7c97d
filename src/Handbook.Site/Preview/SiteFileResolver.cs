namespace Handbook.Site.Preview;

/// <summary>
/// Maps decoded path segments to a file inside the output folder, refusing anything whose real path (every
/// symlink on the way resolved) leaves the folder. Each component is checked as it is walked, so a link in the
/// middle of the path cannot point the rest of the walk outside.
/// </summary>
public static class SiteFileResolver
{
    /// <summary>The real path of the output folder itself (it may be reached through a symlink).</summary>
    public static string? RealRoot(string outputFolder)
    {
        var full = Path.GetFullPath(outputFolder);
        var info = new DirectoryInfo(full);
        if (!info.Exists)
        {
            return null;
        }

        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null || !target.Exists ? null : Path.TrimEndingDirectorySeparator(target.FullName);
    }

    /// <summary>The real path of <paramref name="segments"/> under <paramref name="realRoot"/>, or null when it does not
    /// exist or escapes the folder.</summary>
    public static string? Resolve(string realRoot, IEnumerable<string> segments)
    {
        var current = realRoot;
        foreach (var segment in segments)
        {
            var next = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (!info.Exists)
            {
                return null;
            }

            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists)
                {
                    return null;
                }

                next = Path.TrimEndingDirectorySeparator(target.FullName);
            }

            if (!IsInside(realRoot, next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
