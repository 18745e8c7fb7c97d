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
internal sealed class RunRecordBuilder(IReadOnlyList<string> stageNames, IReadOnlyList<Document> initial, bool keepOutputs = true, IReadOnlyDictionary<string, int>? previousCreatedAt = null)
{
    private readonly List<IReadOnlyList<Document>> _outputs = new(stageNames.Count);
    private readonly List<IReadOnlyDictionary<string, Diagnostic[]>> _diagnostics = new(stageNames.Count);
    private readonly Dictionary<string, int> _createdAt = previousCreatedAt is null ? Seed(initial) : new(previousCreatedAt, StringComparer.Ordinal);
    private readonly bool _createdAtKnown = previousCreatedAt is not null;
    private readonly Dictionary<string, ImmutableArray<Dependency>> _lastDependencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Dependent>> _dependents = new(StringComparer.Ordinal);
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

        foreach (var document in output)
        {
            var dependencies = document.DependenciesOf();
            if (dependencies.IsEmpty)
            {
                continue;
            }

            // Dependencies only grow along the stages; the ones not seen on this path before were declared here.
            _lastDependencies.TryGetValue(document.SourcePath, out var before);
            if (!before.IsDefault && before == dependencies)
            {
                continue;
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
    }

    public RunRecord Build() => new()
    {
        StageNames = stageNames,
        Outputs = _outputs,
        DiagnosticsByOwner = _diagnostics,
        CreatedAt = _createdAt,
        Dependents = _dependents.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal),
    };

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
