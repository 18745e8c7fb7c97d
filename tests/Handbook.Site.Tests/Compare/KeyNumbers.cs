namespace Handbook.Site.Tests.Compare;

/// <summary>Key strings as the numbers the alignment compares: equal strings get equal numbers (one numbering per call).</summary>
internal static class KeyNumbers
{
    public static (int[] Left, int[] Right) Of(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        int Number(string key) => numbers.TryGetValue(key, out var n) ? n : numbers[key] = numbers.Count;
        return ([.. left.Select(Number)], [.. right.Select(Number)]);
    }
}
