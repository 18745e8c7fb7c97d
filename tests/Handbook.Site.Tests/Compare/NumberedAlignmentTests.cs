namespace Handbook.Site.Tests.Compare;

using CsCheck;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Text;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Compare;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// The compare pages align bullets by key numbers (<see cref="ItemKeyIds"/>) and hand DiffPlex one short token per key
/// (<c>KeyPieces</c>) instead of the keys: the alignments and matrices must be exactly those of the string keys
/// (<see cref="StringKeyAlignmentOracle"/>, the code before).
/// </summary>
public class NumberedAlignmentTests
{
    // Few words, so lists share and repeat keys; case and punctuation variants have the same key.
    private static readonly Gen<string> Text = Gen.OneOf(
        "Fix bugs", "fix bugs.", "Write tests", "Review designs", "**Review** designs", "Mentor others", "Set direction", "–", "", "1:1s", "Café hours", "CAFÉ HOURS");

    private static Item Own(string text) => new() { Text = text, Location = new SourceLocation("x.md", 1, 1) };

    [Fact]
    public void Given_random_key_lists_When_aligned_by_numbers_Then_the_alignment_is_the_string_keys_diff()
    {
        var keys = Gen.Frequency((4, Gen.Char['a', 'f'].Select(c => c.ToString())), (1, Gen.String[Gen.Char.AlphaNumeric, 1, 30]));
        Gen.Select(keys.List[0, 14], keys.List[0, 14]).Sample((left, right) =>
        {
            var (l, r) = KeyNumbers.Of(left, right);
            Assert.Equal(StringKeyAlignmentOracle.AlignKeys(left, right), LevelComparison.AlignKeys(l, r));
        });
    }

    [Fact]
    public void Given_key_numbers_too_large_or_negative_to_be_tokens_themselves_When_aligned_Then_they_are_renumbered_and_align_as_the_string_keys()
    {
        var keys = Gen.Char['a', 'h'].Select(c => c.ToString());
        Gen.Select(keys.List[1, 12], keys.List[1, 12], Gen.Int[-1_000_000, 1_000_000]).Sample((left, right, offset) =>
        {
            var (l, r) = KeyNumbers.Of(left, right);
            int Spread(int n) => (n * 7919) + offset;

            Assert.Equal(StringKeyAlignmentOracle.AlignKeys(left, right), LevelComparison.AlignKeys([.. l.Select(Spread)], [.. r.Select(Spread)]));
        });
    }

    [Fact]
    public void Given_more_distinct_keys_than_one_token_character_spells_When_diffed_Then_the_alignment_is_still_the_string_keys_diff()
    {
        // 30,000 keys need two characters per token (one spells 20,992); a few keys moved, dropped and added.
        var left = Enumerable.Range(0, 30_000).Select(i => "k" + i).ToList();
        var right = left.Where((_, i) => i % 7_000 != 3).ToList();
        right.Insert(10, "k29999");
        right.Insert(20_000, "new");

        var (l, r) = KeyNumbers.Of(left, right);

        Assert.Equal(StringKeyAlignmentOracle.AlignByDiff(left, right), LevelComparison.AlignByDiff(l, r));
    }

    [Fact]
    public void Given_random_ladders_When_the_matrix_is_built_Then_every_section_has_the_rows_of_the_string_keys()
    {
        var level = Text.List[0, 8];
        level.List[1, 5].Sample(lists =>
        {
            var levels = lists.Select((texts, i) => LevelWith("L" + i, texts)).ToList();

            var matrix = LevelMatrix.Of(levels);

            var expected = LevelComparison.Kinds
                .Select(kind => (Kind: kind, Rows: StringKeyAlignmentOracle.Rows(levels, kind)))
                .Where(s => s.Rows.Count > 0)
                .ToList();
            Assert.Equal(expected.Select(s => s.Kind), matrix.Sections.Select(s => s.Kind));
            foreach (var (section, want) in matrix.Sections.Zip(expected))
            {
                Assert.Equal(want.Rows.Count, section.Rows.Count);
                foreach (var (row, cells) in section.Rows.Zip(want.Rows))
                {
                    Assert.True(row.Cells.Zip(cells).All(p => ReferenceEquals(p.First, p.Second)), "a row holds other bullets than the string-key matrix");
                }
            }
        });
    }

    [Fact]
    public void Given_random_texts_When_checked_for_a_key_Then_they_have_one_exactly_when_ItemKey_is_not_empty()
    {
        // Letters of several scripts and cases, digits, punctuation, spaces and halves of surrogate pairs.
        var text = Gen.String[Gen.OneOf(Gen.Char['a', 'e'], Gen.Char['A', 'E'], Gen.OneOf("éÉßİıΣσς1٣ .*-\uD835\uDC00".Select(Gen.Const).ToArray())), 0, 8];
        text.Sample(t => Assert.Equal(ItemKey.Of(t).Length > 0, ItemKey.HasKey(t)));
    }

    [Fact]
    public void Given_bullets_When_numbered_Then_equal_keys_share_a_number_and_keyless_bullets_never_do()
    {
        var ids = new ItemKeyIds();

        var numbers = ids.Of([Own("Own the *weekly* plan."), Own("–"), Own("own the weekly plan"), Own("–"), Own("Other")]);

        Assert.Equal(numbers[0], numbers[2]);
        Assert.Equal(5 - 1, numbers.Distinct().Count());
        Assert.NotEqual(numbers[1], numbers[3]);
    }

    [Fact]
    public void Given_lists_that_share_text_objects_When_numbered_Then_two_bullets_share_a_number_exactly_when_their_string_keys_are_equal()
    {
        // Inherited bullets hold their origin's text object: the same object met again, an equal text in another
        // object and a keyless text met again must number as the string keys say, over all lists of one numbering.
        Gen.Select(Text.List[1, 6], Gen.Int[0, 3].Array[1, 40], Gen.Bool.Array[40], Gen.Int[1, 3]).Sample((pool, picks, copy, listCount) =>
        {
            var texts = picks.Select((p, i) => copy[i] ? new string(pool[p % pool.Count].AsSpan()) : pool[p % pool.Count]).ToList();
            var ids = new ItemKeyIds();
            var numbers = new List<int>();
            var size = (texts.Count + listCount - 1) / listCount;
            foreach (var list in texts.Chunk(size))
            {
                numbers.AddRange(ids.Of(list.Select(Own).ToList()));
            }

            for (var i = 0; i < texts.Count; i++)
            {
                for (var j = i + 1; j < texts.Count; j++)
                {
                    var sameKey = ItemKey.HasKey(texts[i]) && ItemKey.Of(texts[i]) == ItemKey.Of(texts[j]);
                    Assert.Equal(sameKey, numbers[i] == numbers[j]);
                }
            }
        });
    }

    private static Role LevelWith(string name, IEnumerable<string> texts)
    {
        var role = Level(name, name.ToLowerInvariant());
        role.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities");
        role.Responsibilities.Items.AddRange(texts.Select(Own));
        role.Requirements = Section(SectionKind.Requirements, "Requirements");
        role.Requirements.Items.AddRange(texts.Reverse().Select(Own));
        return role;
    }
}
