namespace Handbook.Site.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// For the reader pages one family or one department makes (compare, ladder): in an incremental run, the page the
/// previous run generated is reused when none of the documents it is made from must be processed again and the
/// templates did not change – an edit in one department then renders nothing for the others.
/// </summary>
internal sealed class PreviousGeneratedPages
{
    private readonly Dictionary<string, Document> _previous = new(StringComparer.Ordinal);
    private readonly StageContext _context;
    private readonly Dictionary<string, Document> _bySource;

    private PreviousGeneratedPages(StageContext context, IReadOnlyList<Document> documents)
    {
        _context = context;
        _bySource = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            _bySource.TryAdd(document.SourcePath, document);
        }
    }

    public static PreviousGeneratedPages From(StageContext context, IReadOnlyList<Document> documents, string templatesInput)
    {
        var pages = new PreviousGeneratedPages(context, documents);
        if (context.Incremental is { } incremental && !incremental.ChangedInputs.Contains(templatesInput))
        {
            foreach (var document in incremental.PreviousOutput)
            {
                pages._previous.TryAdd(document.SourcePath, document);
            }
        }

        return pages;
    }

    /// <summary>The previous run's page at <paramref name="url"/>, or null when it must be rendered again.</summary>
    public Document? Reuse(string url, IEnumerable<string> madeFromSources)
    {
        if (!_previous.TryGetValue(url.Trim('/'), out var page))
        {
            return null;
        }

        foreach (var source in madeFromSources)
        {
            if (!_bySource.TryGetValue(source, out var document) || _context.MustProcess(document))
            {
                return null;
            }
        }

        return page;
    }
}
