namespace Handbook.Site.Tests.Stages;

using Handbook.Site.Metadata;
using Handbook.Site.Stages;

/// <summary>
/// The occupation lists of families whose bullets went in their batch wait in a temporary file until the theme renders
/// the family page (<see cref="OccupationSpool"/>, issue 9): what the page's JSON-LD lists must come back exactly.
/// </summary>
public class OccupationSpoolTests
{
    [Fact]
    public void Given_several_families_lists_spooled_When_read_back_in_another_order_Then_each_is_the_lists_given()
    {
        // Given lists of several shapes: both lists, no skills, no responsibilities, none at all, and texts that UTF-8
        // could not carry (a lone surrogate) or that look like the spool's own numbers
        using var spool = new OccupationSpool();
        OccupationItems[] given =
        [
            new(["Lead the team", "Own the roadmap"], ["Ability to use GitLab", "Experience with Ruby"]),
            new(["Only responsibilities"], []),
            new([], ["Only skills", "Two skills"]),
            new([], []),
            new(["A lone surrogate \uD800 stays", "\0\0\0\u0001"], ["Ünïcødé – “quoted” ✓ 🚀"]),
        ];
        var entries = given.Select(spool.Add).ToList();

        // When they are read back last first
        var read = Enumerable.Range(0, given.Length).Reverse().Select(i => (i, spool.Read(entries[i]))).ToList();

        // Then each family's two lists are the texts given, in order, split where they were
        foreach (var (i, items) in read)
        {
            Assert.Equal(given[i].Responsibilities, items.Responsibilities);
            Assert.Equal(given[i].Skills, items.Skills);
        }
    }

    [Fact]
    public void Given_lists_spooled_on_several_threads_When_read_on_several_threads_Then_none_is_mixed_up()
    {
        // Given 200 families' lists added in parallel (the batches record their families on several threads)
        using var spool = new OccupationSpool();
        var given = Enumerable.Range(0, 200)
            .Select(i => new OccupationItems(Enumerable.Range(0, i % 7).Select(k => $"Responsibility {k} of family {i}").ToList(), Enumerable.Range(0, i % 5).Select(k => $"Skill {k} of family {i}").ToList()))
            .ToArray();
        var entries = new OccupationSpool.Entry[given.Length];
        Parallel.For(0, given.Length, i => entries[i] = spool.Add(given[i]));

        // When they are read in parallel (the theme renders pages on several threads)
        var read = new OccupationItems[given.Length];
        Parallel.For(0, given.Length, i => read[i] = spool.Read(entries[i]));

        // Then every family gets its own lists back
        for (var i = 0; i < given.Length; i++)
        {
            Assert.Equal(given[i].Responsibilities, read[i].Responsibilities);
            Assert.Equal(given[i].Skills, read[i].Skills);
        }
    }
}
