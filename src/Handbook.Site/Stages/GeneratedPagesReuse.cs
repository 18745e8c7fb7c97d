namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Catalog;

/// <summary>
/// Decides, in an incremental run of <see cref="RenderTheme"/>, whether every generated page (section index,
/// department pages without an index file, grade pages, 404) would show exactly what it showed in the previous run,
/// so that the previous documents can be handed back without building the views and their JSON at all (issue 9:
/// that was most of an incremental <c>RenderTheme</c> at N = 1000, even when <see cref="GeneratedPageMemo"/> then
/// found the same view). Deliberately conservative: anything it does not compare makes the pages build as before.
/// </summary>
/// <remarks>
/// What the generated pages read of a page: its catalogue membership (a parsed family with a body), title, URL,
/// slug, source path, department, description, canonical path and its roles' names, anchors, kinds and grades
/// (<see cref="Handbook.JobFamilies.Grades.GradeIndex"/>). A recomputed department or folder index page is never
/// skipped (the section index shows its body, and its title names a department); nor is a changed grade table, a
/// template or a settings change.
/// </remarks>
internal static class GeneratedPagesReuse
{
    /// <summary>The previous run's generated pages when none of them can differ now; otherwise null.</summary>
    public static IReadOnlyList<Document>? PreviousIfUnchanged(IReadOnlyList<Document> documents, StageContext context)
    {
        if (context.Incremental is not { } incremental
            || incremental.ChangedInputs.Contains(RenderTheme.TemplatesInput)
            || incremental.ChangedInputs.Contains(RenderTheme.SettingsInput))
        {
            return null;
        }

        var positions = incremental.PositionsToProcess(documents);
        if (PreviousIfUnchangedByPosition(documents, positions, incremental.PreviousOutput) is { } found)
        {
            return found.Reused ? found.Generated : null;
        }

        List<Document>? recomputed = null;
        foreach (var position in positions)
        {
            (recomputed ??= []).Add(documents[position]);
        }

        var previous = new Dictionary<string, Document>(StringComparer.Ordinal);
        var generated = new List<Document>();
        var wanted = recomputed?.Select(d => d.SourcePath).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var document in incremental.PreviousOutput)
        {
            if (GeneratedPageMemo.IsGenerated(document))
            {
                generated.Add(document);
            }
            else if (wanted.Contains(document.SourcePath))
            {
                previous.TryAdd(document.SourcePath, document);
            }
        }

        foreach (var now in recomputed ?? [])
        {
            if (!previous.TryGetValue(now.SourcePath, out var then) || !ShowsTheSame(then, now))
            {
                return null;
            }
        }

        return generated;
    }

    /// <summary>
    /// The same decision without a pass over the previous output: <c>RenderTheme</c>'s previous output is its previous
    /// input, page for page in the same order (the engine keeps the order; a page that appeared or went makes a full
    /// run), followed by the generated pages, and no page of its input carries a generated page's view (only this
    /// stage makes them). So the previous version of the document at position <c>i</c> is the previous output's
    /// document <c>i</c>, and the generated pages are the rest. Null when the previous output does not look like that
    /// (the scan decides then); otherwise whether they are reused, and which they are.
    /// </summary>
    private static (bool Reused, List<Document> Generated)? PreviousIfUnchangedByPosition(IReadOnlyList<Document> documents, IReadOnlyList<int> positions, IReadOnlyList<Document> previousOutput)
    {
        if (previousOutput.Count < documents.Count)
        {
            return null;
        }

        var generated = new List<Document>(previousOutput.Count - documents.Count);
        for (var i = documents.Count; i < previousOutput.Count; i++)
        {
            if (!GeneratedPageMemo.IsGenerated(previousOutput[i]))
            {
                return null;
            }

            generated.Add(previousOutput[i]);
        }

        var reused = true;
        foreach (var i in positions)
        {
            var (now, then) = (documents[i], previousOutput[i]);
            if (!string.Equals(now.SourcePath, then.SourcePath, StringComparison.Ordinal)
                || GeneratedPageMemo.IsGenerated(then)
                || (i > 0 && string.Equals(documents[i - 1].SourcePath, now.SourcePath, StringComparison.Ordinal)))
            {
                return null; // not laid out as expected, or a path with several documents: the scan decides
            }

            reused &= ShowsTheSame(then, now);
        }

        return (reused, generated);
    }

    // The same catalogue membership, grade table and fields of the family.
    private static bool ShowsTheSame(Document then, Document now)
    {
        var hadTable = then.TryGet(JobFamilyKeys.GradeTable, out var tableBefore);
        var hasTable = now.TryGet(JobFamilyKeys.GradeTable, out var tableNow);
        if (hadTable != hasTable || (hasTable && !ReferenceEquals(tableBefore, tableNow)))
        {
            return false;
        }

        var wasListed = then.TryGet(JobFamilyKeys.Family, out var before) && then.Metadata.Contains(JobFamilyKeys.BodyHtml);
        var isListed = now.TryGet(JobFamilyKeys.Family, out var family) && now.Metadata.Contains(JobFamilyKeys.BodyHtml);
        if (wasListed != isListed)
        {
            return false;
        }

        return !isListed || (!family.IsDepartmentIndex && !before.IsDepartmentIndex && ShowsTheSame(before, family));
    }

    /// <summary>Every field of a family (not an index page) that a generated page reads.</summary>
    internal static bool ShowsTheSame(JobFamily before, JobFamily now) =>
        ShownFacts.SameHeadline(before, now) && ShownFacts.SameRoles(before, now);
}
