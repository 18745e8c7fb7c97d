namespace Handbook.Site.Versions;

using Handbook.JobFamilies.Parsing;

/// <summary>
/// The input files a version is rendered from, as of its commit: the same set the build reads from disk
/// (<see cref="Building.InputFiles.Text"/>: pages and partials under <c>job-families/</c>, <c>includes/</c>, root
/// partials, <c>data/*.yml</c>), written as predicates over input-relative paths for the tree walk.
/// </summary>
public static class HistoricInputFiles
{
    /// <summary>Folders worth walking (everything else in the repository is skipped).</summary>
    public static bool DescendInto(string folder) =>
        folder == "data" || IsBelow(folder, "job-families") || IsBelow(folder, "includes");

    public static bool Includes(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..];
        var markdownOrErb = name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".erb", StringComparison.Ordinal);
        if (slash < 0)
        {
            return name.StartsWith('_') && markdownOrErb;
        }

        return path.StartsWith("job-families/", StringComparison.Ordinal) || path.StartsWith("includes/", StringComparison.Ordinal)
            ? markdownOrErb
            : path.StartsWith("data/", StringComparison.Ordinal) && slash == "data".Length && name.EndsWith(".yml", StringComparison.Ordinal);
    }

    /// <summary>Partials (<c>_name.md</c>, <c>_name.erb</c>; not Hugo's <c>_index.md</c>) and includes: files that are not pages or data.</summary>
    public static bool IsPartial(string path) =>
        path.StartsWith("includes/", StringComparison.Ordinal) || FamilyPath.IsPartialFileName(path[(path.LastIndexOf('/') + 1)..]);

    private static bool IsBelow(string folder, string root) =>
        folder == root || folder.StartsWith(root + "/", StringComparison.Ordinal);
}
