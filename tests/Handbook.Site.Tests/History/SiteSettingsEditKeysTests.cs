namespace Handbook.Site.Tests.History;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History.Settings;

/// <summary>The keys of <c>input/settings.yml</c> that configure "Edit this page" links (reader-nav).</summary>
public sealed class SiteSettingsEditKeysTests
{
    [Fact]
    public void Given_edit_branch_and_repository_path_prefix_When_read_Then_both_are_kept_with_slashes_trimmed()
    {
        var (settings, diagnostics) = SiteSettingsReader.Read(
            "repository_url: https://gitlab.com/northwind/handbook\nedit_branch: release/2026\nrepository_path_prefix: /site/input/\n");

        Assert.Empty(diagnostics);
        Assert.Equal(("release/2026", "site/input"), (settings.EditBranch, settings.RepositoryPathPrefix));
    }

    [Fact]
    public void Given_an_empty_prefix_Then_it_means_the_repository_root_not_unset()
    {
        var (settings, diagnostics) = SiteSettingsReader.Read("repository_path_prefix: \"\"\n");

        Assert.Empty(diagnostics);
        Assert.Equal(string.Empty, settings.RepositoryPathPrefix);
    }

    [Fact]
    public void Given_neither_key_Then_both_are_unset()
    {
        var (settings, _) = SiteSettingsReader.Read("repository_url: https://gitlab.com/northwind/handbook\n");

        Assert.Equal((null, null), (settings.EditBranch, settings.RepositoryPathPrefix));
    }

    [Theory]
    [InlineData("edit_branch: my branch\n", "SET008", 1, 14)]
    [InlineData("edit_branch: ../main\n", "SET008", 1, 14)]
    [InlineData("edit_branch: [main]\n", "SET008", 1, 14)]
    [InlineData("repository_path_prefix: ../outside\n", "SET009", 1, 25)]
    [InlineData("repository_path_prefix: {a: b}\n", "SET009", 1, 25)]
    public void Given_a_bad_value_Then_an_error_points_at_it_and_the_key_stays_unset(string text, string code, int line, int column)
    {
        var (settings, diagnostics) = SiteSettingsReader.Read(text);

        var d = Assert.Single(diagnostics);
        Assert.Equal((code, Severity.Error, new SourceLocation("settings.yml", line, column)), (d.Code, d.Severity, d.Location));
        Assert.Equal((null, null), (settings.EditBranch, settings.RepositoryPathPrefix));
    }

    [Fact]
    public void Given_a_misspelt_key_Then_the_hint_names_the_edit_key()
    {
        var (_, diagnostics) = SiteSettingsReader.Read("edit_brach: main\n");

        Assert.Equal("did you mean 'edit_branch'?", Assert.Single(diagnostics).Hint);
    }
}
