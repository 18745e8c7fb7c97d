namespace Handbook.Pipeline.Stages;

using System.Collections;
using Handbook.Pipeline.Documents;

/// <summary>
/// The input of a per-document stage in a one-shot run (<see cref="Site.KeepsRunRecord"/> off): a copy of the previous
/// stage's output that only the engine and the stage refer to, from which the stage takes each document as it starts
/// processing it (<see cref="Take(IReadOnlyList{Document}, int)"/>). Once processed, a document is referred to by
/// nothing the run holds, so what it alone kept (a page's Markdown tree while <c>RenderBodyHtml</c> renders the next
/// pages) can be collected before the stage ends: without this, a stage held every input and every output at once
/// (issue 9, the first half's peak memory). An incremental run keeps every stage's output and never gets one.
/// </summary>
/// <remarks>
/// Reading a document after it was taken is a bug of the stage and throws. If a stage fails as a whole (a bug: a
/// per-document stage reports each document's failure itself), the engine passes on what was not taken
/// (<see cref="Remaining"/>).
/// </remarks>
internal sealed class ConsumableDocumentList : IReadOnlyList<Document>
{
    private readonly Document?[] _documents;

    public ConsumableDocumentList(IReadOnlyList<Document> documents)
    {
        _documents = new Document?[documents.Count];
        for (var i = 0; i < _documents.Length; i++)
        {
            _documents[i] = documents[i];
        }
    }

    public int Count => _documents.Length;

    public Document this[int index] =>
        _documents[index] ?? throw new InvalidOperationException($"document {index} was already taken by the stage processing it");

    /// <summary>
    /// The document at <paramref name="index"/> for a per-document stage to process: taken out of
    /// <paramref name="documents"/> when the engine handed the stage a consumable list, read from it otherwise.
    /// </summary>
    public static Document Take(IReadOnlyList<Document> documents, int index)
    {
        if (documents is not ConsumableDocumentList consumable)
        {
            return documents[index];
        }

        var document = consumable[index];
        consumable._documents[index] = null;
        return document;
    }

    /// <summary>The documents not taken yet, in order.</summary>
    public IReadOnlyList<Document> Remaining() => _documents.Where(d => d is not null).Select(d => d!).ToList();

    public IEnumerator<Document> GetEnumerator()
    {
        for (var i = 0; i < _documents.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
