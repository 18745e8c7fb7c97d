namespace Handbook.Site.Preview;

/// <summary>How <see cref="PreviewServer"/> listens and what it serves.</summary>
public sealed record PreviewOptions
{
    /// <summary>The build's output folder. Read afresh at every request: the build swaps it atomically.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Loopback by default: the preview is for the author's own browser.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests); read the bound one from <see cref="PreviewServer.Url"/>.</summary>
    public int Port { get; init; } = 5080;

    /// <summary>Where the non-loopback warning goes (the CLI passes stderr).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>How often an idle live-reload stream gets a comment, so proxies and browsers keep it open.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);
}
