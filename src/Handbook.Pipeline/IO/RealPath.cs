namespace Handbook.Pipeline.IO;

/// <summary>
/// Resolves every symbolic link in an absolute path (like POSIX <c>realpath</c>), so containment in the input
/// folder is decided on where a file really is, not on how it is named.
/// </summary>
public static class RealPath
{
    /// <summary>Same limit as Linux (ELOOP): deeper chains are treated as a loop.</summary>
    private const int MaxLinkHops = 40;

    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new List<string>(Split(full[root.Length..]));
        var current = root;
        var hops = 0;
        var i = 0;
        while (i < pending.Count)
        {
            var next = Path.Combine(current, pending[i]);
            var link = new FileInfo(next).LinkTarget;
            if (link is null)
            {
                current = next;
                i++;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new IOException($"too many levels of symbolic links at '{next}'");
            }

            // Restart from the link's target followed by the segments not resolved yet; `current` is already real,
            // so normalising '..' against it is correct.
            var target = Path.GetFullPath(Path.IsPathRooted(link) ? link : Path.Combine(current, link));
            pending = [.. Split(target[Path.GetPathRoot(target)!.Length..]), .. pending.Skip(i + 1)];
            root = Path.GetPathRoot(target)!;
            current = root;
            i = 0;
        }

        return current.Length > root.Length ? current.TrimEnd(Path.DirectorySeparatorChar) : current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it (both real paths).</summary>
    public static bool IsInside(string path, string folder) =>
        string.Equals(path, folder, StringComparison.Ordinal)
        || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string[] Split(string relative) =>
        relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
