namespace Handbook.JobFamilies.Parsing;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Two page files of one URL: a Hugo-era folder with both <c>_index.md</c> and <c>index.md</c>, or a page written
/// both as <c>x.md</c> and as <c>x/index.html.md</c> (one was moved and the other not deleted). Only one can be the
/// page: the first in ordinal path order is kept (what the output writer kept before), and each other one is reported
/// as PAGE001 at its own first line – a contributor's mistake, not an internal error (it was INTERNAL004 when both
/// reached the output), and no longer parsed, checked and counted as a family of its own.
/// </summary>
public static class PagesSharingUrl
{
    public const string Code = "PAGE001";

    /// <summary>The source paths of <paramref name="pages"/> (path and URL) to leave out, with a PAGE001 each in <paramref name="diagnostics"/>.</summary>
    public static IReadOnlySet<string> Find(IEnumerable<FamilyPathInfo> pages, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in pages.GroupBy(p => p.Url, StringComparer.Ordinal).Where(g => g.Skip(1).Any()))
        {
            var ordered = group.OrderBy(p => p.SourcePath, StringComparer.Ordinal).ToList();
            var kept = ordered[0].SourcePath;
            foreach (var other in ordered.Skip(1))
            {
                dropped.Add(other.SourcePath);
                diagnostics.Add(Diagnostic.Error(
                    Code,
                    $"'{other.SourcePath}' and '{kept}' are both the page of {other.Url}: only '{kept}' is built",
                    SourceLocation.File(other.SourcePath),
                    HintFor(other.SourcePath, kept)));
            }
        }

        return dropped;
    }

    private static string HintFor(string other, string kept)
    {
        var names = new[] { FileName(other), FileName(kept) };
        if (names.Any(FamilyPath.IsHugoIndexFileName) && names.Any(n => !FamilyPath.IsHugoIndexFileName(n) && n.StartsWith("index.", StringComparison.Ordinal)))
        {
            return "a folder has one page: keep '_index.md' (a family with level pages beside it) and move what the other holds into it, then delete it";
        }

        return "merge the two files into the one you keep and delete the other (a page moved into a folder leaves its old file behind)";
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
