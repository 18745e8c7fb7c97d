namespace Handbook.Site.Tests.Reliability;

using System.Net;
using System.Net.Sockets;
using System.Text;
using CsCheck;
using Handbook.Site.Tests.Preview;
using Xunit.Abstractions;

/// <summary>
/// The preview server against hostile request paths and load: generated request targets (dot segments in every
/// encoding, slashes and backslashes, NUL, absolute paths, very long paths, Unicode) never return the secret file that
/// lies outside the output folder, never a 500 and never a folder listing; 1,000 requests from 20 concurrent clients
/// are all answered correctly and the server stays up. Every wait is bounded, so the tests stop by themselves.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class PreviewServerFuzzTests(ITestOutputHelper output)
{
    private static readonly Gen<string> Segment = Gen.Frequency(
        (6, Gen.OneOf("..", "%2e%2e", "%2E%2e", ".%2e", "%2e.", "%252e%252e", "%c0%ae%c0%ae", "..%2f", "..%5c", "..\\..", ".", "", "~")),
        (4, Gen.OneOf("secret.txt", "assets", "index.html", "job-families", "engineering", "backend", "empty-folder", "images", "about", "404.html", "_redirects")),
        (2, Gen.OneOf("%2f", "%5c", "\\", "%00", "%0a", "%", "%zz", ";", "?x=/../secret.txt", "#frag", "%3f", "*", ":")),
        (2, Gen.OneOf("é", "%C3%A9", "%ff%fe", "\u202e", "日本", "\ud83d\ude00", "%e2%80%ae", "con", "aux", "nul")),
        (1, Gen.Int[1, 9000].Select(n => new string('a', n))),
        (1, Gen.String[Gen.Char['!', '~'], 0, 40]));

    [Fact]
    public async Task Fuzzed_request_paths_never_leak_the_outside_file_never_fail_with_500_and_never_list_a_folder()
    {
        await using var site = await PreviewFixture.StartAsync();
        var secretPath = site.Folder["secret.txt"];
        var known = KnownContents(site.Output);
        var prefixes = Gen.OneOf("/", "//", "/./", "/..", "\\", "/" + secretPath.TrimStart('/'), "//" + secretPath.TrimStart('/'), "/" + Uri.EscapeDataString(secretPath), "/C:/", "/empty-folder/");
        var targets = Gen.Select(prefixes, Segment.Array[0, 8], Gen.Bool)
            .Select((prefix, segments, trailing) => prefix + string.Join('/', segments) + (trailing ? "/" : ""));
        var cases = 0;
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < 300; i++)
        {
            // Case i always comes from the same seed, so every run sends the same targets and a failure is reproducible.
            var target = targets.Generate(new PCG(1, 20261128UL + (ulong)i), null, out _);
            var (status, body) = await SendAsync(site, target);
            cases++;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;

            Assert.False(body.Contains(PreviewFixture.Secret, StringComparison.Ordinal), $"secret leaked for `{target}`");
            Assert.True(status is > 0 and < 500, $"status {status} for `{target}`");
            Assert.False(LooksLikeListing(body), $"listing for `{target}`");
            if (status == 200)
            {
                Assert.True(known.Any(k => body.Contains(k, StringComparison.Ordinal)), $"200 with unknown content for `{target}`");
            }
        }

        // And the server still answers normally afterwards
        using var home = await site.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        output.WriteLine($"{cases} requests: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")));
    }

    [Fact]
    public async Task A_thousand_requests_from_twenty_concurrent_clients_are_all_answered_and_the_server_stays_up()
    {
        await using var site = await PreviewFixture.StartAsync();
        var expectations = new (string Path, HttpStatusCode Status, string? Text)[]
        {
            ("/", HttpStatusCode.OK, "Home"),
            ("/job-families/engineering/backend/", HttpStatusCode.OK, "Backend"),
            ("/assets/site.css", HttpStatusCode.OK, "color: black"),
            ("/about.html", HttpStatusCode.OK, "About"),
            ("/no-such-page/", HttpStatusCode.NotFound, "Custom not found"),
            ("/sitemap.xml", HttpStatusCode.OK, "<urlset/>"),
        };
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var answered = 0;
        var failures = new List<string>();

        // Given 20 clients with their own connections, each sending 50 requests
        var clients = Enumerable.Range(0, 20).Select(async client =>
        {
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = site.Server.Url, Timeout = TimeSpan.FromSeconds(30) };
            for (var i = 0; i < 50; i++)
            {
                var (path, status, text) = expectations[(client + i) % expectations.Length];
                try
                {
                    using var response = await http.GetAsync(new Uri(path, UriKind.Relative), stop.Token);
                    var body = await response.Content.ReadAsStringAsync(stop.Token);
                    if (response.StatusCode != status || (text is not null && !body.Contains(text, StringComparison.Ordinal)))
                    {
                        lock (failures)
                        {
                            failures.Add($"{path}: {(int)response.StatusCode}");
                        }
                    }

                    Interlocked.Increment(ref answered);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    lock (failures)
                    {
                        failures.Add($"{path}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        });

        // When they all run at once
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(clients);

        // Then every request got its right answer, and the server still serves
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(1000, answered);
        using var after = await site.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        output.WriteLine($"1,000 requests from 20 clients in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Sends the target byte for byte (UTF-8, unlike the fixture's Latin-1 helper) and reads the whole answer.</summary>
    private static async Task<(int Status, string Body)> SendAsync(PreviewFixture site, string target)
    {
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await tcp.ConnectAsync(site.Server.Url.Host, site.Server.Url.Port, timeout.Token);
        var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {site.Server.Url.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(timeout.Token);
        var statusLine = text.Split("\r\n", 2)[0].Split(' ');
        // A connection closed without an answer is not a 500, but it is not an answer either.
        return statusLine.Length > 1 && int.TryParse(statusLine[1], System.Globalization.CultureInfo.InvariantCulture, out var status) ? (status, text) : (0, text);
    }

    private static bool LooksLikeListing(string body) =>
        body.Contains("Index of", StringComparison.OrdinalIgnoreCase)
        || (body.Contains("site.css", StringComparison.Ordinal) && body.Contains("app.js", StringComparison.Ordinal))
        || body.Contains("readme.txt", StringComparison.Ordinal);

    /// <summary>For each file of the output, its longest piece of text between tags (HTML is served with the live-reload script added).</summary>
    private static List<string> KnownContents(string outputFolder) =>
        Directory.EnumerateFiles(outputFolder, "*", SearchOption.AllDirectories)
            .Select(f => File.ReadAllText(f).Split('<', '>').MaxBy(piece => piece.Trim().Length)!.Trim())
            .Where(t => t.Length > 0)
            .ToList();
}
