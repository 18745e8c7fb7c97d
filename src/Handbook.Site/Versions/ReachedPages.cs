namespace Handbook.Site.Versions;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Extends;
using Handbook.Pipeline.Documents;

/// <summary>
/// The linked pages of a historic batch (pages a wanted version's source links to, <see cref="PageLinks"/>) and which
/// of them an "extends" statement can reach: a statement reaches another page only through a link to it (or by a role
/// name searched on every page, which <see cref="ExpandExtendsWithinBatch"/> detects), so the pages the wanted pages'
/// statements link to, and the pages those pages' statements link to, transitively, are all the expansion of the wanted
/// pages reads (issue 9: the others were parsed, given grades and expanded for nothing).
/// </summary>
public static class ReachedPages
{
    /// <summary>A document of the batch that is neither wanted, nor a partial, nor the grade data.</summary>
    public static bool IsLinked(Document document, IReadOnlySet<string> wanted, string gradesDataPath)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(wanted);
        var path = document.SourcePath;
        return !wanted.Contains(path) && !HistoricInputFiles.IsPartial(path) && !string.Equals(path, gradesDataPath, StringComparison.Ordinal);
    }

    /// <summary>
    /// The source paths of the pages the statements of <paramref name="parsed"/> link to (found as the resolver finds
    /// them, <see cref="StatementLinks"/>), by <paramref name="urls"/> (<see cref="BatchFamilyLookup.SiteUrlsOf"/>), in ordinal order.
    /// </summary>
    public static SortedSet<string> LinkedBy(IEnumerable<Document> parsed, IReadOnlyDictionary<string, string> urls) =>
        LinkedBy(parsed, urls, new FoundStatementsMemo());

    /// <summary>
    /// As <see cref="LinkedBy(IEnumerable{Document}, IReadOnlyDictionary{string, string})"/>, each page's statements
    /// found through <paramref name="statements"/> and so remembered for the batch's expansion, which reads them again
    /// (issue 9: each reached page's statements were found twice, here and when resolving).
    /// </summary>
    public static SortedSet<string> LinkedBy(IEnumerable<Document> parsed, IReadOnlyDictionary<string, string> urls, FoundStatementsMemo statements)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(statements);
        var linked = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var document in parsed)
        {
            if (!document.TryGet(JobFamilyKeys.Family, out var family))
            {
                continue;
            }

            foreach (var url in StatementLinks.FamilyUrlsOf(family, statements))
            {
                if (urls.TryGetValue(url, out var path))
                {
                    linked.Add(path);
                }
            }
        }

        return linked;
    }
}
