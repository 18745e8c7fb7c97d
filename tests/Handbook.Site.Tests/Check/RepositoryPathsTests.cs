namespace Handbook.Site.Tests.Check;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Cli;

public class RepositoryPathsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "repo");

    [Theory]
    [InlineData("input", "theme", "input", "")]
    [InlineData("./input/", "theme", "input", "")]
    [InlineData("handbook/input", "tools/theme", "handbook/input", "tools")]
    [InlineData(".", "theme", "", "")]
    public void Prefixes_are_the_folders_relative_to_the_working_folder(string input, string theme, string inputPrefix, string themePrefix)
    {
        var paths = RepositoryPaths.Of(input, theme, Root);

        Assert.Equal(new RepositoryPaths(inputPrefix, themePrefix), paths);
    }

    [Fact]
    public void An_absolute_input_folder_inside_the_working_folder_becomes_relative()
    {
        var paths = RepositoryPaths.Of(Path.Combine(Root, "input"), Path.Combine(Root, "theme"), Root);

        Assert.Equal("input", paths.InputPrefix);
    }

    [Theory]
    [InlineData("GRADE001", "job-families/a.md", "handbook/input/job-families/a.md")]
    [InlineData("IO005", "(site)", "handbook/input")]
    [InlineData("HIST002", ".", "handbook/input")]
    [InlineData("THEME002", "theme/404.liquid", "tools/theme/404.liquid")]
    public void A_diagnostic_path_maps_to_its_repository_path(string code, string path, string expected)
    {
        var paths = new RepositoryPaths("handbook/input", "tools");

        Assert.Equal(expected, paths.Of(Diagnostic.Error(code, "m", SourceLocation.File(path))));
    }
}
