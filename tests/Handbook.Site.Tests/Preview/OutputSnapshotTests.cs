namespace Handbook.Site.Tests.Preview;

using Handbook.Site.Preview;
using Handbook.Site.Tests.Support;

public sealed class OutputSnapshotTests
{
    [Fact]
    public void Only_pages_whose_content_changed_are_named_by_their_url()
    {
        using var folder = new TempFolder();
        folder.Write("out/index.html", "home");
        folder.Write("out/a/index.html", "a");
        folder.Write("out/b/index.html", "b");
        folder.Write("out/assets/site.css", "css");
        var before = OutputSnapshot.Take(folder["out"]);

        folder.Write("out/a/index.html", "a changed");
        folder.Write("out/c/index.html", "new page");
        File.Delete(folder["out/index.html"]);
        var after = OutputSnapshot.Take(folder["out"]);

        Assert.Equal(["/", "/a/", "/c/"], before.ChangedUrls(after));
    }

    [Fact]
    public void A_changed_asset_reloads_every_page()
    {
        using var folder = new TempFolder();
        folder.Write("out/a/index.html", "a");
        folder.Write("out/assets/site.css", "css");
        var before = OutputSnapshot.Take(folder["out"]);

        folder.Write("out/assets/site.css", "css changed");

        Assert.Equal([OutputSnapshot.AllPages], before.ChangedUrls(OutputSnapshot.Take(folder["out"])));
    }

    [Fact]
    public void A_changed_data_file_reloads_no_page()
    {
        // Given a page and the data files every rebuild regenerates
        var changed = OutputSnapshot.UrlsOf(["api/job-families.json", "sitemap.xml", "job-families/a/index.html"]);

        // Then only the page reloads: no page loads the JSON export or the sitemap
        Assert.Equal(["/job-families/a/"], changed);
        Assert.Equal([OutputSnapshot.AllPages], OutputSnapshot.UrlsOf(["sitemap.xml", "assets/site.css"]));
    }

    [Fact]
    public void An_unchanged_rebuild_reloads_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("out/a/index.html", "a");

        Assert.Empty(OutputSnapshot.Take(folder["out"]).ChangedUrls(OutputSnapshot.Take(folder["out"])));
    }
}
