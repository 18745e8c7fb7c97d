namespace Handbook.Site.Tests.History;

using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History;
using Handbook.Site.History.Settings;

public sealed class VersionDiscoveryTests : IDisposable
{
    private const string Writer = "job-families/engineering/technical-writer/index.html.md";

    private readonly TestRepository _repo = new();
    private readonly DiagnosticBag _diagnostics = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_whitespace_only_commit_is_folded_into_the_version_before_it()
    {
        // Given an edit, then a commit that only adds trailing spaces and CRLF line endings
        var first = _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs")).Commit("Add");
        var edit = _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs", "Plans docs")).Commit("Edit");
        var whitespace = _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs  ", "Plans docs").Replace("\n", "\r\n", StringComparison.Ordinal)).Commit("Fix whitespace");

        using var found = VersionDiscovery.Discover(_repo.InputFolder, HistorySettings.Default, _diagnostics);

        // Then two versions are published, the whitespace commit folded into the edit with the reason
        var versions = found.VersionsOf(Writer);
        Assert.Equal([edit.Sha, first.Sha], versions.Select(v => v.CommitSha));
        var fold = Assert.Single(versions[0].Folded);
        Assert.Equal(whitespace.Sha, fold.Version.CommitSha);
        Assert.Equal(VersionFolding.WhitespaceReason, fold.Reason);
        Assert.Equal(3, found.Walk.Find(Writer)!.Versions.Count);
    }

    [Fact]
    public void Settings_limit_the_published_versions()
    {
        _repo.Write(Writer, Pages.Family("Technical Writer", "One")).Commit("One", new DateTimeOffset(2021, 12, 31, 23, 0, 0, TimeSpan.Zero));
        _repo.Write(Writer, Pages.Family("Technical Writer", "Two")).Commit("Two", new DateTimeOffset(2022, 1, 1, 1, 0, 0, TimeSpan.Zero));
        _repo.Write(Writer, Pages.Family("Technical Writer", "Three")).Commit("Three", new DateTimeOffset(2022, 1, 2, 1, 0, 0, TimeSpan.Zero));
        _repo.Write(Writer, Pages.Family("Technical Writer", "Four")).Commit("Four", new DateTimeOffset(2022, 1, 3, 1, 0, 0, TimeSpan.Zero));

        using var found = VersionDiscovery.Discover(_repo.InputFolder, new HistorySettings(true, new DateOnly(2022, 1, 1), 2), _diagnostics);

        Assert.Equal(["Four", "Three"], found.VersionsOf(Writer).Select(v => v.Subject));
    }

    [Fact]
    public void Disabled_history_reads_nothing_and_says_nothing()
    {
        _repo.Write(Writer, Pages.Family("Technical Writer", "One")).Commit("One");

        using var found = VersionDiscovery.Discover(_repo.InputFolder, HistorySettings.Default with { Enabled = false }, _diagnostics);

        Assert.False(found.IsEnabled);
        Assert.Empty(found.VersionsOf(Writer));
        Assert.Empty(_diagnostics.Sorted());
    }

    [Fact]
    public void A_version_is_read_back_with_the_grade_file_of_its_commit()
    {
        _repo.Write("data/job-grades.yml", Pages.Grades(("9.5", "Principal"))).Write(Writer, Pages.Family("Technical Writer", "One")).Commit("One");
        _repo.Write("data/job-grades.yml", Pages.Grades(("9", "Senior Manager"))).Commit("Regrade");
        _repo.Write(Writer, Pages.Family("Technical Writer", "Two")).Commit("Two");

        using var found = VersionDiscovery.Discover(_repo.InputFolder, HistorySettings.Default, _diagnostics);
        var versions = found.VersionsOf(Writer);

        Assert.Contains("One", found.ReadPage(versions[1]), StringComparison.Ordinal);
        Assert.Contains("9.5", found.ReadGradeData(versions[1]), StringComparison.Ordinal);
        Assert.DoesNotContain("9.5", found.ReadGradeData(versions[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_is_read_as_of_the_version_commit()
    {
        _repo.Write("job-families/engineering/_intro.md", "Old intro").Write(Writer, Pages.Family("Technical Writer", "One")).Commit("One");
        _repo.Write("job-families/engineering/_intro.md", "New intro").Write(Writer, Pages.Family("Technical Writer", "Two")).Commit("Two");

        using var found = VersionDiscovery.Discover(_repo.InputFolder, HistorySettings.Default, _diagnostics);
        var versions = found.VersionsOf(Writer);

        Assert.Equal("Old intro", found.ReadFileAsOf(versions[1], "job-families/engineering/_intro.md"));
        Assert.Equal("New intro", found.ReadFileAsOf(versions[0], "job-families/engineering/_intro.md"));
        Assert.Null(found.ReadFileAsOf(versions[0], "job-families/engineering/_missing.md"));
    }

    [Fact]
    public void The_settings_file_is_optional_and_its_problems_are_reported()
    {
        Assert.Equal(SiteSettings.Default, SiteSettingsFile.Load(_repo.InputFolder, _diagnostics));

        _repo.Write("settings.yml", "history:\n  since: soon\n");
        SiteSettingsFile.Load(_repo.InputFolder, _diagnostics);

        var d = Assert.Single(_diagnostics.Sorted());
        Assert.Equal((SettingsCodes.NotDate, "settings.yml", 2), (d.Code, d.Location.Path, d.Location.Line));
    }
}
