namespace Handbook.Pipeline.Incremental;

using Handbook.Pipeline.Documents;

/// <summary>
/// Decides, for every source path of the previous run, the first stage from which it must be computed again:
/// a changed document from the stage that created it; a document that declared a dependency on a changed input (or
/// on a document recomputed at or before the stage that declared it) from that dependency's
/// <see cref="Dependency.RecomputeFrom"/> stage, transitively. Before that stage, and for every path never reached,
/// the previous outputs are reused. Also merges a stage's fresh output with the reused one.
/// </summary>
internal sealed class RebuildPlan
{
    private readonly Dictionary<string, int> _firstDirty = new(StringComparer.Ordinal);

    // Layouts of this run's stage outputs that are the previous run's (the merge kept the order); null: not known.
    private readonly StageLayout?[] _layouts;

    // This run's output of each stage merged so far (the lists the layouts describe).
    private readonly IReadOnlyList<Document>?[] _merged;

    private RebuildPlan(RunRecord record, IReadOnlySet<string> changedInputs, bool usesLayouts)
    {
        Record = record;
        ChangedInputs = changedInputs;
        UsesLayouts = usesLayouts;
        _layouts = new StageLayout?[record.Outputs.Count];
        _merged = new IReadOnlyList<Document>?[record.Outputs.Count];
    }

    /// <summary>
    /// Whether the run finds the documents to recompute through the stages' layouts (proportional to what is
    /// recomputed) rather than by looking at every document of every stage; the result is the same either way (the
    /// tests run both).
    /// </summary>
    public bool UsesLayouts { get; }

    /// <summary>This run's layouts so far, by stage: what the next run's record starts from.</summary>
    public StageLayout?[] Layouts => _layouts;

    /// <summary>The layout of this run's output of <paramref name="stage"/> when it is the previous run's; else null.</summary>
    public StageLayout? LayoutAfter(int stage) => stage >= 0 && stage < _layouts.Length ? _layouts[stage] : null;

    /// <summary>The source paths recomputed at or before <paramref name="stage"/> (so far), with the first stage of each.</summary>
    public IEnumerable<KeyValuePair<string, int>> DirtyAt(int stage)
    {
        foreach (var entry in _firstDirty)
        {
            if (entry.Value <= stage)
            {
                yield return entry;
            }
        }
    }

    /// <summary>
    /// The documents of <paramref name="input"/> (this run's output of the stage before) that <paramref name="stage"/>
    /// must process, in input order: those not reused (<see cref="IsReused"/>). Found by path through the layout when
    /// the input kept the previous order; otherwise by looking at each document.
    /// </summary>
    public IReadOnlyList<Document> ToProcess(int stage, IReadOnlyList<Document> input)
    {
        var positions = PositionsToProcess(stage, input);
        var given = new List<Document>(positions.Count);
        foreach (var position in positions)
        {
            given.Add(input[position]);
        }

        return given;
    }

    /// <summary>The positions (ascending) in <paramref name="input"/> of the documents <paramref name="stage"/> must process.</summary>
    public IReadOnlyList<int> PositionsToProcess(int stage, IReadOnlyList<Document> input)
    {
        var positions = new List<int>();
        if (stage < 1 || !ReferenceEquals(input, _merged[stage - 1]) || LayoutAfter(stage - 1) is not { } layout)
        {
            for (var i = 0; i < input.Count; i++)
            {
                if (!IsReused(stage, input[i].SourcePath))
                {
                    positions.Add(i);
                }
            }

            return positions;
        }

        // The input is this run's output of the stage before, laid out as in the previous run: every path in it has a
        // creation stage before this one, so a document is processed exactly when its path is dirty here.
        foreach (var (path, _) in DirtyAt(stage))
        {
            if (layout.TryGetRange(path, out var range))
            {
                for (var i = range.Start; i < range.Start + range.Count; i++)
                {
                    positions.Add(i);
                }
            }
        }

        positions.Sort();
        return positions;
    }

    public RunRecord Record { get; }

    public IReadOnlySet<string> ChangedInputs { get; }

