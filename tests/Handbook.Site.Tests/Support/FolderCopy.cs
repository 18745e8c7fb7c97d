namespace Handbook.Site.Tests.Support;

/// <summary>Copies a folder's files (a fixture, a built site, the sources) into another, keeping the relative paths.</summary>
public static class FolderCopy
{
    /// <param name="from">The folder copied.</param>
    /// <param name="to">Where its files go (created as needed).</param>
    /// <param name="skip">Given a file's path relative to <paramref name="from"/>, true to leave it out.</param>
    public static void Copy(string from, string to, Func<string, bool>? skip = null)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skip?.Invoke(relative) == true)
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
