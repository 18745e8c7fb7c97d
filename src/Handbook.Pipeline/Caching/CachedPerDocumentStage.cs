namespace Handbook.Pipeline.Caching;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// A per-document stage whose work is a pure function of the document's text (e.g. Markdown → HTML with fixed
/// options). When a <see cref="ContentCache"/> is registered in the site's services, results are looked up by
/// (stage name, <see cref="Version"/>, content) and only changed documents are transformed again.
/// </summary>
/// <remarks>
/// The transform gets no context on purpose: it cannot report diagnostics or read metadata, because a cache hit
/// would silently drop them. Work that reports diagnostics belongs in an ordinary <see cref="PerDocumentStage"/>.
/// Binary documents pass through unchanged.
/// </remarks>
public abstract class CachedPerDocumentStage : PerDocumentStage
{
    /// <summary>Change it whenever <see cref="Transform"/> gives a different result for the same text.</summary>
    protected abstract string Version { get; }

    /// <summary>The pure text transformation.</summary>
    protected abstract string Transform(string content);

    protected sealed override Document? Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        if (document.IsBinary)
        {
            return document;
        }

        var cache = context.Services.GetOrDefault<ContentCache>();
        if (cache is null)
        {
            return document with { Content = Transform(document.Content) };
        }

        var key = CacheKey.Create(Name, Version, document.Content);
        if (!cache.TryGetString(key, out var content))
        {
            content = Transform(document.Content);
            cache.SetString(key, content);
        }

        return document with { Content = content };
    }
}
