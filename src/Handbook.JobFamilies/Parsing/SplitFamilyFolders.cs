namespace Handbook.JobFamilies.Parsing;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Checks the folders of Hugo-era split families: level pages (pages with a front matter <c>weight</c>, Hugo's order
/// of a folder's pages) beside a family page <c>_index.md</c>. Two mistakes leave the site looking fine page by page:
/// the family page deleted or never written (the family's shared text and its page at the folder's URL are gone),
/// and the family page named <c>index.md</c> (Hugo reads it as a page with nothing under it and builds none of the
/// level pages). Both are PAGE002 warnings: this build still builds every page it has.
/// </summary>
public static class SplitFamilyFolders
{
    public const string Code = "PAGE002";

    /// <param name="pages">Every page of the site and whether its front matter has a weight.</param>
    public static void Check(IEnumerable<(FamilyPathInfo Path, bool HasWeight)> pages, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var all = pages.ToList();
        var byUrl = all.GroupBy(p => p.Path.Url, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Path).ToList(), StringComparer.Ordinal);
        var levelsByFolder = all
            .Where(p => p.HasWeight && !p.Path.IsFolderIndex && !p.Path.IsDepartmentIndex && p.Path.Slug.Count(c => c == '/') >= 2)
            .GroupBy(p => FamilyPath.UrlOf(p.Path.Slug[..p.Path.Slug.LastIndexOf('/')]), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var folder in levelsByFolder)
        {
            var levels = folder.Select(p => p.Path.SourcePath).Order(StringComparer.Ordinal).ToList();
            var others = levels.Count == 1 ? string.Empty : $" and {levels.Count - 1} other level page{(levels.Count == 2 ? string.Empty : "s")}";
            var folderPath = levels[0][..(levels[0].LastIndexOf('/') + 1)];
            if (!byUrl.TryGetValue(folder.Key, out var familyPages))
            {
                diagnostics.Add(Diagnostic.Warning(
                    Code,
                    $"'{levels[0]}'{others} are in '{folderPath}', which has no '_index.md': the family has no page at {folder.Key}",
                    SourceLocation.File(levels[0]),
                    $"add '{folderPath}_index.md' with the family's title and what all its levels share (Hugo builds no family page without it either)"));
                continue;
            }

            var leaf = familyPages.FirstOrDefault(p => p.IsFolderIndex && !FamilyPath.IsHugoIndexFileName(p.SourcePath[(p.SourcePath.LastIndexOf('/') + 1)..])
                && p.SourcePath.EndsWith("/index.md", StringComparison.OrdinalIgnoreCase));
            if (leaf is not null)
            {
                diagnostics.Add(Diagnostic.Warning(
                    Code,
                    $"'{leaf.SourcePath}' is the page of a folder with level pages ('{levels[0]}'{others}): Hugo reads 'index.md' as a page with nothing under it and builds none of them",
                    SourceLocation.File(leaf.SourcePath),
                    $"rename it '{folderPath}_index.md', the family page of a folder of level pages"));
            }
        }
    }
}