    /// <summary>Every source path computed again at some stage (so far).</summary>
    public IReadOnlySet<string> Recomputed => _firstDirty.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>Source path → the name of the first stage that computed it again.</summary>
    public IReadOnlyDictionary<string, string> RecomputedFrom =>
        _firstDirty.ToDictionary(kv => kv.Key, kv => Record.StageNames[Math.Max(0, kv.Value)], StringComparer.Ordinal);

    public static RebuildPlan Create(RunRecord record, IEnumerable<string> changedInputs, bool usesLayouts = true)
    {
        var changed = changedInputs.ToHashSet(StringComparer.Ordinal);
        var plan = new RebuildPlan(record, changed, usesLayouts);
        var queue = new Queue<(string Input, int ChangedAt)>();
        foreach (var input in changed)
        {
            if (record.CreatedAt.TryGetValue(input, out var created))
            {
                plan.Lower(input, created);
                queue.Enqueue((input, created));
            }
            else
            {
                queue.Enqueue((input, -1)); // an external input (e.g. templates) changed before the first stage
            }
        }

        while (queue.TryDequeue(out var item))
        {
            if (!record.Dependents.TryGetValue(item.Input, out var dependents))
            {
                continue;
            }

            foreach (var dependent in dependents)
            {
                // A dependency declared at stage d read the input as stage d received it (the output of the stages
                // before d): only a change before d matters. A document recomputed *from* d (a page rendered again
                // because a neighbour's title changed) reached d unchanged, so what d read of it is the same; counting
                // it made every page of a department render again through the chain of previous/next neighbours.
                if (item.ChangedAt < dependent.DeclaredAt && plan.Lower(dependent.SourcePath, dependent.RecomputeFrom))
                {
                    queue.Enqueue((dependent.SourcePath, dependent.RecomputeFrom));
                }
            }
        }

        return plan;
    }

    /// <summary>True when the path's output of <paramref name="stage"/> in the previous run is reused as it is.</summary>
    public bool IsReused(int stage, string sourcePath) =>
        Record.CreatedAt.TryGetValue(sourcePath, out var created) && created <= stage
        && (!_firstDirty.TryGetValue(sourcePath, out var first) || stage < first);

    /// <summary>
    /// This run's output of <paramref name="stage"/>: the previous output for reused paths, the fresh one for the
    /// others, in the previous order. A document produced anew by the stage that created it (an index page a
    /// whole-set stage generates on every run) counts as recomputed from there on. Throws
    /// <see cref="IncrementalMismatchException"/> when documents appeared or disappeared: only a full run is right then.
    /// </summary>
    public IReadOnlyList<Document> Merge(int stage, string stageName, IReadOnlyList<Document> produced)
    {
        // Issue 9: the general merge below indexes the previous output and the fresh one by path, for every stage of
        // every preview rebuild (two dictionaries of lists per stage at N = 1000). The two linear merges give the
        // same result whenever each path's documents are contiguous in the previous output (what every stage
        // produces in practice); they give up, before changing anything, when that does not hold.
        var previousOutput = Record.Outputs[stage];
        if (UsesLayouts && Record.LayoutOf(stage) is { } layout)
        {
            var inPlace = produced.Count == previousOutput.Count
                ? MergeInPlace(stage, layout, previousOutput, produced)
                : MergeRecomputed(stage, layout, previousOutput, produced);
            if (inPlace is not null)
            {
                _layouts[stage] = layout;
                _merged[stage] = inPlace;
                return inPlace;
            }
        }

        var linear = produced.Count == previousOutput.Count
            ? MergeAligned(stage, previousOutput, produced)
            : null;
        linear ??= MergeContiguous(stage, stageName, previousOutput, produced);
        var merged = linear ?? MergeIndexed(stage, stageName, produced);
        if (UsesLayouts && Record.LayoutOf(stage) is { } kept && kept.Fits(previousOutput, merged))
        {
            _layouts[stage] = kept;
        }

        _merged[stage] = merged;
        return merged;
    }

