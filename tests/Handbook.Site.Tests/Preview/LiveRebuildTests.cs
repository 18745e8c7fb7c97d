namespace Handbook.Site.Tests.Preview;

using System.Text.Json;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Preview;

public sealed class LiveRebuildTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_failing_build_shows_its_errors_and_the_fixed_build_clears_them_and_reloads_the_changed_page()
    {
        await using var site = await PreviewFixture.StartAsync();
        using var events = await EventStreamReader.ConnectAsync(site.Client);
        var error = Diagnostic.Error("FM001", "Front matter is not valid YAML", new SourceLocation("job-families/sales/ae.md", 2, 1));
        var warning = Diagnostic.Warning("MD002", "Empty section", SourceLocation.File("job-families/sales/ae.md"));
        var failing = new LiveRebuild(site.Server, site.Output, _ => Task.FromResult<IReadOnlyList<Diagnostic>>([error, warning]));
        var fixedBuild = new LiveRebuild(site.Server, site.Output, _ =>
        {
            File.WriteAllText(Path.Combine(site.Output, "about.html"), "<html><body>About, edited</body></html>");
            return Task.FromResult<IReadOnlyList<Diagnostic>>([warning]);
        });

        await failing.RunAsync(CancellationToken.None);
        var shown = await events.NextEventAsync("errors", Timeout);
        await fixedBuild.RunAsync(CancellationToken.None);
        await events.NextEventAsync("clear", Timeout);
        var reload = await events.NextEventAsync("reload", Timeout);

        Assert.Contains("FM001", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("MD002", shown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(reload);
        Assert.Equal(["/about.html"], json.RootElement.GetProperty("urls").EnumerateArray().Select(u => u.GetString()));
    }
}
