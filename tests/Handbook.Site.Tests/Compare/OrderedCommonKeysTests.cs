namespace Handbook.Site.Tests.Compare;

using CsCheck;
using Handbook.Site.Compare;

/// <summary>
/// <see cref="LevelComparison.AlignKeys"/> skips DiffPlex when neither list repeats a key and their common keys are in
/// the same order (<see cref="LevelComparison.AlignedByOrderedCommonKeys"/>): whenever that path answers, its
/// alignment must be exactly DiffPlex's (<see cref="LevelComparison.AlignByDiff"/>, the path it replaces).
/// </summary>
public class OrderedCommonKeysTests
{
    [Fact]
    public void Given_rows_of_earlier_levels_and_a_level_that_inherits_some_of_them_When_aligned_Then_shared_bullets_pair_and_each_gap_lists_the_rows_first()
    {
        // Given the rows so far (junior's bullets, then the intermediate's statement and own bullet) and the senior
        // level (its statement, the intermediate's statement and own bullet it inherits, one own bullet)
        int[] rows = [1, 2, 10, 11];
        int[] senior = [20, 10, 11, 21];

        // When aligned
        var pairs = LevelComparison.AlignedByOrderedCommonKeys(rows, senior);

        // Then the shared bullets share rows, and before them come the rows' bullets, then the level's
        Assert.Equal([(0, null), (1, null), (null, 0), (2, 1), (3, 2), (null, 3)], pairs!);
        Assert.Equal(LevelComparison.AlignByDiff(rows, senior), pairs!);
        Assert.Null(LevelComparison.AlignedBySubsequence(rows, senior));
        Assert.Null(LevelComparison.AlignedByCommonEnds(rows, senior));
    }

    [Fact]
    public void Given_a_repeated_key_or_common_keys_in_another_order_When_aligned_Then_the_path_declines()
    {
        Assert.Null(LevelComparison.AlignedByOrderedCommonKeys([0, 1, 0], [1, 2]));
        Assert.Null(LevelComparison.AlignedByOrderedCommonKeys([0, 1], [1, 2, 1]));
        Assert.Null(LevelComparison.AlignedByOrderedCommonKeys([0, 1, 2], [2, 1, 3]));
        Assert.NotNull(LevelComparison.AlignedByOrderedCommonKeys([0, 1], [2, 3])); // nothing in common: one alignment only
    }

    [Fact]
    public void Given_random_key_lists_When_the_path_answers_Then_it_equals_the_diff()
    {
        // Lists drawn from a few keys, so many repeat a key or cross (the path declines), and distinct lists made by
        // keeping some keys of one shuffled list and mixing in keys of their own, so the path answers often.
        var small = Gen.Int[0, 7].Array[1, 8];
        var ordered = Gen.Shuffle(Enumerable.Range(0, 12).ToArray()).SelectMany(all =>
            Gen.Select(Gen.Int[0, 3].Array[12], Gen.Shuffle(Enumerable.Range(100, 8).ToArray()), Gen.Int[0, 8], Gen.Int[0, 8])
                .Select((side, own, leftOwn, rightOwn) =>
                {
                    // side: 0 both lists, 1 left only, 2 right only, 3 neither; own keys are spread over both ends
                    var left = all.Where((_, i) => side[i] is 0 or 1).ToList();
                    var right = all.Where((_, i) => side[i] is 0 or 2).ToList();
                    foreach (var key in own.Take(leftOwn))
                    {
                        left.Insert(key % (left.Count + 1), key);
                    }

                    foreach (var key in own.Skip(leftOwn).Take(rightOwn))
                    {
                        right.Insert(key % (right.Count + 1), key);
                    }

                    return (Left: left.ToArray(), Right: right.ToArray());
                }));
        var pair = Gen.Frequency((3, ordered), (1, Gen.Select(small, small)));
        var answered = 0;
        var declined = 0;
        pair.Sample(p =>
        {
            foreach (var (left, right) in new[] { (p.Item1, p.Item2), (p.Item2, p.Item1) })
            {
                if (left.Length == 0 || right.Length == 0)
                {
                    continue;
                }

                if (LevelComparison.AlignedByOrderedCommonKeys(left, right) is { } fast)
                {
                    Assert.Equal(LevelComparison.AlignByDiff(left, right), fast);
                    Interlocked.Increment(ref answered);
                }
                else
                {
                    Interlocked.Increment(ref declined);
                }

                Assert.Equal(LevelComparison.AlignByDiff(left, right), LevelComparison.AlignKeys(left, right));
            }
        }, iter: 20_000);
        Assert.True(answered > 10_000, $"the path answered only {answered} times");
        Assert.True(declined > 1_000, $"the path declined only {declined} times");
    }
}
