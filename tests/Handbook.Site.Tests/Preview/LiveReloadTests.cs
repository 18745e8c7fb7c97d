namespace Handbook.Site.Tests.Preview;

using System.Text.Json;
using Handbook.Pipeline.Diagnostics;

public sealed class LiveReloadTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_connected_browser_receives_the_changed_urls()
    {
        await using var site = await PreviewFixture.StartAsync();
        using var events = await EventStreamReader.ConnectAsync(site.Client);

        site.Server.NotifyChanged(["/job-families/engineering/backend/"]);
        var data = await events.NextEventAsync("reload", Timeout);

        Assert.Equal("text/event-stream", events.ContentType);
        using var json = JsonDocument.Parse(data);
        Assert.Equal("/job-families/engineering/backend/", json.RootElement.GetProperty("urls")[0].GetString());
    }

    [Fact]
    public async Task Errors_are_sent_with_their_location_and_cleared()
    {
        await using var site = await PreviewFixture.StartAsync();
        using var events = await EventStreamReader.ConnectAsync(site.Client);
        var diagnostic = Diagnostic.Error("GRADE001", "Unknown grade <b>12</b>", new SourceLocation("job-families/sales/ae.md", 4, 7), "did you mean 11?");

        site.Server.ShowErrors([diagnostic]);
        var data = await events.NextEventAsync("errors", Timeout);
        var status = await site.Client.GetStringAsync(new Uri("/__preview/status", UriKind.Relative));
        site.Server.ClearErrors();
        await events.NextEventAsync("clear", Timeout);
        var statusAfter = await site.Client.GetStringAsync(new Uri("/__preview/status", UriKind.Relative));

        using var json = JsonDocument.Parse(data);
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.Equal("job-families/sales/ae.md", error.GetProperty("path").GetString());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Equal(7, error.GetProperty("column").GetInt32());
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.Equal("GRADE001", error.GetProperty("code").GetString());
        Assert.Equal("Unknown grade <b>12</b>", error.GetProperty("message").GetString());
        Assert.Equal("did you mean 11?", error.GetProperty("hint").GetString());
        Assert.Contains("GRADE001", status, StringComparison.Ordinal);
        Assert.DoesNotContain("GRADE001", statusAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_connecting_after_a_failed_build_gets_the_errors_at_once()
    {
        await using var site = await PreviewFixture.StartAsync();
        site.Server.ShowErrors([Diagnostic.Warning("MD001", "Heading skipped", SourceLocation.File("a.md"))]);

        using var events = await EventStreamReader.ConnectAsync(site.Client);
        var data = await events.NextEventAsync("errors", Timeout);

        Assert.Contains("MD001", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Idle_streams_get_keep_alive_comments_and_disconnected_clients_are_removed()
    {
        await using var site = await PreviewFixture.StartAsync(keepAlive: TimeSpan.FromMilliseconds(200));
        var events = await EventStreamReader.ConnectAsync(site.Client);

        await events.ReadUntilAsync(line => line == ": keep-alive", Timeout);
        Assert.Equal(1, site.Server.LiveReloadClients);
        events.Dispose();

        using var deadline = new CancellationTokenSource(Timeout);
        while (site.Server.LiveReloadClients != 0)
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    [Fact]
    public async Task Stopping_the_server_ends_open_event_streams()
    {
        var site = await PreviewFixture.StartAsync();
        using var events = await EventStreamReader.ConnectAsync(site.Client);

        var stop = site.DisposeAsync().AsTask();

        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(Timeout)));
        Assert.True(site.Server.Completion.IsCompleted);
    }
}
