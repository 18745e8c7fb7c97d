namespace Handbook.Site.Stages;

/// <summary>
/// One string per distinct text for texts read back from a spool (<see cref="SpooledTexts"/>): a text met before is
/// the string made the first time, so reading every family's texts back allocates each distinct text once (the search
/// index holds each once anyway), not once per family that shows it. Not thread-safe: one pool per reading stage.
/// </summary>
public sealed class TextPool
{
    private readonly Dictionary<string, string> _texts;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public TextPool()
    {
        _texts = new Dictionary<string, string>(StringComparer.Ordinal);
        _bySpan = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many distinct texts the pool holds.</summary>
    public int Count => _texts.Count;

    /// <summary>The pool's string of <paramref name="text"/>, made now if the pool has none yet.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (!_bySpan.TryGetValue(text, out var pooled))
        {
            // Added by the string itself: adding through the span lookup would make the key a second copy of the text.
            pooled = new string(text);
            _texts.Add(pooled, pooled);
        }

        return pooled;
    }
}
