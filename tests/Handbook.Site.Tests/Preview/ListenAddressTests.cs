namespace Handbook.Site.Tests.Preview;

using Handbook.Site.Preview;
using Handbook.Site.Tests.Support;

public sealed class ListenAddressTests
{
    [Fact]
    public async Task The_default_host_is_loopback_and_prints_no_warning()
    {
        using var folder = new TempFolder();
        using var log = new StringWriter();

        await using var server = await PreviewServer.StartAsync(new PreviewOptions { OutputFolder = folder.Path, Port = 0, Log = log });

        Assert.Equal("127.0.0.1", server.Url.Host);
        Assert.NotEqual(0, server.Url.Port);
        Assert.Empty(log.ToString());
    }

    [Fact]
    public async Task A_non_loopback_host_prints_a_warning()
    {
        using var folder = new TempFolder();
        using var log = new StringWriter();

        await using var server = await PreviewServer.StartAsync(new PreviewOptions { OutputFolder = folder.Path, Host = "0.0.0.0", Port = 0, Log = log });

        Assert.Contains("warning: the preview listens on 0.0.0.0", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_an_io_error_naming_the_address()
    {
        using var folder = new TempFolder();
        await using var first = await PreviewServer.StartAsync(new PreviewOptions { OutputFolder = folder.Path, Port = 0 });

        var error = await Assert.ThrowsAsync<IOException>(() =>
            PreviewServer.StartAsync(new PreviewOptions { OutputFolder = folder.Path, Port = first.Url.Port }));

        Assert.Contains($"127.0.0.1:{first.Url.Port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_start_token_stops_the_server()
    {
        using var folder = new TempFolder();
        using var stop = new CancellationTokenSource();
        await using var server = await PreviewServer.StartAsync(new PreviewOptions { OutputFolder = folder.Path, Port = 0 }, stop.Token);

        await stop.CancelAsync();

        await server.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
