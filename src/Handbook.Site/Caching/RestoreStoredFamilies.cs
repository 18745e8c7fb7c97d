namespace Handbook.Site.Caching;

using Handbook.JobFamilies;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// First stage of a build that reuses families (before <c>ReadFrontMatter</c>): each family page the plan restores
/// gets its stored state – path info, front matter, source map, the tree-less family, the body's bytes – as a built
/// page has them after <c>RenderBodyHtml</c>, and the mark that hides it from the first half's stages
/// (<see cref="HidingRestoredFamilies"/>). Its text stays until then: ERB listings and partials read other files'
/// texts, and versioned builds fingerprint it. Its stored first-half diagnostics are reported again here (the run
/// sorts every diagnostic, so the order of reporting does not matter).
/// </summary>
public sealed class RestoreStoredFamilies(FamilyReuseSession session) : IStage
{
    public string Name => nameof(RestoreStoredFamilies);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        if (session.RestoredStates.Count == 0)
        {
            return Task.FromResult(documents);
        }

        var result = new Document[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            result[i] = session.RestoredStates.TryGetValue(documents[i].SourcePath, out var state) && !documents[i].IsBinary
                ? Restore(documents[i], state, context)
                : documents[i];
        }

        return Task.FromResult<IReadOnlyList<Document>>(result);
    }

    private static Document Restore(Document document, JobFamilies.Reuse.FamilyState state, StageContext context)
    {
        context.Diagnostics.ReportAll(state.Diagnostics);
        return WithState(document, state).With(FamilyReuseSession.Restored, state);
    }

    /// <summary>
    /// <paramref name="document"/> with what a stored state holds, as a built page has it after <c>RenderBodyHtml</c>
    /// (path info, front matter, source map, the tree-less family, the body's bytes, the folders an ERB page listed).
    /// </summary>
    internal static Document WithState(Document document, JobFamilies.Reuse.FamilyState state)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(state);
        var restored = document
            .With(JobFamilyKeys.PathInfo, state.Path)
            .With(JobFamilyKeys.FrontMatter, state.Family.FrontMatter)
            .With(JobFamilyKeys.SourceMap, state.Family.SourceMap)
            .With(JobFamilyKeys.Family, state.Family)
            .With(JobFamilyKeys.BodyHtml, string.Empty)
            .With(JobFamilyKeys.BodyHtmlUtf8, state.BodyUtf8);
        return state.ListedFolders is { } listed ? restored.With(JobFamilyKeys.ListedFolders, listed) : restored;
    }
}
