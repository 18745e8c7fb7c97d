namespace Handbook.Pipeline;

using System.Diagnostics;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Incremental;
using Handbook.Pipeline.Stages;

/// <summary>
/// The engine: an ordered list of named stages plus shared services. Plugins add their stages with an
/// extension method (e.g. <c>site.AddJobFamilies(options)</c>); the app adds reading, theme and writing.
/// </summary>
public sealed class Site : IDisposable
{
    private readonly List<IStage> _stages = [];
    private readonly List<IDisposable> _owned = [];

    public ServiceRegistry Services { get; } = new();

    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>Upper bound for the threads a per-document stage uses; the result never depends on it.</summary>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set => _maxDegreeOfParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "at least one thread is needed");
    }

    private int _maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>
    /// Whether a run keeps every stage's output for a later incremental run (<see cref="BuildResult.Record"/>); on by
    /// default. A one-shot build turns it off: kept, each stage's intermediate documents (ASTs before extends, body
    /// HTML, pages) stay alive until the end of the run, and the peak memory grows with every stage (issue 9).
    /// Without it, a later <c>RunAsync(initial, previous, changed)</c> rebuilds everything.
    /// </summary>
    public bool KeepsRunRecord { get; set; } = true;

    /// <summary>
    /// Measures memory around each stage when the environment asks for it (<see cref="LiveMemoryProbe"/>, issue 9);
    /// off by default, when it does nothing.
    /// </summary>
    public LiveMemoryProbe MemoryProbe { get; set; } = LiveMemoryProbe.FromEnvironment();

    /// <summary>
    /// Whether an incremental run finds what to recompute through the stages' layouts, in time proportional to what
    /// it recomputes (on by default). Off, it looks at every document of every stage, as before issue 9's fifth
    /// round: the tests compare both.
    /// </summary>
    internal bool UsesStageLayouts { get; set; } = true;

    public Site AddStage(IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (_stages.Any(s => s.Name == stage.Name))
        {
            throw new InvalidOperationException($"a stage named '{stage.Name}' is already registered");
        }

        _stages.Add(stage);
        return this;
    }

    /// <summary>
    /// Inserts <paramref name="stage"/> right after the stage named <paramref name="existingStage"/>: for an app that
    /// composes a site and then adds a step of its own in the middle (the preview publishes rendered pages before the
    /// site-wide files are made). Throws when no stage has that name or the new name is taken.
    /// </summary>
    public Site AddStageAfter(string existingStage, IStage stage)
    {
        ArgumentNullException.ThrowIfNull(existingStage);
        ArgumentNullException.ThrowIfNull(stage);
        var index = _stages.FindIndex(s => string.Equals(s.Name, existingStage, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new InvalidOperationException($"no stage named '{existingStage}' is registered");
        }

        if (_stages.Any(s => s.Name == stage.Name))
        {
            throw new InvalidOperationException($"a stage named '{stage.Name}' is already registered");
        }

        _stages.Insert(index + 1, stage);
        return this;
    }

    /// <summary>
    /// Replaces the stage named <paramref name="existingStage"/> by <paramref name="replacement"/>, which must have the
    /// same name (a stage that wraps it: the stages added after it by name, and the timings, still find it). Throws
    /// when no stage has that name or the names differ.
    /// </summary>
    public Site ReplaceStage(string existingStage, IStage replacement)
    {
        ArgumentNullException.ThrowIfNull(existingStage);
        ArgumentNullException.ThrowIfNull(replacement);
        var index = _stages.FindIndex(s => string.Equals(s.Name, existingStage, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new InvalidOperationException($"no stage named '{existingStage}' is registered");
        }

        if (!string.Equals(replacement.Name, existingStage, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the replacement of '{existingStage}' is named '{replacement.Name}'");
        }

        _stages[index] = replacement;
        return this;
    }

    /// <summary>
    /// Hands <paramref name="resource"/> (something its stages share that holds more than memory: a temporary file) to
    /// the site, which disposes it when it is disposed. Stages cannot do it themselves: a run that fails or is
    /// cancelled never reaches the stage after the last reader, and a handle left to the finaliser stays open as long
    /// as the process does not collect (a preview or a test run builds many sites).
    /// </summary>
    public T Owns<T>(T resource)
        where T : IDisposable
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (_owned)
        {
            _owned.Add(resource);
        }

        return resource;
    }

    /// <summary>Disposes what the site owns (<see cref="Owns{T}"/>), last handed first; a site disposed twice does nothing more.</summary>
    public void Dispose()
    {
        IDisposable[] owned;
        lock (_owned)
        {
            owned = [.. _owned];
            _owned.Clear();
        }

        for (var index = owned.Length - 1; index >= 0; index--)
        {
            owned[index].Dispose();
        }
    }

    /// <summary>Adds several stages in order; what a plugin's <c>AddXxx</c> extension method calls.</summary>
    public Site AddStages(params IEnumerable<IStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        foreach (var stage in stages)
        {
            AddStage(stage);
        }

        return this;
    }

    /// <summary>
    /// Runs every stage in order over the documents and returns what the last one produced, sorted by
    /// destination then source path, with the diagnostics sorted by position and the time each stage took.
    /// </summary>
    /// <remarks>
    /// A stage that throws is a bug: it is reported as INTERNAL002 and its input goes on to the next stage, so the
    /// build still reports everything else it finds. Cancellation throws <see cref="OperationCanceledException"/>.
    /// The result remembers what each stage did, for a later incremental run.
    /// </remarks>
    public Task<BuildResult> RunAsync(IReadOnlyList<Document> initial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initial);
        return RunCoreAsync(initial, plan: null, fullRebuildReason: null, cancellationToken);
    }

    /// <summary>
    /// Runs the site again after <paramref name="changedInputs"/> changed, reusing what <paramref name="previous"/>
    /// computed for everything else. The result is the same as a full run's (documents, diagnostics, output).
    /// </summary>
    /// <param name="initial">The same initial documents as the previous run.</param>
    /// <param name="previous">The previous run of a site with the same stages (by name and order).</param>
    /// <param name="changedInputs">
    /// Source paths of changed (or added, or removed) files, and names of changed external inputs that documents
    /// declared with <see cref="DocumentDependencies.DependsOn"/> (e.g. <c>theme:templates</c>).
    /// </param>
    /// <remarks>
    /// A changed document is recomputed from the stage that created it (its reading stage, which reads only the
    /// changed files); a document that declared a <see cref="Dependency"/> on a changed input from the dependency's
    /// stage on; every other document keeps its previous output of each stage, and its diagnostics are replayed.
    /// Per-document stages only run on the documents to recompute; whole-set stages see every document and should
    /// skip the others (<see cref="StageContext.MustProcess"/>). When documents appear or disappear, or the stages
    /// differ, the whole build runs instead and <see cref="BuildResult.FullRebuildReason"/> says why.
    /// </remarks>
    public async Task<BuildResult> RunAsync(IReadOnlyList<Document> initial, BuildResult previous, IReadOnlyCollection<string> changedInputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(changedInputs);
        var record = previous.Record;
        if (record is null)
        {
            return await RunCoreAsync(initial, null, "the previous result has no record of its stages", cancellationToken).ConfigureAwait(false);
        }

        if (!record.StageNames.SequenceEqual(_stages.Select(s => s.Name), StringComparer.Ordinal))
        {
            return await RunCoreAsync(initial, null, "the stages differ from the previous run's", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await RunCoreAsync(initial, RebuildPlan.Create(record, changedInputs, UsesStageLayouts), null, cancellationToken).ConfigureAwait(false);
        }
        catch (IncrementalMismatchException mismatch)
        {
            return await RunCoreAsync(initial, null, mismatch.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<BuildResult> RunCoreAsync(IReadOnlyList<Document> initial, RebuildPlan? plan, string? fullRebuildReason, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new List<StageTiming>(_stages.Count);
        var record = new RunRecordBuilder(_stages.Select(s => s.Name).ToList(), initial, KeepsRunRecord, plan?.Record.CreatedAt, plan);
        var documents = initial;
        if (!KeepsRunRecord)
        {
            // A parameter of an async method lives as long as the run: without this, the initial documents (the files
            // read, in a cached build) would stay reachable to its end, though the first stage replaced them.
            initial = [];
        }

        var total = Stopwatch.StartNew();
        for (var index = 0; index < _stages.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stage = _stages[index];
            var watch = Stopwatch.StartNew();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            var attribution = new DiagnosticAttribution();
            MemoryProbe.BeforeStage(stage.Name);
            var context = new StageContext(new DiagnosticBag(diagnostics), Services, cancellationToken)
            {
                MaxDegreeOfParallelism = MaxDegreeOfParallelism,
                Incremental = plan is null ? null : new IncrementalContext(plan, index),
                Attribution = attribution,
            };
            var given = Input(stage, index, documents, plan);
            if (given is ConsumableDocumentList)
            {
                // The stage's copy must be the only list that still refers to these documents. This run's own
                // reference goes; and the stack this loop ran on may still refer to the list the stage before
                // produced (an awaiter of its task in a slot of this method's frame, while a synchronous stage runs
                // under it): the stage runs from a fresh thread-pool thread instead, as ReturnFreedMemory does.
                documents = given;
                await Task.Yield();
            }

            Task<IReadOnlyList<Document>>? running = StageRunner.RunAsync(stage, given, context);
            var finishedSynchronously = running.IsCompleted;
            IReadOnlyList<Document>? produced = await running.ConfigureAwait(false);
            if (!finishedSynchronously)
            {
                // A stage that finished asynchronously (reading files) runs this continuation inline in its completion,
                // under its own frames, whose stack slots still refer to what it produced: the files read first stayed
                // reachable to the end of a build (issue 9). Going on from a fresh thread-pool thread lets them unwind.
                await Task.Yield();
            }
            documents = plan is null ? produced : plan.Merge(index, stage.Name, produced);

            // Locals that live across an await are fields of this run, kept until overwritten by the next stage, after
            // it ended: these two would keep the list the next stage is handed a copy of, so a one-shot per-document
            // stage could not let each document go as it processes it (ConsumableDocumentList).
            running = null;
            produced = null;
            var byOwner = DiagnosticsByOwner(index, attribution, context.Diagnostics, plan);
            foreach (var owned in byOwner.Values)
            {
                diagnostics.ReportAll(owned);
            }

            record.Add(documents, byOwner);
            timings.Add(new StageTiming(stage.Name, watch.Elapsed, given.Count, documents.Count, GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore)
            {
                WorkingSetBytes = Environment.WorkingSet,
            });
            MemoryProbe.AfterStage(stage.Name);
        }

        var ordered = documents
            .OrderBy(d => d.Destination, StringComparer.Ordinal)
            .ThenBy(d => d.SourcePath, StringComparer.Ordinal)
            .ToList();
        var built = record.Build();
        return new BuildResult(ordered, diagnostics.Sorted())
        {
            Timings = timings,
            Elapsed = total.Elapsed,
            Record = KeepsRunRecord ? built : null,
            Recomputed = plan?.Recomputed ?? built.CreatedAt.Keys.ToHashSet(StringComparer.Ordinal),
            RecomputedFrom = plan?.RecomputedFrom ?? built.CreatedAt.ToDictionary(kv => kv.Key, kv => built.StageNames.Count == 0 ? string.Empty : built.StageNames[Math.Max(0, kv.Value)], StringComparer.Ordinal),
            FullRebuildReason = plan is null ? fullRebuildReason ?? "first run" : null,
        };
    }

    /// <summary>
    /// What <paramref name="stage"/> gets: in an incremental run a per-document stage gets only the documents to
    /// recompute; in a one-shot run its own copy of the list, which it empties as it processes each document
    /// (<see cref="ConsumableDocumentList"/>), as does a whole-set stage that takes its input (<see cref="IConsumesInput"/>);
    /// any other stage every document.
    /// </summary>
    private IReadOnlyList<Document> Input(IStage stage, int index, IReadOnlyList<Document> documents, RebuildPlan? plan)
    {
        if (stage is IConsumesInput && plan is null && !KeepsRunRecord)
        {
            return new ConsumableDocumentList(documents);
        }

        if (stage is not IPerDocumentStage)
        {
            return documents;
        }

        if (plan is not null)
        {
            return plan.ToProcess(index, documents);
        }

        return KeepsRunRecord ? documents : new ConsumableDocumentList(documents);
    }

    /// <summary>
    /// One stage's diagnostics by owner: per-document stages file them under the document they processed, other
    /// stages under the location's path. In an incremental run, owners whose output was reused get their previous
    /// diagnostics back instead of anything the stage said about them now.
    /// </summary>
    private static Dictionary<string, Diagnostic[]> DiagnosticsByOwner(int stage, DiagnosticAttribution attribution, DiagnosticBag unattributed, RebuildPlan? plan)
    {
        var byOwner = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        void File(string owner, IEnumerable<Diagnostic> items)
        {
            if (plan is not null && plan.IsReused(stage, owner))
            {
                return;
            }

            if (!byOwner.TryGetValue(owner, out var list))
            {
                list = [];
                byOwner[owner] = list;
            }

            list.AddRange(items);
        }

        foreach (var (owner, items) in attribution.Entries)
        {
            File(owner, items);
        }

        foreach (var group in unattributed.Sorted().GroupBy(d => d.Location.Path, StringComparer.Ordinal))
        {
            File(group.Key, group);
        }

        var result = byOwner.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        if (plan is not null)
        {
            foreach (var (owner, items) in plan.Record.DiagnosticsByOwner[stage])
            {
                if (plan.IsReused(stage, owner))
                {
                    result[owner] = items;
                }
            }
        }

        return result;
    }
}
