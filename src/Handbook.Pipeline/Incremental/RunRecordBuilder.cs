namespace Handbook.Pipeline.Incremental;

using System.Collections.Immutable;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;

/// <summary>Collects a <see cref="RunRecord"/> stage by stage while a run goes on.</summary>
/// <param name="keepOutputs">False: only where each document was created is recorded (what a result reports), not
/// the stages' documents and diagnostics, so a stage's intermediate documents can be collected once the next stage ran.</param>
/// <param name="previousCreatedAt">In an incremental run, the previous run's <see cref="RunRecord.CreatedAt"/>: every
/// stage's output holds the same paths as in that run (any other run throws <see cref="IncrementalMismatchException"/>
/// and runs in full), so where each was created is known and not looked up again for every document of every stage.</param>
/// <param name="plan">In an incremental run whose plan uses layouts, the plan: the dependencies of the documents it
/// reuses are the previous record's, so only the recomputed documents are looked at, stage by stage, and the previous
/// record's dependents are taken over for the rest (see <see cref="Build"/>).</param>
internal sealed class RunRecordBuilder(IReadOnlyList<string> stageNames, IReadOnlyList<Document> initial, bool keepOutputs = true, IReadOnlyDictionary<string, int>? previousCreatedAt = null, RebuildPlan? plan = null)
{
    private readonly List<IReadOnlyList<Document>> _outputs = new(stageNames.Count);
    private readonly List<IReadOnlyDictionary<string, Diagnostic[]>> _diagnostics = new(stageNames.Count);
    private readonly Dictionary<string, int> _createdAt = previousCreatedAt is null ? Seed(initial) : new(previousCreatedAt, StringComparer.Ordinal);
    private readonly bool _createdAtKnown = previousCreatedAt is not null;
    private readonly Dictionary<string, ImmutableArray<Dependency>> _lastDependencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Dependent>> _dependents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seeded = new(StringComparer.Ordinal);
    private int _stages;

    public void Add(IReadOnlyList<Document> output, IReadOnlyDictionary<string, Diagnostic[]> diagnosticsByOwner)
    {
        var stage = _stages++;
        if (keepOutputs)
        {
            _outputs.Add(output);
            _diagnostics.Add(diagnosticsByOwner);
        }

        if (!_createdAtKnown)
        {
            foreach (var document in output)
            {
                _createdAt.TryAdd(document.SourcePath, stage);
            }
        }

        if (!keepOutputs)
        {
            return;
        }

        if (plan is { UsesLayouts: true })
        {
            AddRecomputed(stage, output);
            return;
        }

        foreach (var document in output)
        {
            AddDependencies(stage, document);
        }
    }

    /// <summary>
    /// An incremental run: the dependencies of the documents recomputed at or before <paramref name="stage"/> (a
    /// reused document is the previous run's object, whose dependencies the previous record holds already).
    /// </summary>
    private void AddRecomputed(int stage, IReadOnlyList<Document> output)
    {
        if (plan!.LayoutAfter(stage) is not { } layout)
        {
            foreach (var document in output)
            {
                if (!plan.IsReused(stage, document.SourcePath))
                {
                    SeedLastDependencies(document.SourcePath, stage);
                    AddDependencies(stage, document);
                }
            }

            return;
        }

        foreach (var (path, _) in plan.DirtyAt(stage))
        {
            if (layout.TryGetRange(path, out var range))
            {
                SeedLastDependencies(path, stage);
                for (var i = range.Start; i < range.Start + range.Count; i++)
                {
                    AddDependencies(stage, output[i]);
                }
            }
        }
    }

    // Before a path's first recomputed stage, its documents were the previous run's: what a full pass over the stages
    // would hold as its last dependencies is the last non-empty list among its documents of the stages before.
    private void SeedLastDependencies(string path, int stage)
    {
        if (!_seeded.Add(path))
        {
            return;
        }

        for (var earlier = stage - 1; earlier >= 0; earlier--)
        {
            var documents = _outputs[earlier];
            var found = default(ImmutableArray<Dependency>);
            if (plan!.LayoutAfter(earlier) is { } layout)
            {
                if (layout.TryGetRange(path, out var range))
                {
                    for (var i = range.Start; i < range.Start + range.Count; i++)
                    {
                        found = LastNonEmpty(found, documents[i]);
                    }
                }
            }
            else
            {
                foreach (var document in documents)
                {
                    if (string.Equals(document.SourcePath, path, StringComparison.Ordinal))
                    {
                        found = LastNonEmpty(found, document);
                    }
                }
            }

            if (!found.IsDefault)
            {
                _lastDependencies[path] = found;
                return;
            }
        }
    }