    /// <summary>
    /// The proportional form of <see cref="MergeAligned"/> (a whole-set stage that returned a document for each previous
    /// one, path for path): the previous output with the documents of the paths dirty here and of the paths created
    /// here taken from <paramref name="produced"/>. Null when the paths do not line up.
    /// </summary>
    private Document[]? MergeInPlace(int stage, StageLayout layout, IReadOnlyList<Document> previous, IReadOnlyList<Document> produced)
    {
        if (!layout.Fits(previous, produced))
        {
            return null;
        }

        var merged = new Document[previous.Count];
        for (var i = 0; i < merged.Length; i++)
        {
            merged[i] = previous[i];
        }

        foreach (var (path, _) in DirtyAt(stage))
        {
            if (layout.TryGetRange(path, out var range))
            {
                for (var i = range.Start; i < range.Start + range.Count; i++)
                {
                    merged[i] = produced[i];
                }
            }
        }

        List<string>? recomputedHere = null;
        foreach (var i in layout.CreatedHere)
        {
            merged[i] = produced[i];
            if (!ReferenceEquals(produced[i], previous[i]))
            {
                (recomputedHere ??= []).Add(produced[i].SourcePath);
            }
        }

        foreach (var path in recomputedHere ?? [])
        {
            Lower(path, stage);
        }

        return merged;
    }

    /// <summary>
    /// The proportional form of <see cref="MergeContiguous"/> for a stage that returned only the documents it
    /// recomputed (a per-document stage): the previous output with each dirty path's run replaced by its fresh
    /// documents. Null (the general merges decide, and report a mismatch) when the stage created paths, returned a
    /// different number of documents for a path, or returned documents of paths not dirty here.
    /// </summary>
    private Document[]? MergeRecomputed(int stage, StageLayout layout, IReadOnlyList<Document> previous, IReadOnlyList<Document> produced)
    {
        if (layout.CreatedHere.Length > 0)
        {
            return null;
        }

        var fresh = RunRecord.GroupByPath(produced);
        var merged = new Document[previous.Count];
        for (var i = 0; i < merged.Length; i++)
        {
            merged[i] = previous[i];
        }

        var replaced = 0;
        foreach (var (path, _) in DirtyAt(stage))
        {
            if (!layout.TryGetRange(path, out var range))
            {
                continue;
            }

            if (!fresh.TryGetValue(path, out var documents) || documents.Count != range.Count)
            {
                return null;
            }

            for (var k = 0; k < range.Count; k++)
            {
                merged[range.Start + k] = documents[k];
            }

            replaced++;
        }

        return replaced == fresh.Count ? merged : null;
    }

    /// <summary>
    /// A stage that returned one document for each previous one, path for path in the previous order (whole-set
    /// stages): merged position by position. Null when the paths do not line up or a path occurs twice.
    /// </summary>
    private List<Document>? MergeAligned(int stage, IReadOnlyList<Document> previous, IReadOnlyList<Document> produced)
    {
        var seen = new HashSet<string>(previous.Count, StringComparer.Ordinal);
        var merged = new List<Document>(previous.Count);
        List<string>? recomputedHere = null;
        for (var i = 0; i < previous.Count; i++)
        {
            var (before, now) = (previous[i], produced[i]);
            var path = before.SourcePath;
            if (!string.Equals(path, now.SourcePath, StringComparison.Ordinal) || !seen.Add(path))
            {
                return null;
            }

            if (Record.CreatedAt[path] == stage)
            {
                if (!ReferenceEquals(now, before))
                {
                    (recomputedHere ??= []).Add(path);
                }

                merged.Add(now);
            }
            else
            {
                merged.Add(IsReused(stage, path) ? before : now);
            }
        }

        foreach (var path in recomputedHere ?? [])
        {
            Lower(path, stage);
        }

        return merged;
    }

