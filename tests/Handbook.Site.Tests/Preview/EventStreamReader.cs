namespace Handbook.Site.Tests.Preview;

/// <summary>Reads a server-sent-events stream line by line with a deadline, for the live-reload tests.</summary>
public sealed class EventStreamReader : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStreamReader(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _reader = new StreamReader(stream);
    }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>Connects and waits for the server's greeting, so the client is registered before the test acts.</summary>
    public static async Task<EventStreamReader> ConnectAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/__preview/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        var reader = new EventStreamReader(response, await response.Content.ReadAsStreamAsync());
        await reader.ReadUntilAsync(line => line == ": connected", TimeSpan.FromSeconds(10));
        return reader;
    }

    /// <summary>The data line of the next event called <paramref name="name"/>.</summary>
    public async Task<string> NextEventAsync(string name, TimeSpan timeout)
    {
        await ReadUntilAsync(line => line == "event: " + name, timeout);
        var data = await ReadUntilAsync(line => line.StartsWith("data: ", StringComparison.Ordinal), timeout);
        return data["data: ".Length..];
    }

    public async Task<string> ReadUntilAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await _reader.ReadLineAsync(deadline.Token) ?? throw new EndOfStreamException("the event stream ended");
            if (match(line))
            {
                return line;
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
