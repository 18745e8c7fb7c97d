namespace Handbook.Site.Tests.History;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History.Settings;

public sealed class SiteSettingsReaderTests
{
    [Fact]
    public void A_complete_file_is_read()
    {
        var (settings, diagnostics) = SiteSettingsReader.Read(
            "history:\n  enabled: false\n  since: 2022-01-01\n  max_versions: 12\nrepository_url: https://gitlab.com/acme/handbook\n");

        Assert.Empty(diagnostics);
        Assert.Equal(new HistorySettings(false, new DateOnly(2022, 1, 1), 12), settings.History);
        Assert.Equal("https://gitlab.com/acme/handbook", settings.RepositoryUrl!.AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("history:\n  enabled: true\n")]
    public void Missing_settings_take_their_defaults(string text)
    {
        var (settings, diagnostics) = SiteSettingsReader.Read(text);

        Assert.Empty(diagnostics);
        Assert.Equal(HistorySettings.Default, settings.History);
        Assert.Null(settings.RepositoryUrl);
    }

    [Fact]
    public void An_unknown_key_is_a_warning_on_its_line_with_a_did_you_mean_hint()
    {
        var (settings, diagnostics) = SiteSettingsReader.Read("history:\n  enabled: true\n  max_version: 10\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal((SettingsCodes.UnknownKey, Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(new SourceLocation("settings.yml", 3, 3), d.Location);
        Assert.Equal("did you mean 'history.max_versions'?", d.Hint);
        Assert.Equal(HistorySettings.DefaultMaxVersions, settings.History.MaxVersions);
    }

    [Theory]
    [InlineData("history:\n  enabled: maybe\n", "SET003", 2, 12)]
    [InlineData("history:\n  since: 1 Jan 2022\n", "SET004", 2, 10)]
    [InlineData("history:\n  since: 2022-02-30\n", "SET004", 2, 10)]
    [InlineData("history:\n  max_versions: 0\n", "SET005", 2, 17)]
    [InlineData("history:\n  max_versions: -3\n", "SET005", 2, 17)]
    [InlineData("history:\n  max_versions: [1, 2]\n", "SET005", 2, 17)]
    [InlineData("repository_url: gitlab.com/acme\n", "SET006", 1, 17)]
    [InlineData("repository_url: ftp://example.com/x\n", "SET006", 1, 17)]
    [InlineData("history: yes\n", "SET002", 1, 10)]
    [InlineData("- a\n- b\n", "SET007", 1, 1)]
    [InlineData("history:\n  enabled: true\n enabled: false\n", "SET007", 3, 2)]
    public void A_bad_value_is_an_error_at_the_value(string text, string code, int line, int column)
    {
        var (settings, diagnostics) = SiteSettingsReader.Read(text);

        var d = Assert.Single(diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal((line, column), (d.Location.Line, d.Location.Column));
        Assert.NotNull(settings);
    }

    [Fact]
    public void A_repeated_key_is_reported()
    {
        var (_, diagnostics) = SiteSettingsReader.Read("repository_url: https://a.example/x\nrepository_url: https://b.example/y\n");

        Assert.Equal(SettingsCodes.InvalidYaml, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("https://gitlab.com/acme/handbook", "https://gitlab.com/acme/handbook/-/commit/e66952b")]
    [InlineData("https://gitlab.example.org/acme/handbook/", "https://gitlab.example.org/acme/handbook/-/commit/e66952b")]
    [InlineData("https://github.com/acme/handbook", "https://github.com/acme/handbook/commit/e66952b")]
    public void A_commit_links_to_the_repository_host(string repository, string expected) =>
        Assert.Equal(expected, new SiteSettings(HistorySettings.Default, new Uri(repository)).CommitUrl("e66952b")!.AbsoluteUri);
}
