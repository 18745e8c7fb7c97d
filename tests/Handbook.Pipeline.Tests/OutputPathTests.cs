namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Output;

public class OutputPathTests
{
    [Theory]
    [InlineData("index.html")]
    [InlineData("job-families/engineering/backend-engineer/index.html")]
    [InlineData("_redirects")]
    [InlineData("a..b/c.html")]
    public void Output_relative_slash_paths_are_accepted(string destination) => Assert.Null(OutputPath.Validate(destination));
}
