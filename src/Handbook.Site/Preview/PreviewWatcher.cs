namespace Handbook.Site.Preview;

/// <summary>
/// Watches the input and theme folders and reports changes in bursts: an editor's save (temp file, rename,
/// attribute change) or a <c>git checkout</c> of fifty files becomes one callback after
/// <see cref="QuietPeriod"/> without new events. Callbacks never overlap: changes that arrive while one runs
/// are delivered in the next. Hidden files and folders (<c>.git/</c>, editor swap files) are ignored.
/// </summary>
public sealed class PreviewWatcher : IDisposable
{
    /// <summary>
    /// 20 ms: the events of one save (an editor's temp file, rename and attribute change, or a truncate and a write)
    /// arrive within a few milliseconds of each other, and a <c>git checkout</c> writes its files back to back, so
    /// both still fall in one quiet period. A burst split anyway costs nothing wrong: what arrives while a rebuild runs
    /// is collected and delivered as one more callback when it ends. Every millisecond here is part of the
    /// edit-to-reload latency (issue 9: 50 ms at N = 1000); it was 100 ms.
    /// </summary>
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromMilliseconds(20);

    private readonly Func<PreviewChanges, Task> _onChanged;
    private readonly Action<Exception> _onError;
    private readonly Action? _onChangeWhileRunning;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly object _gate = new();
    private HashSet<string> _input = new(StringComparer.Ordinal);
    private HashSet<string> _theme = new(StringComparer.Ordinal);
    private bool _overflowed;
    private bool _running;
    private bool _disposed;

    /// <summary>Starts watching. <paramref name="onError"/> receives exceptions thrown by <paramref name="onChanged"/>
    /// (the watcher keeps running). <paramref name="onChangeWhileRunning"/> is told of each change that arrives while
    /// <paramref name="onChanged"/> runs (the preview cancels what is left of a rebuild that is out of date).</summary>
    public PreviewWatcher(string inputFolder, string? themeFolder, Func<PreviewChanges, Task> onChanged, Action<Exception> onError, TimeSpan? quietPeriod = null, Action? onChangeWhileRunning = null)
    {
        _onChanged = onChanged;
        _onError = onError;
        _onChangeWhileRunning = onChangeWhileRunning;
        QuietPeriod = quietPeriod ?? DefaultQuietPeriod;
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        Watch(inputFolder, isTheme: false);
        if (themeFolder is not null)
        {
            Watch(themeFolder, isTheme: true);
        }
    }

    public TimeSpan QuietPeriod { get; }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer.Dispose();
    }

    private void Watch(string folder, bool isTheme)
    {
        var root = Path.GetFullPath(folder);
        var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            InternalBufferSize = 64 * 1024,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, e) => Record(root, e.FullPath, isTheme);
        watcher.Created += (_, e) => Record(root, e.FullPath, isTheme);
        watcher.Deleted += (_, e) => Record(root, e.FullPath, isTheme);
        watcher.Renamed += (_, e) => OnRenamed(root, e, isTheme);
        watcher.Error += (_, _) => OnOverflow();
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void OnRenamed(string root, RenamedEventArgs e, bool isTheme)
    {
        Record(root, e.OldFullPath, isTheme);
        Record(root, e.FullPath, isTheme);
    }

    private void OnOverflow()
    {
        lock (_gate)
        {
            _overflowed = true;
            Restart();
        }
    }

    private void Record(string root, string fullPath, bool isTheme)
    {
        var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal) || IsIgnored(relative))
        {
            return;
        }

        bool running;
        lock (_gate)
        {
            (isTheme ? _theme : _input).Add(relative);
            Restart();
            running = _running && !_disposed;
        }

        if (running)
        {
            _onChangeWhileRunning?.Invoke();
        }
    }

    // Hidden names (.git, .foo.swp) and backup files (foo~) are never part of the site.
    private static bool IsIgnored(string relative) =>
        relative.Split('/').Any(segment => segment.StartsWith('.') || segment.EndsWith('~'));

    // Called under the lock: every event pushes the flush back by one quiet period.
    private void Restart()
    {
        if (!_disposed)
        {
            _timer.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        PreviewChanges batch;
        lock (_gate)
        {
            if (_disposed || _running || (_input.Count == 0 && _theme.Count == 0 && !_overflowed))
            {
                return; // a running callback re-arms the timer when it ends
            }

            batch = new PreviewChanges(_input, _theme, _overflowed);
            _input = new HashSet<string>(StringComparer.Ordinal);
            _theme = new HashSet<string>(StringComparer.Ordinal);
            _overflowed = false;
            _running = true;
        }

        _ = RunAsync(batch);
    }

    private async Task RunAsync(PreviewChanges batch)
    {
        try
        {
            await _onChanged(batch).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failing rebuild must not stop the watcher; the caller decides how to report it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _onError(e);
        }
        finally
        {
            lock (_gate)
            {
                _running = false;
                if (_input.Count > 0 || _theme.Count > 0 || _overflowed)
                {
                    Restart();
                }
            }
        }
    }
}
