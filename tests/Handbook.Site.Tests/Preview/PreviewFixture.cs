namespace Handbook.Site.Tests.Preview;

using System.Net.Sockets;
using System.Text;
using Handbook.Site.Preview;
using Handbook.Site.Tests.Support;

/// <summary>
/// A small built site in a temp folder, served by a real <see cref="PreviewServer"/> on a free loopback port.
/// A secret file lives next to the output folder: no request may ever return its content.
/// </summary>
public sealed class PreviewFixture : IAsyncDisposable
{
    public const string Secret = "TOP-SECRET-7f3a9c";

    private PreviewFixture(TempFolder folder, PreviewServer server)
    {
        Folder = folder;
        Server = server;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(20) };
    }

    public TempFolder Folder { get; }

    public PreviewServer Server { get; }

    public HttpClient Client { get; }

    public string Output => Folder["output"];

    public static async Task<PreviewFixture> StartAsync(TimeSpan? keepAlive = null)
    {
        var folder = new TempFolder();
        folder.Write("secret.txt", Secret);
        folder.Write("output/index.html", "<html><body><h1>Home</h1></body></html>");
        folder.Write("output/job-families/engineering/backend/index.html", "<html><body><h1>Backend</h1></body></html>");
        folder.Write("output/about.html", "<html><body>About</body></html>");
        folder.Write("output/404.html", "<html><body>Custom not found</body></html>");
        folder.Write("output/assets/site.css", "body { color: black; }");
        folder.Write("output/assets/app.js", "console.log('hi');");
        folder.Write("output/sitemap.xml", "<urlset/>");
        folder.Write("output/data.json", "{}");
        folder.WriteBytes("output/images/logo.png", [0x89, 0x50, 0x4E, 0x47]);
        folder.Write("output/empty-folder/readme.txt", "not an index");
        folder.Write("output/_redirects", "/old-page /about.html 301\n/moved/* /job-families/:splat 302\n/alias /about.html 200\n");
        var options = new PreviewOptions { OutputFolder = folder["output"], Port = 0, KeepAliveInterval = keepAlive ?? TimeSpan.FromSeconds(15) };
        var server = await PreviewServer.StartAsync(options);
        return new PreviewFixture(folder, server);
    }

    /// <summary>Sends <paramref name="rawTarget"/> exactly as written (HttpClient would normalise dot segments).</summary>
    public async Task<(int Status, string Text)> RawGetAsync(string rawTarget)
    {
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await tcp.ConnectAsync(Server.Url.Host, Server.Url.Port, timeout.Token);
        var stream = tcp.GetStream();
        var request = $"GET {rawTarget} HTTP/1.1\r\nHost: {Server.Url.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(timeout.Token);
        var statusLine = text.Split("\r\n", 2)[0].Split(' ');
        return (int.Parse(statusLine[1], System.Globalization.CultureInfo.InvariantCulture), text);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
