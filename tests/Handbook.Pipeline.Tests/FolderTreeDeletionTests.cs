namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Output;
using Handbook.Pipeline.Tests.Support;

public sealed class FolderTreeDeletionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A site-shaped tree: files at the top, sections with a folder per page, a deeper nest, an empty folder.</summary>
    private string GivenASite(string name)
    {
        _temp.WriteText($"{name}/index.html", "home");
        _temp.WriteText($"{name}/_headers", "/*");
        for (var section = 0; section < 5; section++)
        {
            for (var page = 0; page < 12; page++)
            {
                _temp.WriteText($"{name}/job-families/section-{section}/page-{page}/index.html", $"page {section}/{page}");
                _temp.WriteText($"{name}/job-families/section-{section}/page-{page}/versions/v1/index.html", "old version");
            }
        }

        Directory.CreateDirectory(_temp.Combine(name, "assets", "empty"));
        return _temp.Combine(name);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(64)]
    public void Given_a_site_tree_When_it_is_deleted_Then_nothing_of_it_is_left(int workers)
    {
        // Given
        var site = GivenASite("output");

        // When
        FolderTreeDeletion.Delete(site, workers);

        // Then
        Assert.False(Directory.Exists(site));
    }

    [Fact]
    public void Given_a_site_beside_another_folder_When_it_is_deleted_Then_the_other_folder_is_untouched()
    {
        // Given
        var site = GivenASite("output");
        var neighbour = GivenASite("neighbour");
        var before = TempFolder.Snapshot(neighbour);

        // When
        FolderTreeDeletion.Delete(site, 4);

        // Then
        Assert.False(Directory.Exists(site));
        Assert.Equal(before, TempFolder.Snapshot(neighbour));
    }

    [Fact]
    public void Given_links_in_the_tree_When_it_is_deleted_Then_the_links_go_and_what_they_point_at_stays()
    {
        // Given a site holding a link to a folder outside it (at the top and one level down) and a link to a file
        var site = GivenASite("output");
        var outside = GivenASite("outside");
        var before = TempFolder.Snapshot(outside);
        Directory.CreateSymbolicLink(_temp.Combine("output", "linked-top"), outside);
        Directory.CreateSymbolicLink(_temp.Combine("output", "job-families", "linked-section"), outside);
        File.CreateSymbolicLink(_temp.Combine("output", "job-families", "linked-file.html"), _temp.Combine("outside", "index.html"));

        // When
        FolderTreeDeletion.Delete(site, 4);

        // Then
        Assert.False(Directory.Exists(site));
        Assert.Equal(before, TempFolder.Snapshot(outside));
    }

    [Fact]
    public void Given_no_such_folder_When_it_is_deleted_Then_nothing_happens()
    {
        // Given / When / Then (no exception)
        FolderTreeDeletion.Delete(_temp.Combine("missing"), 4);
        Assert.False(Directory.Exists(_temp.Combine("missing")));
    }
}
