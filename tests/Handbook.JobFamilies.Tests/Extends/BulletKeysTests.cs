namespace Handbook.JobFamilies.Tests.Extends;

using CsCheck;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Text;

/// <summary>
/// <see cref="BulletKeys"/> replaces the planner's string sets with <see cref="ItemKeyEqualityComparer"/> (the slow path,
/// kept here as the oracle): two texts must get the same number exactly when the comparer finds them equal, and a
/// set of numbers must keep exactly the texts a comparer set keeps.
/// </summary>
public sealed class BulletKeysTests
{
    // Few distinct letters so that equal keys are common; texts without any letter or digit included.
    private static readonly Gen<string> Texts = Gen.String[Gen.Char["aAbB1 .,*_-'\u00C9\u00E9\u0130i\u03A3\u03C3\u00A0\u2019"], 0, 6];

    [Fact]
    public void Texts_get_the_same_number_exactly_when_the_comparer_finds_them_equal()
    {
        Gen.Select(Texts, Texts).Sample(
            (x, y) =>
            {
                var keys = new BulletKeys();
                return (keys.IdOf(x) == keys.IdOf(y)) == ItemKeyEqualityComparer.Instance.Equals(x, y);
            },
            iter: 50_000);
    }

    [Fact]
    public void A_set_of_numbers_keeps_what_a_set_with_the_comparer_keeps()
    {
        Texts.Array[0, 40].Sample(
            texts =>
            {
                // Given one numbering shared by all sets (as the planner shares it by all roles)
                var keys = new BulletKeys();
                var byNumber = new HashSet<int>();
                var byComparer = new HashSet<string>(ItemKeyEqualityComparer.Instance);

                // When each text is added to both kinds of set, Then both accept and reject the same texts
                return texts.All(t => byNumber.Add(keys.IdOf(t)) == byComparer.Add(t));
            },
            iter: 5_000);
    }

    [Fact]
    public void Bullets_differing_only_in_case_and_punctuation_share_a_number_and_texts_without_letters_share_one()
    {
        // Given bullets differing in case and punctuation, one differing in a word, and two with no letters at all
        var keys = new BulletKeys();

        // Then
        Assert.Equal(keys.IdOf("Own the *weekly* plan."), keys.IdOf("own the weekly plan!"));
        Assert.NotEqual(keys.IdOf("Own the weekly plan"), keys.IdOf("Own the monthly plan"));
        Assert.Equal(keys.IdOf("---"), keys.IdOf("*"));
        Assert.NotEqual(keys.IdOf("---"), keys.IdOf("Own the weekly plan"));
    }
}
