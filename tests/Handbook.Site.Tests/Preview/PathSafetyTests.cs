namespace Handbook.Site.Tests.Preview;

using System.Net;

public sealed class PathSafetyTests
{
    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/assets/../../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%2E%2E/secret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/..%2Fsecret.txt")]
    [InlineData("/%252e%252e/secret.txt")]
    [InlineData("/%25252e%25252e/secret.txt")]
    [InlineData("/..\\secret.txt")]
    [InlineData("/%5c..%5csecret.txt")]
    [InlineData("/assets/%00.css")]
    [InlineData("//etc/passwd")]
    [InlineData("/C:/Windows/win.ini")]
    [InlineData("/c:%5cwindows")]
    [InlineData("http://evil/../secret.txt")]
    public async Task Traversal_attempts_are_refused_with_400_and_never_leak_the_outside_file(string rawTarget)
    {
        await using var site = await PreviewFixture.StartAsync();

        var (status, text) = await site.RawGetAsync(rawTarget);

        Assert.Equal(400, status);
        Assert.DoesNotContain(PreviewFixture.Secret, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/leak/secret.txt")]
    [InlineData("/leak-file")]
    [InlineData("/leak/")]
    public async Task A_symlink_inside_the_output_pointing_outside_is_a_404(string path)
    {
        await using var site = await PreviewFixture.StartAsync();
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "leak"), site.Folder.Path);
        File.CreateSymbolicLink(Path.Combine(site.Output, "leak-file"), site.Folder["secret.txt"]);

        var (status, text) = await site.RawGetAsync(path);

        Assert.Equal(404, status);
        Assert.DoesNotContain(PreviewFixture.Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symlink_inside_the_output_pointing_inside_is_served()
    {
        await using var site = await PreviewFixture.StartAsync();
        File.CreateSymbolicLink(Path.Combine(site.Output, "home.html"), Path.Combine(site.Output, "index.html"));

        using var response = await site.Client.GetAsync(new Uri("/home.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Home", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Percent_encoded_names_that_are_safe_are_decoded_once()
    {
        await using var site = await PreviewFixture.StartAsync();
        site.Folder.Write("output/a b.txt", "spaced");

        var (status, text) = await site.RawGetAsync("/a%20b.txt");

        Assert.Equal(200, status);
        Assert.EndsWith("spaced", text, StringComparison.Ordinal);
    }
}