    private static ImmutableArray<Dependency> LastNonEmpty(ImmutableArray<Dependency> found, Document document)
    {
        var dependencies = document.DependenciesOf();
        return dependencies.IsEmpty ? found : dependencies;
    }

    private void AddDependencies(int stage, Document document)
    {
        var dependencies = document.DependenciesOf();
        if (dependencies.IsEmpty)
        {
            return;
        }

        // Dependencies only grow along the stages; the ones not seen on this path before were declared here.
        _lastDependencies.TryGetValue(document.SourcePath, out var before);
        if (!before.IsDefault && before == dependencies)
        {
            return;
        }

        _lastDependencies[document.SourcePath] = dependencies;
        foreach (var dependency in dependencies)
        {
            if (!before.IsDefault && before.Contains(dependency))
            {
                continue;
            }

            var from = dependency.RecomputeFrom is { } name ? IndexOf(name, stage) : stage;
            if (!_dependents.TryGetValue(dependency.Input, out var list))
            {
                list = [];
                _dependents[dependency.Input] = list;
            }

            list.Add(new Dependent(document.SourcePath, stage, from));
        }
    }

    public RunRecord Build() => new()
    {
        StageNames = stageNames,
        Outputs = _outputs,
        DiagnosticsByOwner = _diagnostics,
        CreatedAt = _createdAt,
        Dependents = plan is { UsesLayouts: true } ? MergedDependents(plan) : _dependents.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal),
        KnownLayouts = plan is { UsesLayouts: true } ? plan.Layouts : null,
    };

    /// <summary>
    /// The previous record's dependents without the entries a recomputed path declared at or after its first
    /// recomputed stage, plus the ones this run collected for those stages: what a pass over every document gives.
    /// </summary>
    private Dictionary<string, ImmutableArray<Dependent>> MergedDependents(RebuildPlan incremental)
    {
        var firstDirty = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, stage) in incremental.DirtyAt(int.MaxValue))
        {
            firstDirty[path] = stage;
        }

        var merged = new Dictionary<string, ImmutableArray<Dependent>>(incremental.Record.Dependents.Count, StringComparer.Ordinal);
        foreach (var (input, dependents) in incremental.Record.Dependents)
        {
            var kept = firstDirty.Count == 0 ? dependents : Kept(dependents, firstDirty);
            _dependents.Remove(input, out var added);
            var all = added is null ? kept : kept.AddRange(added);
            if (!all.IsEmpty)
            {
                merged[input] = all;
            }
        }

        foreach (var (input, added) in _dependents)
        {
            merged[input] = [.. added];
        }

        return merged;
    }

    private static ImmutableArray<Dependent> Kept(ImmutableArray<Dependent> dependents, Dictionary<string, int> firstDirty)
    {
        ImmutableArray<Dependent>.Builder? kept = null;
        for (var i = 0; i < dependents.Length; i++)
        {
            var dependent = dependents[i];
            var stale = firstDirty.TryGetValue(dependent.SourcePath, out var first) && dependent.DeclaredAt >= first;
            if (stale && kept is null)
            {
                kept = ImmutableArray.CreateBuilder<Dependent>(dependents.Length);
                for (var j = 0; j < i; j++)
                {
                    kept.Add(dependents[j]);
                }
            }

            if (!stale)
            {
                kept?.Add(dependent);
            }
        }

        return kept is null ? dependents : kept.ToImmutable();
    }

    // A stage named as RecomputeFrom must come before the declaring one; anything else means "from here".
    private int IndexOf(string name, int declaredAt)
    {
        for (var i = 0; i < declaredAt; i++)
        {
            if (string.Equals(stageNames[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return declaredAt;
    }

    private static Dictionary<string, int> Seed(IReadOnlyList<Document> initial)
    {
        var created = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in initial)
        {
            created.TryAdd(document.SourcePath, 0);
        }

        return created;
    }
}
