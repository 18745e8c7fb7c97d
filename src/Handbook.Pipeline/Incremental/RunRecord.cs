namespace Handbook.Pipeline.Incremental;

using System.Collections.Immutable;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;

/// <summary>
/// What a run leaves for the next incremental run: every stage's output, the diagnostics each stage reported per
/// owner (the document a per-document stage processed, or the location's path for other stages), the stage at which
/// each source path first appeared, and who depends on what from which stage. Only references to immutable
/// documents and diagnostics are kept, so it costs little memory.
/// </summary>
internal sealed class RunRecord
{
    public required IReadOnlyList<string> StageNames { get; init; }

    public required IReadOnlyList<IReadOnlyList<Document>> Outputs { get; init; }

    public required IReadOnlyList<IReadOnlyDictionary<string, Diagnostic[]>> DiagnosticsByOwner { get; init; }

    /// <summary>Source path → index of the first stage whose output held it.</summary>
    public required IReadOnlyDictionary<string, int> CreatedAt { get; init; }

    /// <summary>Input name → the documents that depend on it.</summary>
    public required IReadOnlyDictionary<string, ImmutableArray<Dependent>> Dependents { get; init; }

    /// <summary>
    /// Layouts of the stages' outputs known already (handed on by the incremental run that made this record, for the
    /// stages whose output kept the previous order); the others are made on first use by <see cref="LayoutOf"/>.
    /// </summary>
    public StageLayout?[]? KnownLayouts { get; init; }

    /// <summary>The layout of one stage's output (made on first use); null when it has none (a path in two runs).</summary>
    public StageLayout? LayoutOf(int stage)
    {
        lock (_byPath)
        {
            _layouts ??= KnownLayouts is { } known && known.Length == Outputs.Count ? [.. known] : new StageLayout?[Outputs.Count];
            _madeLayout ??= new bool[Outputs.Count];
            if (_layouts[stage] is null && !_madeLayout[stage])
            {
                _layouts[stage] = StageLayout.Of(Outputs[stage], stage, CreatedAt);
                _madeLayout[stage] = true;
            }

            return _layouts[stage];
        }
    }

    private StageLayout?[]? _layouts;
    private bool[]? _madeLayout;

    /// <summary>Source path → the documents of one stage's output with that path (built on first use).</summary>
    public IReadOnlyDictionary<string, List<Document>> OutputsByPath(int stage)
    {
        lock (_byPath)
        {
            if (!_byPath.TryGetValue(stage, out var map))
            {
                map = GroupByPath(Outputs[stage]);
                _byPath[stage] = map;
            }

            return map;
        }
    }

    public static Dictionary<string, List<Document>> GroupByPath(IEnumerable<Document> documents)
    {
        var map = new Dictionary<string, List<Document>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (!map.TryGetValue(document.SourcePath, out var list))
            {
                list = new List<Document>(1);
                map[document.SourcePath] = list;
            }

            list.Add(document);
        }

        return map;
    }

    private readonly Dictionary<int, Dictionary<string, List<Document>>> _byPath = [];
}

/// <summary>A document that used an input at stage <see cref="DeclaredAt"/> and is recomputed from <see cref="RecomputeFrom"/>.</summary>
internal readonly record struct Dependent(string SourcePath, int DeclaredAt, int RecomputeFrom);
