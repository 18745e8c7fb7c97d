namespace Handbook.Site.Versions;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Extends;
using Handbook.Pipeline.Documents;

/// <summary>
/// The linked pages of a historic batch: pages a wanted version's source links to (<see cref="PageLinks"/>), there only
/// because an "extends" statement may reach them, and when the batch can do without them.
/// </summary>
/// <remarks>
/// A batch without any <c>.erb</c> file whose wanted pages have no "extends" statement reads nothing of its linked
/// pages: ERB (which lists the batch's pages) is expanded only in <c>.erb</c> pages; front matter, parsing, stray tags,
/// grades, badges and body HTML are per page; and extends changes only the families that own statements
/// (<see cref="ExpandExtends"/>: "the other families are read, never changed") – a wanted page without statements
/// owns none, is on no cycle, and is never matched by name against anything. Linked pages then cost a parse, grades
/// and extends each for nothing (issue 9: about a quarter of the historic Markdown of the replayed history).
/// </remarks>
public static class LinkedPages
{
    /// <summary>A document of the batch that is neither wanted, nor a partial, nor the grade data.</summary>
    public static bool IsLinked(Document document, IReadOnlySet<string> wanted, string gradesDataPath)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(wanted);
        var path = document.SourcePath;
        return !wanted.Contains(path) && !HistoricInputFiles.IsPartial(path) && !string.Equals(path, gradesDataPath, StringComparison.Ordinal);
    }

    /// <summary>True when some document of the batch is <c>.erb</c> (ERB lists the batch's pages: all must be there).</summary>
    public static bool AnyErb(IReadOnlyList<Document> documents) =>
        documents.Any(d => d.SourcePath.EndsWith(".erb", StringComparison.Ordinal));

    /// <summary>
    /// True when a wanted page, as parsed (with its grades resolved), has an "extends" statement – found exactly as
    /// <see cref="ExtendsResolver"/> finds them – so the linked pages it may reach must be rendered with it.
    /// </summary>
    public static bool AreNeeded(IReadOnlyList<Document> parsed, IReadOnlySet<string> wanted)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(wanted);
        foreach (var document in parsed)
        {
            if (wanted.Contains(document.SourcePath)
                && document.TryGet(JobFamilyKeys.Family, out var family)
                && StatementFinder.Find(family).Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
