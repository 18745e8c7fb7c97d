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

    [Fact]
    public void Given_the_page_urls_from_a_memo_When_pages_are_looked_up_Then_they_are_found_as_without_it()
    {
        // Given the same files with each path's URL asked of a memo (the session keeps one per build)
        var asked = new List<string>();
        var memoised = new CommitInput(Input.Files, path =>
        {
            asked.Add(path);
            return CommitInput.PageUrlOf(path);
        });

        // Then every path was asked once, and lookups, blobs and partials are the same
        Assert.Equal(Input.Files.Select(f => f.Path), asked);
        foreach (var url in (string[])["/job-families/engineering/backend-engineer/", "/job-families/sales/account-executive", "/job-families/engineering/intro/", "/job-families/"])
        {
            Assert.Equal(Input.PageAt(url), memoised.PageAt(url));
        }

        Assert.Equal(Input.Partials, memoised.Partials);
        Assert.Null(CommitInput.PageUrlOf("job-families/engineering/_intro.md"));
        Assert.Null(CommitInput.PageUrlOf("data/job-grades.yml"));
    }
}
