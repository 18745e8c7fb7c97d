namespace Handbook.Site.Tests.History;

using CsCheck;
using Handbook.Site.History;

/// <summary>
/// The history walk pairs a commit's deleted and added pages as moves with loops over strings
/// (<see cref="PageMoves"/>) instead of LINQ groupings of value tuples, which were compiled at run time in every
/// versioned build (issue 9). The pairs, their order and what is left in both lists must be the groupings' (the oracle
/// below is the code it replaces).
/// </summary>
public sealed class PageMovesTests
{
    [Fact]
    public void Given_a_page_moved_unchanged_and_one_moved_and_edited_When_paired_Then_both_are_moves_by_blob_first()
    {
        // Given a page moved to another department unchanged, one moved and edited, and an unrelated new page
        var deleted = new List<PageBlob> { new("job-families/a/designer.md", "b1"), new("job-families/a/writer/index.html.md", "b2") };
        var added = new List<PageBlob> { new("job-families/c/new.md", "b9"), new("job-families/b/writer.md", "b3"), new("job-families/b/designer/index.html.md", "b1") };

        // When paired
        var moves = PageMoves.Pair(deleted, added);

        // Then the unchanged page pairs by its blob, the edited one by its name, and only the new page is left
        Assert.Equal(
            [new PageMoves.Move(new("job-families/a/designer.md", "b1"), new("job-families/b/designer/index.html.md", "b1")),
             new PageMoves.Move(new("job-families/a/writer/index.html.md", "b2"), new("job-families/b/writer.md", "b3"))],
            moves);
        Assert.Empty(deleted);
        Assert.Equal([new PageBlob("job-families/c/new.md", "b9")], added);
    }

    [Fact]
    public void Given_two_deleted_pages_with_the_same_name_When_paired_Then_the_ambiguous_name_pairs_nothing()
    {
        var deleted = new List<PageBlob> { new("job-families/a/designer.md", "b1"), new("job-families/b/designer.md", "b2") };
        var added = new List<PageBlob> { new("job-families/c/designer.md", "b3") };

        Assert.Empty(PageMoves.Pair(deleted, added));
        Assert.Equal(2, deleted.Count);
        Assert.Single(added);
    }

    [Fact]
    public void Given_random_deleted_and_added_pages_When_paired_Then_the_moves_and_the_lists_left_are_the_groupings()
    {
        // Few departments, names and blobs, so keys repeat (ambiguous), pages match by blob, by name, or both
        var page = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[0, 2], Gen.Int[0, 6])
            .Select((department, name, form, blob) => new PageBlob(
                "job-families/d" + department + "/" + (form switch { 0 => "n" + name + ".md", 1 => "n" + name + "/index.html.md", _ => "n" + name + ".html.md.erb" }),
                "blob" + blob));
        var distinctPaths = page.List[0, 6].Select(pages => pages.DistinctBy(p => p.Path).ToList());
        Gen.Select(distinctPaths, distinctPaths).Sample((deleted, added) =>
        {
            var deletedOracle = deleted.Select(p => (p.Path, p.Blob)).ToList();
            var addedOracle = added.Select(p => (p.Path, p.Blob)).ToList();
            var expected = Oracle(deletedOracle, addedOracle);

            var moves = PageMoves.Pair(deleted, added);

            Assert.Equal(expected, moves.Select(m => ((m.From.Path, m.From.Blob), (m.To.Path, m.To.Blob))).ToList());
            Assert.Equal(deletedOracle, deleted.Select(p => (p.Path, p.Blob)).ToList());
            Assert.Equal(addedOracle, added.Select(p => (p.Path, p.Blob)).ToList());
        }, iter: 20_000);
    }

    // The pairing as the history walk did it before (RepositoryHistory.PairMoves).
    private static List<((string Path, string Blob) From, (string Path, string Blob) To)> Oracle(
        List<(string Path, string Blob)> deleted, List<(string Path, string Blob)> added)
    {
        var pairs = new List<((string, string), (string, string))>();
        foreach (var key in (Func<(string Path, string Blob), string>[])[p => p.Blob, p => FamilyPagePath.MoveKey(p.Path)])
        {
            var gone = deleted.GroupBy(key).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
            foreach (var group in added.GroupBy(key).Where(g => g.Count() == 1).ToList())
            {
                if (gone.TryGetValue(group.Key, out var from))
                {
                    var to = group.Single();
                    pairs.Add((from, to));
                    deleted.Remove(from);
                    added.Remove(to);
                }
            }
        }

        return pairs;
    }
}
