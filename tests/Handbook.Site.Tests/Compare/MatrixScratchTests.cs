namespace Handbook.Site.Tests.Compare;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Compare;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// <see cref="LevelMatrix.Of"/> merges each level into lists the thread reuses (<c>MatrixScratch</c>) and aligns into
/// a reused list (<see cref="LevelComparison.AlignKeys(IReadOnlyList{int}, IReadOnlyList{int})"/>'s appending form).
/// Every matrix must be exactly the one the code before made (<see cref="FreshListsMatrixOracle"/>), whatever the
/// thread aligned before, and a matrix must not change when the thread aligns the next family.
/// </summary>
public class MatrixScratchTests
{
    // Few words, so levels share, repeat and reorder bullets (every alignment path is taken, DiffPlex's too).
    private static readonly string[] Texts =
        ["Fix bugs", "fix bugs.", "Write tests", "Review designs", "Mentor others", "Set direction", "Plan the week", "–", "Café hours", "CAFÉ HOURS"];

    private static Item Own(string text) => new() { Text = text, Location = new SourceLocation("x.md", 1, 1) };

    private static List<Item> RandomItems(Random random)
    {
        // Now and then a section longer than the lists a thread keeps, so a family leaves them to the collector.
        var count = random.Next(25) == 0 ? random.Next(MatrixScratch.KeptRows / 2, MatrixScratch.KeptRows + 50) : random.Next(0, 12);
        return Enumerable.Range(0, count)
            .Select(_ => Own(random.Next(4) == 0 ? $"own bullet {random.Next(100_000)}" : Texts[random.Next(Texts.Length)]))
            .ToList();
    }

    private static List<Role> RandomLadder(Random random) =>
        Enumerable.Range(0, random.Next(0, 6)).Select(l =>
        {
            var level = Level($"L{l}", $"l{l}");
            level.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities");
            level.Responsibilities.Items.AddRange(RandomItems(random));
            if (random.Next(3) > 0)
            {
                level.Requirements = Section(SectionKind.Requirements, "Requirements");
                level.Requirements.Items.AddRange(RandomItems(random));
            }

            if (random.Next(4) == 0)
            {
                level.PerformanceIndicators = Section(SectionKind.PerformanceIndicators, "Performance indicators");
                level.PerformanceIndicators.Items.AddRange(RandomItems(random));
            }

            return level;
        }).ToList();

    // The rows as the cells' bullets by reference (null where a level does not list the row's bullet).
    private static List<(SectionKind, List<Item?[]>)> Cells(LevelMatrix matrix) =>
        matrix.Sections.Select(s => (s.Kind, s.Rows.Select(r => r.Cells.ToArray()).ToList())).ToList();

    private static void AssertSame(List<(SectionKind Kind, List<Item?[]> Rows)> expected, List<(SectionKind Kind, List<Item?[]> Rows)> actual)
    {
        Assert.Equal(expected.Select(s => s.Kind), actual.Select(s => s.Kind));
        for (var s = 0; s < expected.Count; s++)
        {
            Assert.Equal(expected[s].Rows.Count, actual[s].Rows.Count);
            for (var r = 0; r < expected[s].Rows.Count; r++)
            {
                Assert.Equal(expected[s].Rows[r].Length, actual[s].Rows[r].Length);
                for (var c = 0; c < expected[s].Rows[r].Length; c++)
                {
                    Assert.Same(expected[s].Rows[r][c], actual[s].Rows[r][c]);
                }
            }
        }
    }

    [Fact]
    public void Given_random_ladders_aligned_one_after_another_on_a_thread_When_compared_with_the_code_before_Then_every_matrix_is_the_same()
    {
        var random = new Random(20261129);
        var matrices = new List<(LevelMatrix Matrix, List<(SectionKind, List<Item?[]>)> Expected)>();
        var rowsSeen = 0;
        for (var round = 0; round < 400; round++)
        {
            // Given a random ladder, aligned on this thread after the ones before
            var ladder = RandomLadder(random);

            // When aligned with the reused lists and, as the oracle, with the code before
            var matrix = LevelMatrix.Of(ladder);
            var expected = FreshListsMatrixOracle.Of(ladder);

            // Then the rows are the same bullets, section by section
            AssertSame(expected, Cells(matrix));
            matrices.Add((matrix, expected));
            rowsSeen += expected.Sum(s => s.Rows.Count);
        }

        // And no matrix changed while the thread aligned the later ones (it holds none of the reused lists)
        foreach (var (matrix, expected) in matrices)
        {
            AssertSame(expected, Cells(matrix));
        }

        Assert.True(rowsSeen > 10_000, $"only {rowsSeen} rows"); // not vacuous
    }

    [Fact]
    public void Given_random_key_lists_When_aligned_into_a_reused_list_Then_the_pairs_are_those_of_a_new_alignment()
    {
        var random = new Random(7);
        var reused = new List<(int? Left, int? Right)>();
        for (var round = 0; round < 20_000; round++)
        {
            // Given two key lists from a small alphabet (repeats and crossings) or distinct keys
            var alphabet = random.Next(2) == 0 ? 4 : 1000;
            var left = Enumerable.Range(0, random.Next(0, 10)).Select(_ => random.Next(alphabet)).ToList();
            var right = Enumerable.Range(0, random.Next(0, 10)).Select(_ => random.Next(alphabet)).ToList();

            // When aligned into the reused list (emptied, as the matrix does) and into a new one
            reused.Clear();
            LevelComparison.AlignKeys(left, right, reused);

            // Then the pairs are the same, and the same as DiffPlex's when both lists have keys
            Assert.Equal(LevelComparison.AlignKeys(left, right), reused);
            if (left.Count > 0 && right.Count > 0)
            {
                Assert.Equal(LevelComparison.AlignByDiff(left, right), reused);
            }
        }
    }
}