    /// <summary>
    /// The general merge for a previous output whose paths each occupy one contiguous run (a per-document stage
    /// that returned only the recomputed documents). Null, before changing anything, when a path occurs in two runs.
    /// </summary>
    private List<Document>? MergeContiguous(int stage, string stageName, IReadOnlyList<Document> previous, IReadOnlyList<Document> produced)
    {
        var fresh = RunRecord.GroupByPath(produced);
        var merged = new List<Document>(previous.Count);
        var seen = new HashSet<string>(previous.Count, StringComparer.Ordinal);
        List<string>? recomputedHere = null;
        string? mismatch = null;
        for (var start = 0; start < previous.Count;)
        {
            var path = previous[start].SourcePath;
            var end = start + 1;
            while (end < previous.Count && string.Equals(previous[end].SourcePath, path, StringComparison.Ordinal))
            {
                end++;
            }

            if (!seen.Add(path))
            {
                return null;
            }

            var count = end - start;
            if (Record.CreatedAt[path] == stage && fresh.Remove(path, out var created))
            {
                if (!SameDocuments(created, previous, start, count))
                {
                    (recomputedHere ??= []).Add(path);
                }

                merged.AddRange(created);
            }
            else if (IsReused(stage, path))
            {
                fresh.Remove(path);
                for (var i = start; i < end; i++)
                {
                    merged.Add(previous[i]);
                }
            }
            else if (fresh.Remove(path, out var now) && now.Count == count)
            {
                merged.AddRange(now);
            }
            else
            {
                mismatch ??= $"stage '{stageName}' no longer produces '{path}' as before";
            }

            start = end;
        }

        if (mismatch is not null)
        {
            throw new IncrementalMismatchException(mismatch);
        }

        foreach (var path in fresh.Keys)
        {
            if (!IsReused(stage, path))
            {
                throw new IncrementalMismatchException($"stage '{stageName}' produced a new document '{path}'");
            }
        }

        foreach (var path in recomputedHere ?? [])
        {
            Lower(path, stage);
        }

        return merged;
    }

    private static bool SameDocuments(List<Document> now, IReadOnlyList<Document> previous, int start, int count)
    {
        if (now.Count != count)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!ReferenceEquals(now[i], previous[start + i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The general merge: the previous and fresh outputs indexed by path.</summary>
    private List<Document> MergeIndexed(int stage, string stageName, IReadOnlyList<Document> produced)
    {
        var previous = Record.Outputs[stage];
        var previousByPath = Record.OutputsByPath(stage);
        var fresh = RunRecord.GroupByPath(produced);
        var merged = new List<Document>(previous.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in previous)
        {
            var path = document.SourcePath;
            if (!seen.Add(path))
            {
                continue;
            }

            var before = previousByPath[path];
            if (Record.CreatedAt[path] == stage && fresh.Remove(path, out var created))
            {
                // A stage may hand back the very document it made last time (a generated page whose inputs did not
                // change): that is not a recomputation.
                if (!SameDocuments(created, before))
                {
                    Lower(path, stage);
                }

                merged.AddRange(created);
            }
            else if (IsReused(stage, path))
            {
                fresh.Remove(path);
                merged.AddRange(before);
            }
            else if (fresh.Remove(path, out var now) && now.Count == before.Count)
            {
                merged.AddRange(now);
            }
            else
            {
                throw new IncrementalMismatchException($"stage '{stageName}' no longer produces '{path}' as before");
            }
        }

        foreach (var path in fresh.Keys)
        {
            if (!IsReused(stage, path))
            {
                throw new IncrementalMismatchException($"stage '{stageName}' produced a new document '{path}'");
            }
        }

        return merged;
    }

    private static bool SameDocuments(IReadOnlyList<Document> now, IReadOnlyList<Document> before)
    {
        if (now.Count != before.Count)
        {
            return false;
        }

        for (var i = 0; i < now.Count; i++)
        {
            if (!ReferenceEquals(now[i], before[i]))
            {
                return false;
            }
        }

        return true;
    }

    private bool Lower(string sourcePath, int stage)
    {
        if (_firstDirty.TryGetValue(sourcePath, out var first) && first <= stage)
        {
            return false;
        }

        _firstDirty[sourcePath] = stage;
        return true;
    }
}
