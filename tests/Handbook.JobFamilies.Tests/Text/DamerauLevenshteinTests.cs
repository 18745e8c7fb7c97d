namespace Handbook.JobFamilies.Tests.Text;

using CsCheck;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Text;

/// <summary>
/// <see cref="DamerauLevenshtein.Distance(string, string)"/> keeps three rows instead of the whole matrix (issue 9);
/// it must give the matrix version's distance, kept here as the oracle. And role-name matching compares stems
/// without making them (<c>RoleNameMatcher.StemEquals</c>), which must agree with making them.
/// </summary>
public sealed class DamerauLevenshteinTests
{
    // Few letters, so that transpositions, repeats and equal words are common; lengths across the stack/pool limit.
    private static readonly Gen<string> Words = Gen.String[Gen.Char["abcs"], 0, 12];

    private static readonly Gen<string> LongWords = Gen.String[Gen.Char["ab"], 100, 160];

    private static int MatrixDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length];
    }

    [Fact]
    public void Gives_the_matrix_distance_for_short_words()
    {
        Gen.Select(Words, Words).Sample((a, b) => DamerauLevenshtein.Distance(a, b) == MatrixDistance(a, b), iter: 50_000);
    }

    [Fact]
    public void Within_a_limit_gives_the_matrix_distance_up_to_the_limit_and_limit_plus_one_beyond()
    {
        Gen.Select(Words, Words, Gen.Int[0, 6]).Sample(
            (a, b, limit) => DamerauLevenshtein.DistanceWithin(a, b, limit) == Math.Min(MatrixDistance(a, b), limit + 1),
            iter: 50_000);
    }

    [Fact]
    public void Within_a_limit_gives_the_matrix_distance_for_long_texts_beyond_the_stack_buffer()
    {
        // Long texts that differ by a few edits (the band's edges), and unrelated ones (far beyond every limit).
        var nearby = Gen.Select(LongWords, Gen.Int[0, 90], Gen.Int[0, 3]).Select((text, at, edits) => text.Remove(at, edits).Insert(at / 2, new string('a', edits)));
        Gen.Select(LongWords, nearby, Gen.Int[0, 5]).Sample(
            (a, b, limit) => DamerauLevenshtein.DistanceWithin(a, b, limit) == Math.Min(MatrixDistance(a, b), limit + 1),
            iter: 300);
        Gen.Select(LongWords, Gen.Int[0, 5]).Sample(
            (a, limit) => DamerauLevenshtein.DistanceWithin(a, a.Length > 1 ? a[1..] + a[..1] : a, limit) == Math.Min(MatrixDistance(a, a.Length > 1 ? a[1..] + a[..1] : a), limit + 1),
            iter: 300);
    }

    [Fact]
    public void Within_a_limit_gives_the_matrix_distance_for_words_with_a_shared_start_and_end()
    {
        // The common prefix and suffix are left out of the matrix (issue 9: link paths share their department's
        // folder); the shared parts end in letters the middles use too, so an edit may sit at the seam.
        var shared = Gen.String[Gen.Char["abcs"], 0, 8];
        Gen.Select(shared, Words, Words, shared, Gen.Int[0, 6]).Sample(
            (start, x, y, end, limit) =>
            {
                var (a, b) = (start + x + end, start + y + end);
                return DamerauLevenshtein.DistanceWithin(a, b, limit) == Math.Min(MatrixDistance(a, b), limit + 1)
                    && DamerauLevenshtein.Distance(a, b) == MatrixDistance(a, b);
            },
            iter: 50_000);
    }

    [Theory]
    [InlineData("Parnter", "Partner", 1, 1)]
    [InlineData("Parnter", "Partner", 0, 1)]
    [InlineData("/job-families/sales/archtect/", "/job-families/sales/architect/", 3, 1)]
    [InlineData("abcdef", "ab", 3, 4)]
    [InlineData("", "abc", 3, 3)]
    public void Within_a_limit_gives_known_distances(string a, string b, int limit, int expected)
    {
        Assert.Equal(expected, DamerauLevenshtein.DistanceWithin(a, b, limit));
    }

    [Fact]
    public void Gives_the_matrix_distance_for_long_texts_beyond_the_stack_buffer()
    {
        Gen.Select(LongWords, LongWords).Sample((a, b) => DamerauLevenshtein.Distance(a, b) == MatrixDistance(a, b), iter: 200);
    }

    [Fact]
    public void Counts_a_swap_of_neighbours_as_one_edit()
    {
        Assert.Equal(1, DamerauLevenshtein.Distance("partner", "parnter"));
        Assert.Equal(3, DamerauLevenshtein.Distance("", "abc"));
        Assert.Equal(3, DamerauLevenshtein.Distance("abc", ""));
    }

    [Fact]
    public void Stems_compare_as_the_made_stems_do()
    {
        var stemmable = Gen.String[Gen.Char["iesngy"], 0, 9];
        Gen.Select(stemmable, stemmable).Sample(
            (w, t) => RoleNameMatcher.StemEquals(w, RoleNameMatcher.Stem(t, ing: true)) == (RoleNameMatcher.Stem(w, ing: true) == RoleNameMatcher.Stem(t, ing: true)),
            iter: 50_000);
    }

    [Fact]
    public void Stems_written_into_a_buffer_are_the_made_stems_and_compare_as_they_do()
    {
        // Issue 9: role-name matching takes each unmatched word's stem as characters (a slice of the word, or the
        // "ies" → "y" stem written into a stack buffer; a made string for words longer than the buffer).
        var stemmable = Gen.Select(Gen.String[Gen.Char["iesngy"], 0, 9], Gen.Int[0, 3], (w, longer) => longer == 3 ? new string('x', 70) + w : w);
        Gen.Select(stemmable, stemmable).Sample(
            (w, t) =>
            {
                Span<char> buffer = stackalloc char[64];
                var stem = RoleNameMatcher.StemOf(t, buffer);
                return stem.SequenceEqual(RoleNameMatcher.Stem(t, ing: true))
                    && RoleNameMatcher.StemEquals(w, stem) == (RoleNameMatcher.Stem(w, ing: true) == RoleNameMatcher.Stem(t, ing: true));
            },
            iter: 50_000);
    }
}
