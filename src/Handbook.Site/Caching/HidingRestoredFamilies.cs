namespace Handbook.Site.Caching;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Runs one of the first half's stages (<c>ReadFrontMatter</c> … <c>RenderBodyHtml</c>) in a build that reuses
/// families: restored pages (<see cref="FamilyReuseSession.Restored"/>) are hidden from it and put back at their
/// places afterwards, unless the stage reads every page (<paramref name="showsRestored"/>: ERB listings need their
/// front matter, extends their names), where a restored page passes untouched because it has no Markdown text or tree
/// left to work on. What the stage reports is also recorded in the session, so each rebuilt family's own diagnostics
/// can be stored with it.
/// </summary>
public sealed class HidingRestoredFamilies(IStage inner, FamilyReuseSession session, bool showsRestored) : IStage
{
    /// <summary>The wrapped stage's name: timings, <c>AddStageAfter</c> and the run record name it as before.</summary>
    public string Name => inner.Name;

    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        var own = new StageContext(new DiagnosticBag(), context.Services, context.CancellationToken) { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism };
        var hidden = showsRestored || session.RestoredStates.Count == 0 ? 0 : documents.Count(FamilyReuseSession.IsRestored);
        var visible = hidden == 0 ? documents : documents.Where(d => !FamilyReuseSession.IsRestored(d)).ToList();
        var output = await inner.ExecuteAsync(visible, own).ConfigureAwait(false);
        var reported = own.Diagnostics.Sorted();
        context.Diagnostics.ReportAll(reported);
        session.RecordFirstHalf(reported);
        return hidden == 0 ? output : PutBack(documents, output);
    }

    /// <summary>The stage's output with the hidden pages back at their places (a stage that dropped a page ends the partial build).</summary>
    private IReadOnlyList<Document> PutBack(IReadOnlyList<Document> documents, IReadOnlyList<Document> output)
    {
        if (output.Count + documents.Count(FamilyReuseSession.IsRestored) != documents.Count)
        {
            session.Abandon($"{inner.Name} changed the number of documents");
            return output;
        }

        var result = new Document[documents.Count];
        var next = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            result[i] = FamilyReuseSession.IsRestored(documents[i]) ? documents[i] : output[next++];
        }

        return result;
    }
}
