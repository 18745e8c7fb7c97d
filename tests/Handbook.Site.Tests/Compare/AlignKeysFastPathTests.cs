namespace Handbook.Site.Tests.Compare;

using CsCheck;
using Handbook.Site.Compare;

/// <summary>
/// <see cref="LevelComparison.AlignKeys"/> skips DiffPlex when one list is a subsequence of the other (with no
/// repeated key in the longer one): its result must be exactly DiffPlex's whenever it answers.
/// </summary>
public class AlignKeysFastPathTests
{
    private static readonly Gen<int> Key = Gen.Int[0, 7];

    [Fact]
    public void Given_a_level_with_a_statement_inherited_and_own_bullets_When_aligned_Then_the_inherited_share_rows_in_order()
    {
        var (junior, senior) = KeyNumbers.Of(["fix", "test"], ["extends", "fix", "test", "review"]);

        var pairs = LevelComparison.AlignedBySubsequence(junior, senior);

        Assert.Equal([(null, 0), (0, 1), (1, 2), (null, 3)], pairs!);
        Assert.Equal(LevelComparison.AlignByDiff(junior, senior), pairs!);
    }

    [Fact]
    public void Given_a_level_that_repeats_a_bullet_after_the_shared_start_When_aligned_Then_the_start_pairs_position_by_position()
    {
        var (rows, level) = KeyNumbers.Of(["extends", "mentor", "review"], ["extends", "mentor", "review", "mentor", "lead"]);

        var pairs = LevelComparison.AlignedByCommonEnds(rows, level);

        Assert.Equal([(0, 0), (1, 1), (2, 2), (null, 3), (null, 4)], pairs!);
        Assert.Null(LevelComparison.AlignedBySubsequence(rows, level)); // repeated key: only the common-ends path answers
        Assert.Null(LevelComparison.AlignedByCommonEnds([0, 1, 2], [0, 3, 2]));
    }

    [Fact]
    public void Given_lists_that_are_not_one_within_the_other_or_repeat_a_key_When_aligned_Then_the_fast_path_declines()
    {
        Assert.Null(LevelComparison.AlignedBySubsequence([0, 1], [1, 0]));
        Assert.Null(LevelComparison.AlignedBySubsequence([0], [0, 0]));
        Assert.NotNull(LevelComparison.AlignedBySubsequence([0, 0], [0, 0])); // identical: one alignment only
    }

    [Fact]
    public void Given_random_key_lists_When_the_fast_path_answers_Then_it_equals_the_diff()
    {
        // Subsequences of a distinct list are generated on purpose, so the fast path answers often.
        var distinct = Gen.Shuffle(new[] { 0, 1, 2, 3, 4, 5, 6, 7 }).SelectMany(all => Gen.Int[0, 8].Select(n => all[..n]));
        var commonEnds = Gen.Select(Key.Array[0, 5], Key.Array[0, 4], Key.Array[0, 5], Gen.Bool)
            .Select((start, middle, end, middleLeft) => middleLeft
                ? (start.Concat(middle).Concat(end).ToArray(), start.Concat(end).ToArray())
                : (start.Concat(end).ToArray(), start.Concat(middle).Concat(end).ToArray()));
        var pair = Gen.Frequency(
            (2, commonEnds),
            (3, distinct.SelectMany(longer => Gen.Bool.Array[longer.Length].Select(keep => (Longer: longer, Shorter: longer.Where((_, i) => keep[i]).ToArray())))),
            (1, Gen.Select(Key.Array[0, 6], Key.Array[0, 6])));
        var answered = 0;
        pair.Sample(p =>
        {
            foreach (var (left, right) in new[] { (p.Item1, p.Item2), (p.Item2, p.Item1) })
            {
                if (left.Length == 0 || right.Length == 0)
                {
                    continue;
                }

                var diff = LevelComparison.AlignByDiff(left, right);
                if (LevelComparison.AlignedBySubsequence(left, right) is { } fast)
                {
                    Assert.Equal(diff, fast);
                    Interlocked.Increment(ref answered);
                }

                if (LevelComparison.AlignedByCommonEnds(left, right) is { } ends)
                {
                    Assert.Equal(diff, ends);
                    Interlocked.Increment(ref answered);
                }
            }
        });
        Assert.True(answered > 100, $"the fast paths answered only {answered} times");
    }
}
