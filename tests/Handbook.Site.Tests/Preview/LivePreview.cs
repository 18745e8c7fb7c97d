namespace Handbook.Site.Tests.Preview;

using System.Collections.Concurrent;
using Handbook.Site.Building;
using Handbook.Site.Preview;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// The real preview (<see cref="PreviewSession"/>: server, incremental build, live reload, watcher) started in-process
/// on a free loopback port over a temp copy of the repository's <c>input/</c> and <c>theme/</c>, so tests can edit
/// files on disk and watch what the preview does. Every build report is kept in <see cref="Reports"/>.
/// </summary>
public sealed class LivePreview : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly ConcurrentQueue<PreviewBuildReport> _reports = new();
    private readonly ConcurrentQueue<Exception> _errors = new();
    private PreviewSession? _session;

    private LivePreview(TempFolder folder) => _folder = folder;

    public PreviewSession Session => _session ?? throw new InvalidOperationException("not started");

    public HttpClient Client { get; private set; } = null!;

    public IReadOnlyList<PreviewBuildReport> Reports => [.. _reports];

    /// <summary>Exceptions thrown by watcher-started rebuilds (a test asserts there are none).</summary>
    public IReadOnlyList<Exception> Errors => [.. _errors];

    public string InputFolder => _folder["input"];

    public string OutputFolder => _folder["output"];

    public string ThemeFolder => _folder["theme"];

    public static async Task<LivePreview> StartAsync()
    {
        var folder = new TempFolder();
        FolderCopy.Copy(Path.Combine(SharedCorpus.RepositoryRoot, "input"), folder["input"]);
        FolderCopy.Copy(Path.Combine(SharedCorpus.RepositoryRoot, "theme"), folder["theme"]);
        var preview = new LivePreview(folder);
        var request = new BuildRequest { InputFolder = folder["input"], OutputFolder = folder["output"], ThemeFolder = folder["theme"], History = false };
        preview._session = await PreviewSession.StartAsync(
            request,
            new PreviewOptions { OutputFolder = folder["output"], Port = 0 },
            (report, _) => preview._reports.Enqueue(report),
            preview._errors.Enqueue);
        preview.Client = new HttpClient { BaseAddress = preview._session.Server.Url, Timeout = TimeSpan.FromSeconds(20) };
        return preview;
    }

    /// <summary>Rewrites an input file (input-relative path) with <paramref name="edit"/> applied to its text.</summary>
    public async Task EditAsync(string inputPath, Func<string, string> edit)
    {
        var full = Path.Combine(InputFolder, inputPath);
        var text = await File.ReadAllTextAsync(full);
        var changed = edit(text);
        Assert.NotEqual(text, changed);
        // Saved as editors do: a hidden temporary file (the watcher ignores it) renamed over the page. A truncate and a
        // write could fall into two quiet periods on a loaded machine, and a build of the half-written page in between
        // made "build 2" a different build than the test meant (a flaky failure at load ~37).
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".saving");
        await File.WriteAllTextAsync(temporary, changed);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Waits until <paramref name="count"/> builds have been reported (the first build counts), or fails.</summary>
    public async Task<PreviewBuildReport> WaitForBuildAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_reports.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"build {count} was not reported within {timeout.TotalSeconds} s");
            await Task.Delay(20);
        }

        return Reports[count - 1];
    }

    /// <summary>Waits until a build after the first <paramref name="afterBuild"/> ones matching <paramref name="match"/> has been reported, or fails.</summary>
    public async Task<PreviewBuildReport> WaitForReportAsync(int afterBuild, Func<PreviewBuildReport, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Reports.Skip(afterBuild).FirstOrDefault(match) is { } report)
            {
                return report;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no matching build was reported within {timeout.TotalSeconds} s");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        _folder.Dispose();
    }
}
