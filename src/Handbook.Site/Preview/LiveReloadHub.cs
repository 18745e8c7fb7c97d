namespace Handbook.Site.Preview;

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Handbook.Pipeline.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

/// <summary>
/// The server-sent-events side of live reload: one channel per connected browser, events broadcast to all, a
/// keep-alive comment on idle streams, clients dropped when they disconnect. Remembers the current errors so a
/// page loaded (or reloaded) after a failed build shows the overlay at once.
/// </summary>
public sealed class LiveReloadHub
{
    private readonly ConcurrentDictionary<long, Channel<string>> _clients = new();
    private readonly TimeSpan _keepAlive;
    private long _nextId;
    private IReadOnlyList<DiagnosticPayload> _errors = [];

    public LiveReloadHub(TimeSpan keepAlive) => _keepAlive = keepAlive;

    public int ClientCount => _clients.Count;

    public IReadOnlyList<DiagnosticPayload> CurrentErrors => Volatile.Read(ref _errors);

    public void NotifyChanged(IReadOnlyCollection<string> urls) =>
        Broadcast(Message("reload", JsonSerializer.Serialize(new ReloadEvent(urls), LiveReloadJsonContext.Default.ReloadEvent)));

    public void ShowErrors(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Select(DiagnosticPayload.From).ToArray();
        Volatile.Write(ref _errors, errors);
        Broadcast(ErrorsMessage(errors));
    }

    public void ClearErrors()
    {
        Volatile.Write(ref _errors, []);
        Broadcast(Message("clear", "{}"));
    }

    public string StatusJson() => JsonSerializer.Serialize(new PreviewStatus(CurrentErrors, ClientCount), LiveReloadJsonContext.Default.PreviewStatus);

    /// <summary>Streams events to one browser until it disconnects or <paramref name="stopping"/> fires.</summary>
    public async Task ServeAsync(HttpContext context, CancellationToken stopping)
    {
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var id = Interlocked.Increment(ref _nextId);
        _clients[id] = channel;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = linked.Token;
        try
        {
            // "retry" makes the browser reconnect quickly after the preview restarts.
            await WriteAsync(context, "retry: 1000\n: connected\n\n", token).ConfigureAwait(false);
            var errors = CurrentErrors;
            if (errors.Count > 0)
            {
                await WriteAsync(context, ErrorsMessage(errors), token).ConfigureAwait(false);
            }

            while (!token.IsCancellationRequested)
            {
                await WriteAsync(context, await NextAsync(channel, token).ConfigureAwait(false), token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The browser went away or the preview is stopping.
        }
        catch (IOException)
        {
            // The connection broke mid-write: same as a disconnect.
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }
    }

    private async Task<string> NextAsync(Channel<string> channel, CancellationToken token)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(token);
        idle.CancelAfter(_keepAlive);
        try
        {
            return await channel.Reader.ReadAsync(idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return ": keep-alive\n\n";
        }
    }

    private void Broadcast(string message)
    {
        foreach (var client in _clients.Values)
        {
            client.Writer.TryWrite(message);
        }
    }

    private static string ErrorsMessage(IReadOnlyList<DiagnosticPayload> errors) =>
        Message("errors", JsonSerializer.Serialize(new ErrorsEvent(errors), LiveReloadJsonContext.Default.ErrorsEvent));

    // JSON has no raw newlines, so the payload is one "data:" line.
    private static string Message(string name, string json) => $"event: {name}\ndata: {json}\n\n";

    private static async Task WriteAsync(HttpContext context, string message, CancellationToken token)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(message), token).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
    }
}
