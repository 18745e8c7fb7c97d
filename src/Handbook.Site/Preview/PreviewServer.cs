namespace Handbook.Site.Preview;

using System.Net;
using Handbook.Pipeline.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>
/// The local preview: Kestrel serving the output folder (<see cref="StaticSiteHandler"/>) plus live reload
/// (<see cref="LiveReloadHub"/>). The CLI starts it, runs a build, and after each rebuild calls
/// <see cref="NotifyChanged"/> and <see cref="ShowErrors"/>/<see cref="ClearErrors"/>. Cancelling the token given
/// to <see cref="StartAsync"/> (Ctrl+C) stops it; <see cref="Completion"/> finishes then.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LiveReloadHub _hub;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _registration;
    private int _stopRequested;

    private PreviewServer(WebApplication app, LiveReloadHub hub, Uri url)
    {
        _app = app;
        _hub = hub;
        Url = url;
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:5080/</c> (the real port when 0 was asked).</summary>
    public Uri Url { get; private set; }

    /// <summary>Finishes when the server has stopped (token cancelled, <see cref="StopAsync"/> or dispose).</summary>
    public Task Completion => _stopped.Task;

    /// <summary>Browsers connected to the live-reload stream.</summary>
    public int LiveReloadClients => _hub.ClientCount;

    /// <summary>Starts listening. Throws <see cref="IOException"/> when the address cannot be bound (port taken).</summary>
    public static async Task<PreviewServer> StartAsync(PreviewOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = ListenAddress.Resolve(options.Host);
        if (!IPAddress.IsLoopback(address))
        {
            await options.Log.WriteAsync(
                $"warning: the preview listens on {options.Host}, which is not a loopback address: anyone who can reach this machine can read the site\n")
                .ConfigureAwait(false);
        }

        var hub = new LiveReloadHub(options.KeepAliveInterval);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.Port);
        });
        builder.Services.AddSingleton<IHostLifetime, ExternalLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();

        var server = new PreviewServer(app, hub, ListenAddress.UrlFor(address, options.Port));
        var site = new StaticSiteHandler(options.OutputFolder);
        app.Run(context => server.RouteAsync(context, site));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"cannot listen on {options.Host}:{options.Port}: {e.Message}", e);
        }
        catch (OperationCanceledException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        server.Url = BoundUrl(app) ?? server.Url; // the real port when 0 was asked
        server._registration = cancellationToken.Register(() => _ = server.StopAsync());
        return server;
    }

    /// <summary>Tells browsers showing any of <paramref name="urls"/> (site URLs such as <c>/job-families/x/</c>, or
    /// <c>*</c> for every page) to reload.</summary>
    public void NotifyChanged(IReadOnlyCollection<string> urls) => _hub.NotifyChanged(urls);

    /// <summary>Shows <paramref name="diagnostics"/> in an overlay on every open page (and on pages opened later).</summary>
    public void ShowErrors(IReadOnlyList<Diagnostic> diagnostics) => _hub.ShowErrors(diagnostics);

    /// <summary>Hides the overlay (the build is clean again).</summary>
    public void ClearErrors() => _hub.ClearErrors();

    /// <summary>How many errors the overlay shows now.</summary>
    public int CurrentErrorCount => _hub.CurrentErrors.Count;

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopRequested, 1) == 1)
        {
            await _stopped.Task.ConfigureAwait(false);
            return;
        }

        // End the event streams first: graceful shutdown waits for open requests, and they never end by themselves.
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _registration.DisposeAsync().ConfigureAwait(false);
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private Task RouteAsync(HttpContext context, StaticSiteHandler site)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == LiveReloadScript.EventsPath && HttpMethods.IsGet(context.Request.Method))
        {
            return _hub.ServeAsync(context, _stopping.Token);
        }

        if (path == LiveReloadScript.StatusPath && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsync(_hub.StatusJson(), context.RequestAborted);
        }

        return site.HandleAsync(context);
    }

    private static Uri? BoundUrl(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault();
        return first is null ? null : new Uri(first.EndsWith('/') ? first : first + "/");
    }
}
