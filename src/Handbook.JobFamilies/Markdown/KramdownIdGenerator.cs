namespace Handbook.JobFamilies.Markdown;

/// <summary>
/// Makes generated ids unique in document order the way kramdown does: the first heading with base id <c>x</c>
/// gets <c>x</c>, the next <c>x-1</c>, then <c>x-2</c>… (counted per base id; explicit ids are not counted).
/// One instance per page.
/// </summary>
public sealed class KramdownIdGenerator
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>The unique id for the next heading with text <paramref name="text"/>.</summary>
    public string Next(string text) => NextForBase(KramdownIds.Generate(text));

    /// <summary>The unique id for the next heading whose base id is <paramref name="baseId"/>.</summary>
    public string NextForBase(string baseId)
    {
        var count = _seen.TryGetValue(baseId, out var n) ? n + 1 : 0;
        _seen[baseId] = count;
        return count == 0 ? baseId : $"{baseId}-{count}";
    }
}
