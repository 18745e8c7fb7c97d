namespace Handbook.Site.Tests.Navigation;

using Handbook.Site.History.Settings;
using Handbook.Site.Navigation;
using Handbook.Site.Tests.Support;

public class EditLinksTests
{
    [Fact]
    public void Given_a_GitLab_repository_Then_the_edit_url_opens_the_web_editor_on_the_branch_and_the_prefixed_path()
    {
        var links = new EditLinks(new Uri("https://gitlab.com/northwind/handbook"), "main", "site/input");

        Assert.Equal(
            "https://gitlab.com/northwind/handbook/-/edit/main/site/input/job-families/sales/solutions-architect/index.html.md.erb",
            links.UrlOf("job-families/sales/solutions-architect/index.html.md.erb"));
    }

    [Fact]
    public void Given_github_a_branch_with_a_slash_and_a_file_name_with_spaces_Then_segments_are_escaped_and_slashes_kept()
    {
        var links = new EditLinks(new Uri("https://github.com/northwind/handbook/"), "release/2026", string.Empty);

        Assert.Equal(
            "https://github.com/northwind/handbook/edit/release/2026/job-families/kitchen/chef%20de%20rang.md",
            links.UrlOf("job-families/kitchen/chef de rang.md"));
    }

    [Fact]
    public void Given_settings_without_repository_url_Then_there_are_no_edit_links()
    {
        Assert.Null(EditLinks.From(SiteSettings.Default, "input"));
    }

    [Fact]
    public void Given_a_repository_url_only_Then_the_branch_is_main_and_the_prefix_is_the_input_folders_place_in_the_work_tree()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["repo/.git"]);
        var input = Directory.CreateDirectory(folder["repo/site/input"]).FullName;
        var settings = new SiteSettings(HistorySettings.Default, new Uri("https://gitlab.example.com/hb"));

        var links = EditLinks.From(settings, input);

        Assert.Equal(new EditLinks(new Uri("https://gitlab.example.com/hb"), "main", "site/input"), links);
    }

    [Fact]
    public void Given_explicit_branch_and_prefix_Then_they_win_over_the_defaults()
    {
        var settings = new SiteSettings(HistorySettings.Default, new Uri("https://gitlab.example.com/hb")) { EditBranch = "master", RepositoryPathPrefix = string.Empty };

        var links = EditLinks.From(settings, "/nowhere/input");

        Assert.Equal(("master", string.Empty), (links!.Branch, links.PathPrefix));
    }

    [Fact]
    public void Given_an_input_folder_that_is_the_work_tree_root_or_in_none_Then_the_prefix_is_empty()
    {
        using var folder = new TempFolder();
        folder.Write("root/.git", "gitdir: /elsewhere\n"); // a linked work tree has a .git file
        Assert.Equal(string.Empty, RepositoryFolder.PathOf(folder["root"]));
        Assert.Equal("pages", RepositoryFolder.PathOf(Directory.CreateDirectory(folder["root/pages"]).FullName));
    }
}
