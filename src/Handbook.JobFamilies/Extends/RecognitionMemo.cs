namespace Handbook.JobFamilies.Extends;

using System.Collections.Concurrent;

/// <summary>
/// What <see cref="ExtendsRecognizer.TryRecognize(LinkedText)"/> answered for a flattened text (its words and its links),
/// remembered for the rest of the process. Recognition is a pure function of that text, and the same paragraphs come
/// back again and again in a versioned build: an old version of a page repeats most of its paragraphs, and 46 of the 90
/// historic renders of the replayed real history are of a page whose text equals the current page's, so each of their
/// statement paragraphs was recognised again (issue 9: recognition was ≈ 40 % of a historic batch's "extends" time).
/// </summary>
/// <remarks>
/// Exact by construction: the key is the whole input (text and every link's text and URL, in order) and the value is
/// the immutable statement (or "no statement"). A recognition that throws (a regex time-out) is not remembered, so it
/// is attempted – and reported – as before. Sharing one statement object between pages changes nothing: statements are
/// records of strings and lists nothing changes, and the structures that hold them key on the paragraph they were found
/// in. At most <see cref="Capacity"/> texts are kept (a large site's paragraphs are then recognised as before, and the
/// memory stays small).
/// </remarks>
public sealed class RecognitionMemo(int capacity)
{
    /// <summary>
    /// The capacity of the process-wide memo: a versioned build of the replayed real history asks about ≈ 700 distinct
    /// texts (1,918 questions); 4,096 bound what a large site keeps (a key, a statement and a dictionary node a text:
    /// estimated well under 10 MB).
    /// </summary>
    public const int SharedCapacity = 4096;

    private static readonly ExtendsStatement NoStatement = new(string.Empty, string.Empty, [], false, [], null);

    private readonly ConcurrentDictionary<Key, ExtendsStatement> _answers = new();
    private int _count;

    /// <summary>The memo <see cref="ExtendsRecognizer"/> uses.</summary>
    public static RecognitionMemo Shared { get; } = new(SharedCapacity);

    /// <summary>How many texts are kept at most.</summary>
    public int Capacity => capacity;

    /// <summary>How many texts are kept.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The remembered answer for <paramref name="text"/>, or <paramref name="recognize"/>'s, remembered while there is room.</summary>
    public ExtendsStatement? GetOrRecognize(LinkedText text, Func<LinkedText, ExtendsStatement?> recognize)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(recognize);
        var key = new Key(text);
        if (_answers.TryGetValue(key, out var known))
        {
            return ReferenceEquals(known, NoStatement) ? null : known;
        }

        var answer = recognize(text);
        if (Volatile.Read(ref _count) < capacity && _answers.TryAdd(key, answer ?? NoStatement))
        {
            Interlocked.Increment(ref _count);
        }

        return answer;
    }

    /// <summary>A flattened text compared by value: its words and each link's text and URL, in order.</summary>
    private sealed class Key(LinkedText text) : IEquatable<Key>
    {
        private readonly string _text = text.Text;
        private readonly TextLink[] _links = [.. text.Links];
        private readonly int _hash = HashOf(text);

        public bool Equals(Key? other) =>
            other is not null && _hash == other._hash && string.Equals(_text, other._text, StringComparison.Ordinal) && _links.AsSpan().SequenceEqual(other._links);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;

        private static int HashOf(LinkedText text)
        {
            var hash = new HashCode();
            hash.Add(text.Text, StringComparer.Ordinal);
            foreach (var link in text.Links)
            {
                hash.Add(link.Text, StringComparer.Ordinal);
                hash.Add(link.Url, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
