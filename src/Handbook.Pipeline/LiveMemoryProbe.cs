namespace Handbook.Pipeline;

using System.Globalization;

/// <summary>
/// A measuring aid for issue 9 (peak memory), off unless asked for, so a build's own figures never change.
/// <c>HANDBOOK_LIVE_MEMORY=1</c> writes, after each stage, the resident set and the heap as the stage left them, then
/// the live set and the resident set after a full blocking, compacting collection: whether the resident memory at a
/// stage is data still needed or memory the collector has not collected or returned yet.
/// <c>HANDBOOK_PAUSE_BEFORE=StageName</c> waits before that stage (30 s), so that a heap dump can be taken there
/// (<c>dotnet-gcdump collect -p PID</c>; the process id is written).
/// <c>HANDBOOK_GC_STAGES=1</c> writes, after each stage, the collections of each generation that ran during it and the
/// time they paused the build: which stages the collector's share of a build belongs to (issue 9). It forces nothing,
/// so a build measured with it alone runs as without it.
/// </summary>
/// <remarks>
/// The collections it forces change what the collector does afterwards: a build measured with it has other resident
/// figures and timings than one without; compare its live sets only with live sets.
/// </remarks>
public sealed class LiveMemoryProbe
{
    private const double MiB = 1024.0 * 1024.0;

    /// <summary>The probe that does nothing (no variable set).</summary>
    public static readonly LiveMemoryProbe Off = new(measures: false, pausesBefore: null, TextWriter.Null, TimeSpan.Zero);

    private readonly bool _measures;
    private readonly bool _countsCollections;
    private CollectorActivity _activityBefore = CollectorActivity.Now();
    private readonly string? _pausesBefore;
    private readonly TextWriter _output;
    private readonly TimeSpan _pause;

    public LiveMemoryProbe(bool measures, string? pausesBefore, TextWriter output, TimeSpan pause, bool countsCollections = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _measures = measures;
        _countsCollections = countsCollections;
        _pausesBefore = string.IsNullOrEmpty(pausesBefore) ? null : pausesBefore;
        _output = output;
        _pause = pause;
    }

    /// <summary>The probe the process's environment asks for, writing to standard error; <see cref="Off"/> when none.</summary>
    public static LiveMemoryProbe FromEnvironment() => From(Environment.GetEnvironmentVariable, Console.Error);

    /// <summary>The probe <paramref name="variable"/> (an environment lookup) asks for, writing to <paramref name="output"/>.</summary>
    public static LiveMemoryProbe From(Func<string, string?> variable, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var measures = variable("HANDBOOK_LIVE_MEMORY") == "1";
        var pausesBefore = variable("HANDBOOK_PAUSE_BEFORE");
        var countsCollections = variable("HANDBOOK_GC_STAGES") == "1";
        return !measures && !countsCollections && string.IsNullOrEmpty(pausesBefore)
            ? Off
            : new LiveMemoryProbe(measures, pausesBefore, output, TimeSpan.FromSeconds(30), countsCollections);
    }

    /// <summary>Waits before <paramref name="stage"/> when it is the stage asked for.</summary>
    public void BeforeStage(string stage)
    {
        if (_countsCollections)
        {
            _activityBefore = CollectorActivity.Now();
        }

        if (_pausesBefore is null || !string.Equals(_pausesBefore, stage, StringComparison.Ordinal))
        {
            return;
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paused before {stage}: process {Environment.ProcessId}, {_pause.TotalSeconds:0} s"));
        _output.Flush();
        Thread.Sleep(_pause);
    }

    /// <summary>Writes the memory figures after <paramref name="stage"/> when measuring.</summary>
    public void AfterStage(string stage)
    {
        if (_countsCollections)
        {
            // Before the measuring collection below, which is the probe's, not the stage's.
            var during = CollectorActivity.Now().Since(_activityBefore);
            _output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"gc-stage {stage,-36} gen0 {during.Gen0Only,3} gen1 {during.Gen1Only,3} gen2 {during.Gen2,3} paused {during.Paused.TotalMilliseconds,7:0.0} ms"));
        }

        if (!_measures)
        {
            return;
        }

        var residentBefore = Environment.WorkingSet;
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var live = GC.GetTotalMemory(forceFullCollection: false);
        var residentAfter = Environment.WorkingSet;
        _output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"live-memory {stage,-36} resident {residentBefore / MiB,6:0} MiB (heap {info.HeapSizeBytes / MiB,6:0}, committed {info.TotalCommittedBytes / MiB,6:0}, fragmented {info.FragmentedBytes / MiB,6:0}) -> collected: live {live / MiB,6:0} MiB, resident {residentAfter / MiB,6:0} MiB"));
    }
}
