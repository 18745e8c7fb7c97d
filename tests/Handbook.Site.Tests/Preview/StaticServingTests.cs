namespace Handbook.Site.Tests.Preview;

using System.Net;
using Handbook.Site.Preview;

public sealed class StaticServingTests
{
    [Fact]
    public async Task A_slashed_url_serves_the_folder_index()
    {
        await using var site = await PreviewFixture.StartAsync();

        using var response = await site.Client.GetAsync(new Uri("/job-families/engineering/backend/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Backend</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_its_slash_is_redirected_to_the_slashed_url_keeping_the_query()
    {
        await using var site = await PreviewFixture.StartAsync();

        using var response = await site.Client.GetAsync(new Uri("/job-families/engineering/backend?x=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/job-families/engineering/backend/?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_root_serves_the_home_page_and_html_files_are_served_by_name_and_without_extension()
    {
        await using var site = await PreviewFixture.StartAsync();

        Assert.Contains("Home", await site.Client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("About", await site.Client.GetStringAsync(new Uri("/about.html", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("About", await site.Client.GetStringAsync(new Uri("/about", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_miss_serves_the_sites_404_page_with_status_404()
    {
        await using var site = await PreviewFixture.StartAsync();

        using var response = await site.Client.GetAsync(new Uri("/no/such/page/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Custom not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/assets/site.css", "text/css")]
    [InlineData("/assets/app.js", "text/javascript")]
    [InlineData("/sitemap.xml", "text/xml")]
    [InlineData("/data.json", "application/json")]
    [InlineData("/images/logo.png", "image/png")]
    public async Task Files_are_served_as_is_with_their_content_type(string path, string mediaType)
    {
        await using var site = await PreviewFixture.StartAsync();

        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Output, path.TrimStart('/'))), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_returns_the_headers_of_get_without_a_body()
    {
        await using var site = await PreviewFixture.StartAsync();

        using var head = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/assets/site.css", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(new FileInfo(Path.Combine(site.Output, "assets/site.css")).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Other_methods_are_refused_with_405()
    {
        await using var site = await PreviewFixture.StartAsync();

        using var response = await site.Client.PostAsync(new Uri("/", UriKind.Relative), new StringContent("x"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_folder_without_an_index_is_not_listed()
    {
        await using var site = await PreviewFixture.StartAsync();

        using var slashed = await site.Client.GetAsync(new Uri("/empty-folder/", UriKind.Relative));
        using var bare = await site.Client.GetAsync(new Uri("/empty-folder", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, slashed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
        Assert.DoesNotContain("readme.txt", await slashed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_rules_are_honoured_after_files_with_splats_and_rewrites()
    {
        await using var site = await PreviewFixture.StartAsync();

        using var moved = await site.Client.GetAsync(new Uri("/old-page", UriKind.Relative));
        using var splat = await site.Client.GetAsync(new Uri("/moved/sales/ae/", UriKind.Relative));
        using var rewrite = await site.Client.GetAsync(new Uri("/alias", UriKind.Relative));
        using var config = await site.Client.GetAsync(new Uri("/_redirects", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/about.html", moved.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Found, splat.StatusCode);
        Assert.Equal("/job-families/sales/ae/", splat.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, rewrite.StatusCode);
        Assert.Contains("About", await rewrite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, config.StatusCode);
    }

    [Fact]
    public async Task A_forced_rule_wins_over_an_existing_file_and_a_404_rule_serves_its_target_with_404()
    {
        await using var site = await PreviewFixture.StartAsync();
        site.Folder.Write("output/_redirects", "/about.html /index.html 302!\n/gone /about.html 404\n");

        using var forced = await site.Client.GetAsync(new Uri("/about.html", UriKind.Relative));
        using var gone = await site.Client.GetAsync(new Uri("/gone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, forced.StatusCode);
        Assert.Equal("/index.html", forced.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("About", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_reload_script_is_injected_into_html_responses_only_and_never_into_the_files()
    {
        await using var site = await PreviewFixture.StartAsync();

        var html = await site.Client.GetStringAsync(new Uri("/about", UriKind.Relative));
        var notFound = await (await site.Client.GetAsync(new Uri("/missing", UriKind.Relative))).Content.ReadAsStringAsync();
        var css = await site.Client.GetStringAsync(new Uri("/assets/site.css", UriKind.Relative));
        var js = await site.Client.GetStringAsync(new Uri("/assets/app.js", UriKind.Relative));

        Assert.Contains(LiveReloadScript.Tag + "</body>", html, StringComparison.Ordinal);
        Assert.Contains(LiveReloadScript.Marker, notFound, StringComparison.Ordinal);
        Assert.DoesNotContain(LiveReloadScript.Marker, css, StringComparison.Ordinal);
        Assert.DoesNotContain(LiveReloadScript.Marker, js, StringComparison.Ordinal);
        Assert.DoesNotContain(LiveReloadScript.Marker, File.ReadAllText(Path.Combine(site.Output, "about.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_output_folder_answers_503_and_a_swapped_in_folder_is_served_at_the_next_request()
    {
        await using var site = await PreviewFixture.StartAsync();
        Directory.Move(site.Output, site.Output + ".old");

        using var during = await site.Client.GetAsync(new Uri("/", UriKind.Relative));
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "index.html"), "<html><body>Rebuilt</body></html>");
        var after = await site.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Contains("Rebuilt", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_concurrent_clients_make_a_thousand_requests_that_all_succeed()
    {
        await using var site = await PreviewFixture.StartAsync();
        string[] paths = ["/", "/about", "/assets/site.css", "/job-families/engineering/backend/", "/images/logo.png"];
        var failures = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (i, token) =>
        {
            using var response = await site.Client.GetAsync(new Uri(paths[i % paths.Length], UriKind.Relative), token);
            await response.Content.ReadAsByteArrayAsync(token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
