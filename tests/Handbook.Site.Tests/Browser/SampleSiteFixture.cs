namespace Handbook.Site.Tests.Browser;

using Handbook.Site.Building;
using Handbook.Site.Preview;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// The sample site (<c>input/</c> and <c>theme/</c> of the repository) built once into a temp folder and served by
/// the real <see cref="PreviewServer"/> on a free loopback port, with one Chromium for the test class.
/// Use as <c>IClassFixture&lt;SampleSiteFixture&gt;</c>; the browser is only launched when Chromium is installed,
/// so skipped tests cost nothing.
/// </summary>
public sealed class SampleSiteFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private PreviewServer? _server;
    private BrowserSession? _browser;

    public string OutputFolder => _folder["output"];

    public PreviewServer Server => _server ?? throw new InvalidOperationException("the fixture is not started");

    public BrowserSession Browser => _browser ?? throw new InvalidOperationException("Chromium is not installed");

    /// <summary>The absolute URL of a site path such as <c>/job-families/</c>.</summary>
    public string UrlOf(string path) => new Uri(Server.Url, path).ToString();

    public async Task InitializeAsync()
    {
        var request = new BuildRequest
        {
            InputFolder = Path.Combine(SharedCorpus.RepositoryRoot, "input"),
            ThemeFolder = Path.Combine(SharedCorpus.RepositoryRoot, "theme"),
            OutputFolder = OutputFolder,
            History = false,
        };
        var report = await SiteBuild.RunAsync(request);
        if (!report.OutputWritten)
        {
            throw new InvalidOperationException("the sample site did not build: " + string.Join("\n", report.Diagnostics));
        }

        _server = await PreviewServer.StartAsync(new PreviewOptions { OutputFolder = OutputFolder, Port = 0 });
        if (Chromium.IsInstalled || SharedCorpus.IsCi)
        {
            _browser = await Chromium.LaunchAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _folder.Dispose();
    }
}
