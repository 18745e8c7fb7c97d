namespace Handbook.PreviewLatency;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Building;
using Handbook.Site.Preview;

/// <summary>
/// The real preview (<see cref="PreviewSession"/>) over a temp copy of the input, one live-reload client listening, and
/// edits of family pages on disk, each timed from the file write to the reload event naming the page.
/// </summary>
internal sealed class LatencyRun : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _temp;
    private readonly ConcurrentQueue<(PreviewBuildReport Report, long At)> _builds = new();
    private readonly ConcurrentQueue<IReadOnlyList<Handbook.Pipeline.StageTiming>> _timings = new();
    private readonly Channel<(string Data, long At)> _reloads = Channel.CreateUnbounded<(string, long)>();
    private readonly CancellationTokenSource _stop = new();
    private PreviewSession? _session;
    private HttpClient? _client;
    private Task? _listening;

    private LatencyRun(string temp) => _temp = temp;

    public PreviewBuildReport FirstBuild => _builds.First().Report;

    /// <summary>Per-stage times of the last build (the same as <c>preview --verbose</c> prints).</summary>
    public string LastTimings => _session?.Build.LastResult?.FormatTimings() ?? string.Empty;

    /// <summary>
    /// Per stage, the median over the incremental builds of its time and allocation: one edit's stage times are noise
    /// on a shared machine, the median over twenty shows where an edit's time goes.
    /// </summary>
    public string MedianTimings => LatencySummary.FormatStages(_timings.Skip(1).ToList());

    /// <summary>What the last build computed again, by the first stage that did (count and a few paths).</summary>
    public string LastRecomputed =>
        string.Join('\n', (_session?.Build.LastResult?.RecomputedFrom ?? new Dictionary<string, string>())
            .GroupBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(g => $"    {g.Key,-26} {g.Count(),5}  {string.Join(", ", g.Select(kv => kv.Key).Order(StringComparer.Ordinal).Take(4))}"));

    private string Input => Path.Combine(_temp, "input");

    public static async Task<LatencyRun> StartAsync(LatencyOptions options)
    {
        var run = new LatencyRun(Directory.CreateTempSubdirectory("preview-latency-").FullName);
        if (options.CorpusFolder is { } corpus)
        {
            LayOutCorpus(corpus, run.Input);
        }
        else
        {
            CopyFolder(options.InputFolder, run.Input);
        }

        var request = new BuildRequest { InputFolder = run.Input, OutputFolder = Path.Combine(run._temp, "output"), ThemeFolder = options.ThemeFolder, History = false, KeepGoing = options.CorpusFolder is not null };
        run._session = await PreviewSession.StartAsync(
            request,
            new PreviewOptions { OutputFolder = request.OutputFolder, Port = 0 },
            (report, _) =>
            {
                run._builds.Enqueue((report, Stopwatch.GetTimestamp()));
                run._timings.Enqueue(run._session?.Build.LastResult?.Timings ?? []);
            },
            e => Console.Error.WriteLine($"rebuild failed: {e}"));
        run._client = new HttpClient { BaseAddress = run._session.Server.Url, Timeout = Timeout.InfiniteTimeSpan };
        var stream = await run._client.GetStreamAsync(new Uri("/__preview/events", UriKind.Relative));
        run._listening = run.ListenAsync(new StreamReader(stream));
        return run;
    }

    /// <summary>Edits <paramref name="count"/> family pages (spread over the site), one at a time.</summary>
    public async Task<IReadOnlyList<LatencySample>> MeasureAsync(int count)
    {
        var pages = Directory.EnumerateFiles(Input, "*.md*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Input, f).Replace('\\', '/'))
            .Where(p => FamilyPath.TryParse(p, out var info) && !info.IsDepartmentIndex && !info.IsFolderIndex && !info.IsErb)
            .Order(StringComparer.Ordinal)
            .ToList();
        var samples = new List<LatencySample>(count);
        await Task.Delay(500); // let the live-reload client register
        for (var i = 0; i < count; i++)
        {
            var page = pages[(int)((long)i * pages.Count / count)];
            FamilyPath.TryParse(page, out var info);
            samples.Add(await EditAsync(page, info!.Url, i));
            await Task.Delay(300); // well past the watcher's quiet period: edits never coalesce
        }

        return samples;
    }

    private async Task<LatencySample> EditAsync(string page, string url, int index)
    {
        var full = Path.Combine(Input, page);
        var text = await File.ReadAllTextAsync(full) + $"\nLatency edit {index}.\n";
        var builds = _builds.Count;
        var cpuAtWrite = Process.GetCurrentProcess().TotalProcessorTime;
        var cpu = cpuAtWrite;
        var written = Stopwatch.GetTimestamp();
        await File.WriteAllTextAsync(full, text);
        using var timeout = new CancellationTokenSource(Patience);
        long reloaded;
        while (true)
        {
            var (data, at) = await _reloads.Reader.ReadAsync(timeout.Token);
            // An event received before the write belongs to an earlier edit (its second phase can name this page, or
            // "*", after the next edit was chosen): matching it gave negative latencies (−302 ms on input/).
            if (at < written)
            {
                continue;
            }

            if (data.Contains(url, StringComparison.Ordinal) || data.Contains("\"*\"", StringComparison.Ordinal))
            {
                reloaded = at;
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                break;
            }
        }

        while (_builds.Count <= builds)
        {
            await Task.Delay(1, timeout.Token);
        }

        var cpuWhole = Process.GetCurrentProcess().TotalProcessorTime - cpuAtWrite;
        var (report, builtAt) = _builds.ElementAt(builds);
        var buildStart = builtAt - (long)(report.Report.Elapsed.TotalSeconds * Stopwatch.Frequency);
        return new LatencySample(page, Stopwatch.GetElapsedTime(written, reloaded), Stopwatch.GetElapsedTime(buildStart, reloaded), report.Report.Elapsed, report.RebuiltPages, report.ChangedFiles.Count, report.WasIncremental)
        {
            Cpu = cpu,
            CpuWholeBuild = cpuWhole,
            UntilBuildEnd = Stopwatch.GetElapsedTime(written, builtAt),
        };
    }

    private async Task ListenAsync(StreamReader reader)
    {
        var isReload = false;
        while (!_stop.IsCancellationRequested && await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var at = Stopwatch.GetTimestamp();
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                isReload = line == "event: reload";
            }
            else if (isReload && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                await _reloads.Writer.WriteAsync((line, at));
            }
        }
    }

    /// <summary>The corpus as the corpus tests lay it out: original names from MANIFEST.tsv, grades imported.</summary>
    private static void LayOutCorpus(string corpus, string input)
    {
        const string SourcePrefix = "sites/uncategorized/source/";
        var pages = Path.Combine(corpus, "gitlab-job-families");
        foreach (var line in File.ReadLines(Path.Combine(pages, "MANIFEST.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length >= 2 && columns[1].StartsWith(SourcePrefix, StringComparison.Ordinal))
            {
                var target = Path.Combine(input, columns[1][SourcePrefix.Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(pages, columns[0]), target);
            }
        }

        var calculator = File.ReadAllText(Path.Combine(corpus, "gitlab-compensation-data/compensation-calculator/index.html.md"));
        if (GradeImport.Run(calculator, "compensation-calculator/index.html.md", out var yaml, new List<Diagnostic>()))
        {
            Directory.CreateDirectory(Path.Combine(input, "data"));
            File.WriteAllText(Path.Combine(input, "data/job-grades.yml"), yaml);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        _client?.Dispose();
        if (_listening is not null)
        {
            try
            {
                await _listening;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
            {
                // The server went away first: the stream ends.
            }
        }

        _stop.Dispose();
        Directory.Delete(_temp, recursive: true);
    }
}
