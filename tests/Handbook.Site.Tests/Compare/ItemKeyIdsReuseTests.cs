namespace Handbook.Site.Tests.Compare;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Compare;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// A compare page numbers its bullets with the thread's reused numbering (<see cref="ItemKeyIds.ForThisThread"/>)
/// instead of a new one per page. Whatever the thread numbered before, the numbers and the matrices must be exactly
/// those of a new numbering (the oracle: the code before).
/// </summary>
public class ItemKeyIdsReuseTests
{
    // Few words, so lists share and repeat keys; case and punctuation variants have the same key; "–" and "" have none.
    private static readonly string[] Texts =
        ["Fix bugs", "fix bugs.", "Write tests", "Review designs", "**Review** designs", "Mentor others", "Set direction", "–", "", "Café hours", "CAFÉ HOURS"];

    private static Item Own(string text) => new() { Text = text, Location = new SourceLocation("x.md", 1, 1) };

    // Mostly the shared words; now and then a list longer than the thread keeps room for, or words of its own.
    private static List<Item> RandomList(Random random)
    {
        var count = random.Next(10) == 0 ? random.Next(ItemKeyIds.ScratchLimit, 3 * ItemKeyIds.ScratchLimit) : random.Next(0, 40);
        return Enumerable.Range(0, count)
            .Select(i => Own(random.Next(3) == 0 ? $"own bullet {random.Next(5000)}" : Texts[random.Next(Texts.Length)]))
            .ToList();
    }

    [Fact]
    public void Given_a_thread_that_numbered_other_pages_When_it_numbers_a_page_Then_the_numbers_are_those_of_a_new_numbering()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 500; round++)
        {
            // Given the thread's numbering used for a page of random lists (with an estimate sometimes too short)
            var before = ItemKeyIds.ForThisThread(random.Next(0, 2 * ItemKeyIds.ScratchLimit));
            foreach (var list in Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomList(random)))
            {
                before.Of(list);
            }

            // When the next page's lists are numbered with it and, as the oracle, with a new numbering
            var lists = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomList(random)).ToList();
            var estimate = random.Next(0, 2 * ItemKeyIds.ScratchLimit);
            var reused = ItemKeyIds.ForThisThread(estimate);
            var fresh = new ItemKeyIds(estimate);

            // Then every list gets the same numbers
            foreach (var list in lists)
            {
                Assert.Equal(fresh.Of(list), reused.Of(list));
            }
        }
    }

    [Fact]
    public void Given_a_small_page_When_numbered_twice_on_one_thread_Then_the_thread_reuses_its_numbering_and_a_large_page_gets_its_own()
    {
        var first = ItemKeyIds.ForThisThread(10);
        var second = ItemKeyIds.ForThisThread(10);
        var large = ItemKeyIds.ForThisThread(ItemKeyIds.ScratchLimit + 1);

        Assert.Same(first, second);
        Assert.NotSame(first, large);
        Assert.Same(first, ItemKeyIds.ForThisThread(ItemKeyIds.ScratchLimit));
    }

    [Fact]
    public void Given_random_ladders_When_aligned_after_other_ladders_on_the_thread_Then_the_matrix_is_the_one_a_new_thread_makes()
    {
        var random = new Random(4242);
        var ladders = Enumerable.Range(0, 200).Select(_ => RandomLadder(random)).ToList();

        // The oracle: each ladder aligned first thing on a thread of its own (its numbering is new).
        var expected = ladders.Select(ladder => RunOnNewThread(() => Spell(LevelMatrix.Of(ladder)))).ToList();

        // Aligned one after another on this thread (each numbering reused from the ladder before).
        var actual = ladders.Select(ladder => Spell(LevelMatrix.Of(ladder))).ToList();

        Assert.Equal(expected, actual);
        Assert.Contains(expected, m => m.Contains("|-|", StringComparison.Ordinal)); // not vacuous: some rows have gaps
    }

    private static List<Role> RandomLadder(Random random) =>
        Enumerable.Range(0, random.Next(1, 6)).Select(l =>
        {
            var level = Level($"L{l}", $"l{l}");
            level.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities");
            level.Responsibilities.Items.AddRange(RandomList(random).Take(30));
            level.Requirements = Section(SectionKind.Requirements, "Requirements");
            level.Requirements.Items.AddRange(RandomList(random).Take(30));
            return level;
        }).ToList();

    // A matrix as text: the section kinds and, per row, which bullet (by reference) each level lists.
    private static string Spell(LevelMatrix matrix) =>
        string.Join("\n", matrix.Sections.Select(s => s.Kind + ":" + string.Join(";", s.Rows.Select(r =>
            "|" + string.Join("|", r.Cells.Select(c => c is null ? "-" : c.Text + "@" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(c))) + "|"))));

    private static string RunOnNewThread(Func<string> work)
    {
        string? result = null;
        var thread = new Thread(() => result = work());
        thread.Start();
        thread.Join();
        return result!;
    }
}
