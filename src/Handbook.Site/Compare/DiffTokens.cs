namespace Handbook.Site.Compare;

using System.Text;

/// <summary>
/// Two key sequences as the texts DiffPlex's line diff compares: each distinct key becomes a short token of its own,
/// one token per line. DiffPlex only tests lines for equality (it numbers them, then diffs the numbers), so any
/// spelling that keeps equal keys equal and different keys different gives the same diff; a token of one or two CJK
/// characters instead of the whole key keeps the joined and re-split texts small.
/// </summary>
internal static class DiffTokens
{
    // CJK unified ideographs: letters, never whitespace or a line break, so no chunker or trimming touches them.
    private const char First = '\u4E00';
    private const int Radix = 0x5200; // up to U+9FFF

    public static (string Left, string Right) Of(IReadOnlyList<int> left, IReadOnlyList<int> right)
    {
        // Key numbers of one page are small and dense (ItemKeyIds counts from 0): then each is its own token.
        if (AllBelowRadix(left) && AllBelowRadix(right))
        {
            return (Join(left, null, 1), Join(right, null, 1));
        }

        var dense = new Dictionary<int, int>();
        foreach (var key in left)
        {
            dense.TryAdd(key, dense.Count);
        }

        foreach (var key in right)
        {
            dense.TryAdd(key, dense.Count);
        }

        // Fixed width, so tokens of different keys always differ.
        var width = dense.Count <= Radix ? 1 : 2;
        return (Join(left, dense, width), Join(right, dense, width));
    }

    private static bool AllBelowRadix(IReadOnlyList<int> keys)
    {
        foreach (var key in keys)
        {
            if (key is < 0 or >= Radix)
            {
                return false;
            }
        }

        return true;
    }

    private static string Join(IReadOnlyList<int> keys, Dictionary<int, int>? dense, int width)
    {
        var text = new StringBuilder((keys.Count * (width + 1)) - 1);
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            var token = dense is null ? keys[i] : dense[keys[i]];
            if (width == 2)
            {
                text.Append((char)(First + (token / Radix)));
            }

            text.Append((char)(First + (token % Radix)));
        }

        return text.ToString();
    }
}
