namespace Handbook.Pipeline.Incremental;

using Handbook.Pipeline.Documents;

/// <summary>
/// Where each source path sits in one stage's output: a contiguous run of positions per path, and the positions of
/// the documents whose path first appeared at that stage. An incremental run whose merge keeps a stage's output in
/// the previous order (what every stage does when no document appears or disappears) hands the same layout on to the
/// next run, so the engine finds the few documents to recompute by their paths instead of looking at every document
/// of every stage (issue 9: that was most of an edit's engine work at N = 1000).
/// </summary>
internal sealed class StageLayout
{
    private readonly Dictionary<string, (int Start, int Count)> _ranges;

    private StageLayout(Dictionary<string, (int Start, int Count)> ranges, int count, int[] createdHere)
    {
        _ranges = ranges;
        Count = count;
        CreatedHere = createdHere;
    }

    /// <summary>How many documents the output holds.</summary>
    public int Count { get; }

    /// <summary>Positions (ascending) of the documents whose path first appeared in this stage's output.</summary>
    public int[] CreatedHere { get; }

    /// <summary>The layout of <paramref name="output"/>; null when a path occupies two separate runs (no layout then).</summary>
    public static StageLayout? Of(IReadOnlyList<Document> output, int stage, IReadOnlyDictionary<string, int> createdAt)
    {
        var ranges = new Dictionary<string, (int Start, int Count)>(output.Count, StringComparer.Ordinal);
        var createdHere = new List<int>();
        for (var start = 0; start < output.Count;)
        {
            var path = output[start].SourcePath;
            var end = start + 1;
            while (end < output.Count && string.Equals(output[end].SourcePath, path, StringComparison.Ordinal))
            {
                end++;
            }

            if (!ranges.TryAdd(path, (start, end - start)))
            {
                return null;
            }

            if (createdAt.TryGetValue(path, out var created) && created == stage)
            {
                for (var i = start; i < end; i++)
                {
                    createdHere.Add(i);
                }
            }

            start = end;
        }

        return new StageLayout(ranges, output.Count, [.. createdHere]);
    }

    public bool TryGetRange(string sourcePath, out (int Start, int Count) range) => _ranges.TryGetValue(sourcePath, out range);

    /// <summary>True when <paramref name="documents"/> holds the same paths at the same positions as <paramref name="laidOut"/> (this layout's output).</summary>
    public bool Fits(IReadOnlyList<Document> laidOut, IReadOnlyList<Document> documents)
    {
        if (laidOut.Count != Count || documents.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < Count; i++)
        {
            var (a, b) = (laidOut[i].SourcePath, documents[i].SourcePath);
            if (!ReferenceEquals(a, b) && !string.Equals(a, b, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
