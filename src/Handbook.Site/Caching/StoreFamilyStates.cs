namespace Handbook.Site.Caching;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Reuse;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// After <c>RenderBodyHtml</c> in a build with <c>--cache</c>: stores each rebuilt family's state (tree-less model,
/// body bytes, its first-half diagnostics) and records every family's index entry; a restored page lets go of its text
/// as a rebuilt one did when it was parsed. ERB pages are stored like the others (since the twenty-first session; before,
/// they were rebuilt in every build: 13 of the 17 families built after one commit on the replayed history).
/// </summary>
public sealed class StoreFamilyStates(FamilyReuseSession session) : PerDocumentStage
{
    public override string Name => nameof(StoreFamilyStates);

    protected override Document? Process(Document document, StageContext context)
    {
        if (!document.TryGet(JobFamilyKeys.Family, out var family) || !session.Key.TextHashes.TryGetValue(document.SourcePath, out var textHash))
        {
            return document;
        }

        if (FamilyReuseSession.IsRestored(document))
        {
            var stored = session.StoredEntryOf(document.SourcePath);
            session.Record(stored);
            return WithStateKey((document with { Content = string.Empty }).With(JobFamilyKeys.MarkdownBody, string.Empty), stored.EntryKey);
        }

        var treeLess = family.BodyFacts is null ? SyntaxTreeRelease.Release(family) : family;
        var entryKey = BodyOf(document) is not { } body
            ? string.Empty
            : session.Store.Store(StateOf(document, treeLess, body));
        session.Record(new IndexedFamily(document.SourcePath, textHash, entryKey, ExtendsTargets.Of(document, session.Key), FamilySignature.Of(treeLess)));
        return WithStateKey(document, entryKey);
    }

    // The state's key goes with the page (FamilyReuseSession.StateKey): pages made only of the family's model (its
    // compare page) are keyed by it instead of by their views.
    private static Document WithStateKey(Document document, string entryKey) =>
        entryKey.Length == 0 ? document : document.With(FamilyReuseSession.StateKey, entryKey);

    private FamilyState StateOf(Document document, JobFamily family, byte[] body) => new(
        document.Get(JobFamilyKeys.PathInfo),
        family,
        document.Metadata.GetOrDefault(JobFamilyKeys.ListedFolders),
        body,
        session.FirstHalfDiagnosticsOf(document.SourcePath));

    /// <summary>The rendered body as UTF-8 (as a one-shot build keeps it, without decoding), or null when it is not rendered yet (deferred to the theme).</summary>
    private static byte[]? BodyOf(Document document)
    {
        if (RenderedBody.TryGetUtf8(document, out var utf8))
        {
            return utf8;
        }

        return document.TryGet(JobFamilyKeys.BodyHtml, out var html) && !document.Metadata.Contains(JobFamilyKeys.DeferredBody)
            ? RenderedBody.Encode(html)
            : null;
    }
}
