namespace Handbook.Site.Tests.Versions;

using Handbook.Site.Versions;

/// <summary>
/// A commit's input files as the version renders look them up: a file's blob by path (indexed, asked for every
/// page every version links to), the page a job-family URL points at, and the partials.
/// </summary>
public class CommitInputTests
{
    private static readonly CommitInput Input = new(
    [
        ("data/job-grades.yml", "b1"),
        ("job-families/engineering/_intro.md", "b2"),
        ("job-families/engineering/backend-engineer.md", "b3"),
        ("job-families/sales/account-executive/index.html.md.erb", "b4"),
    ]);

    [Theory]
    [InlineData("data/job-grades.yml", "b1")]
    [InlineData("job-families/engineering/_intro.md", "b2")]
    [InlineData("job-families/sales/account-executive/index.html.md.erb", "b4")]
    [InlineData("job-families/sales/account-executive/index.html.md", null)]
    [InlineData("Data/job-grades.yml", null)]
    [InlineData("", null)]
    public void Given_a_commit_s_files_When_a_blob_is_looked_up_by_path_Then_it_is_the_listed_one_or_none(string path, string? blob)
    {
        Assert.Equal(blob, Input.BlobOf(path));
        Assert.Equal(Input.Files.FirstOrDefault(f => f.Path == path).BlobSha, Input.BlobOf(path));
    }

    [Theory]
    [InlineData("/job-families/engineering/backend-engineer/", "job-families/engineering/backend-engineer.md")]
    [InlineData("https://about.gitlab.com/job-families/sales/account-executive/#levels", "job-families/sales/account-executive/index.html.md.erb")]
    [InlineData("/job-families/engineering/intro/", null)]
    public void Given_a_job_family_url_When_looked_up_Then_the_commit_s_page_is_found(string url, string? page)
    {
        Assert.Equal(page, Input.PageAt(url));
    }

    [Fact]
    public void Partials_are_the_underscore_files()
    {
        Assert.Equal([("job-families/engineering/_intro.md", "b2")], Input.Partials);
    }
}
