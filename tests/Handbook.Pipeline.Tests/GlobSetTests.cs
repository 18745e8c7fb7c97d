namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.IO;

public class GlobSetTests
{
    [Theory]
    [InlineData("job-families/**/*.md", "job-families/a/b/c.md", true)]
    [InlineData("job-families/**/*.md", "job-families/c.md", true)]
    [InlineData("job-families/**/*.md", "job-families/c.md.erb", false)]
    [InlineData("data/*.yml", "data/x/y.yml", false)]
    [InlineData("data/*.yml", "Data/y.yml", false)]
    public void Globs_match_case_sensitively(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new GlobSet([pattern]).Matches(path));

    [Theory]
    [InlineData("data", true)]
    [InlineData("job-families", true)]
    [InlineData("job-families/a/b", true)]
    [InlineData("data/nested", false)]
    [InlineData("node_modules", false)]
    public void Only_folders_a_pattern_could_reach_are_walked(string folder, bool expected) =>
        Assert.Equal(expected, new GlobSet(["job-families/**/*.md", "data/*.yml"]).CouldMatchBelow(folder));

    [Fact]
    public void A_leading_dot_slash_is_ignored()
    {
        var globs = new GlobSet(["./data/*.yml"]);

        Assert.True(globs.Matches("data/job-grades.yml"));
        Assert.True(globs.CouldMatchBelow("data"));
    }
}
