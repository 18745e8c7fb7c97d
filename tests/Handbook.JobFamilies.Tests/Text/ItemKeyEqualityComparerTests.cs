namespace Handbook.JobFamilies.Tests.Text;

using CsCheck;
using Handbook.JobFamilies.Text;

/// <summary>
/// <see cref="ItemKeyEqualityComparer"/> replaces comparing <see cref="ItemKey.Of"/> keys in extends deduplication: two texts
/// must be equal exactly when their keys are, and equal texts must hash alike.
/// </summary>
public sealed class ItemKeyComparerTests
{
    // Few distinct letters so that equal keys are common; case, punctuation, spaces, digits and non-ASCII letters
    // (including ones whose lower case is special) so that the filtering and lower-casing are exercised.
    private static readonly Gen<string> Texts = Gen.String[Gen.Char["aAbB1 .,*_-'\u00C9\u00E9\u0130i\u03A3\u03C3\u00A0\u2019"], 0, 8];

    [Fact]
    public void Texts_are_equal_exactly_when_their_keys_are()
    {
        Gen.Select(Texts, Texts).Sample(
            (x, y) => ItemKeyEqualityComparer.Instance.Equals(x, y) == (ItemKey.Of(x) == ItemKey.Of(y)),
            iter: 50_000);
    }

    [Fact]
    public void Texts_with_the_same_key_hash_alike()
    {
        Gen.Select(Texts, Texts).Sample(
            (x, y) => ItemKey.Of(x) != ItemKey.Of(y) || ItemKeyEqualityComparer.Instance.GetHashCode(x) == ItemKeyEqualityComparer.Instance.GetHashCode(y),
            iter: 50_000);
    }

    [Fact]
    public void The_hash_is_the_one_of_the_general_character_calls()
    {
        // The ASCII fast path gives exactly the values char.IsLetterOrDigit / char.ToLowerInvariant gave (the oracle
        // below, the loop before the twenty-first session), on the generator's texts and on any UTF-16 text.
        Texts.Sample(text => ItemKeyEqualityComparer.Instance.GetHashCode(text) == OracleHash(text), iter: 20_000);
        Gen.String.Sample(text => ItemKeyEqualityComparer.Instance.GetHashCode(text) == OracleHash(text), iter: 20_000);
        Gen.String[Gen.Char[(char)0, (char)255], 0, 40].Sample(text => ItemKeyEqualityComparer.Instance.GetHashCode(text) == OracleHash(text), iter: 20_000);
    }

    private static int OracleHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = unchecked((hash * 31) + char.ToLowerInvariant(c));
            }
        }

        return hash;
    }

    [Fact]
    public void A_set_with_the_comparer_keeps_one_text_per_key()
    {
        // Given bullets that differ only in case, emphasis markers and punctuation, and one that differs in a word
        string[] texts = ["Own the *weekly* plan.", "own the weekly plan", "Own the weekly plan!", "Own the monthly plan"];

        // Then the set keeps the first of each key, as the keys themselves would
        var set = new HashSet<string>(ItemKeyEqualityComparer.Instance);
        var kept = texts.Where(set.Add).ToList();
        Assert.Equal(["Own the *weekly* plan.", "Own the monthly plan"], kept);
        Assert.Equal(texts.DistinctBy(ItemKey.Of).ToList(), kept);
    }
}
