namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

public sealed class StrayPageFilesTests
{
    [Theory]
    [InlineData("job-families/orchard/pruner.mb", "ends in '.mb', not '.md', so it is not a page", "did you mean 'job-families/orchard/pruner.md'?")]
    [InlineData("job-families/orchard/pruner.nd", "ends in '.nd', not '.md'", "did you mean 'job-families/orchard/pruner.md'?")]
    [InlineData("job-families/orchard/pruner.m", "ends in '.m', not '.md'", "did you mean 'job-families/orchard/pruner.md'?")]
    [InlineData("job-families/orchard/pruner/_index.mb", "ends in '.mb', not '.md'", "did you mean 'job-families/orchard/pruner/_index.md'?")]
    [InlineData("job-families/orchard/pruner.md.erv", "ends in '.erv', not '.erb'", "did you mean 'job-families/orchard/pruner.md.erb'?")]
    [InlineData("job-families/orchard/pruner", "has no ending, so it is not a page", "if it is a page, rename it 'job-families/orchard/pruner.md'")]
    [InlineData("job-families/orchard/pruner.MD", "which this site does not read as a page: endings are read in lower case only", "rename it 'job-families/orchard/pruner.md'")]
    [InlineData("job-families/orchard/pruner.markdown", "Hugo builds it as a page, but this site reads only '.md' pages", "rename it 'job-families/orchard/pruner.md'")]
    public void Given_a_file_that_looks_like_a_page_but_is_not_read_When_checked_Then_PAGE003_at_the_file_with_the_name_to_give_it(string path, string message, string hint)
    {
        var diagnostic = StrayPageFiles.Check(path);

        Assert.NotNull(diagnostic);
        Assert.Equal(("PAGE003", Severity.Warning, path, 1, 1), (diagnostic.Code, diagnostic.Severity, diagnostic.Location.Path, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.StartsWith(hint, diagnostic.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("job-families/orchard/pruner.md")]
    [InlineData("job-families/orchard/pruner.html.md.erb")]
    [InlineData("job-families/orchard/pruner/_index.md")]
    [InlineData("job-families/orchard/_shared.erb")]
    [InlineData("job-families/orchard/ladder.png")]
    [InlineData("job-families/orchard/ladder.svg")]
    [InlineData("job-families/orchard/levels.yml")]
    [InlineData("job-families/orchard/.DS_Store")]
    [InlineData("job-families/orchard/.hidden/notes")]
    [InlineData("job-families/orchard/.gitkeep")]
    [InlineData("includes/orchard/pruner.mb")]
    [InlineData("data/README")]
    public void Given_a_page_a_partial_or_a_file_that_is_no_page_When_checked_Then_nothing_is_reported(string path) =>
        Assert.Null(StrayPageFiles.Check(path));

    [Fact]
    public void Given_several_files_When_checked_Then_one_PAGE003_per_stray_file_in_path_order()
    {
        var diagnostics = new List<Diagnostic>();

        StrayPageFiles.Check(["job-families/orchard/picker.mb", "job-families/orchard/pruner.md", "job-families\\orchard\\grafter"], diagnostics);

        Assert.Equal(["job-families/orchard/grafter", "job-families/orchard/picker.mb"], diagnostics.Select(d => d.Location.Path));
    }
}
