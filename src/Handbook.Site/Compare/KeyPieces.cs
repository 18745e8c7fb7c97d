namespace Handbook.Site.Compare;

using System.Collections;
using System.Globalization;
using DiffPlex;

/// <summary>
/// Hands DiffPlex two key sequences as its pieces directly: DiffPlex's diff only tests pieces for equality (it numbers
/// them in order of first appearance, then diffs the numbers), so any spelling that keeps equal keys equal and
/// different keys different gives the diff of the keys themselves. Each key is spelled by one shared string
/// (<see cref="Token"/>), and the pieces are read from the key lists as DiffPlex asks for them: no text is joined for
/// DiffPlex to split again, and no piece string is made per call (issue 9: the joined tokens and the split lines were
/// a quarter of what aligning allocated).
/// </summary>
internal sealed class KeyPieces(IReadOnlyList<int> left, IReadOnlyList<int> right) : IChunker
{
    /// <summary>The texts to hand DiffPlex: any non-empty text, each standing for one side (DiffPlex skips empty texts).</summary>
    public const string LeftText = "left";

    public const string RightText = "right";

    // Key numbers of one page are small and dense (ItemKeyIds counts from 0): their spellings are made once per process.
    private const int Cached = 4096;

    private static readonly string?[] Tokens = new string?[Cached];

    public IReadOnlyList<string> Chunk(string text) => text switch
    {
        LeftText => new Spelled(left),
        RightText => new Spelled(right),
        _ => throw new ArgumentException($"not one of the texts {nameof(KeyPieces)} stands for", nameof(text)),
    };

    /// <summary>The one spelling of a key: equal keys, equal strings; different keys, different strings.</summary>
    internal static string Token(int key)
    {
        if (key is < 0 or >= Cached)
        {
            return key.ToString(CultureInfo.InvariantCulture);
        }

        // Two threads may spell the same key at once; both spellings are equal strings, so either may stay.
        return Tokens[key] ??= key.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class Spelled(IReadOnlyList<int> keys) : IReadOnlyList<string>
    {
        public int Count => keys.Count;

        public string this[int index] => Token(keys[index]);

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < keys.Count; i++)
            {
                yield return Token(keys[i]);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
