namespace Handbook.Site.Navigation;

/// <summary>Where the input folder sits inside its git work tree, for links to its files on the repository's website.</summary>
public static class RepositoryFolder
{
    /// <summary>
    /// The input folder's path relative to the nearest folder at or above it that holds <c>.git</c> (a folder, or the
    /// file a linked work tree has), '/'-separated; "" when the input folder is that root or is in no work tree.
    /// </summary>
    public static string PathOf(string inputFolder)
    {
        ArgumentNullException.ThrowIfNull(inputFolder);
        var input = Path.GetFullPath(inputFolder);
        for (var folder = new DirectoryInfo(input); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                var relative = Path.GetRelativePath(folder.FullName, input).Replace('\\', '/');
                return relative == "." ? string.Empty : relative;
            }
        }

        return string.Empty;
    }
}
