using Handbook.Pipeline.Collections;
using System.Collections.Concurrent;

namespace Handbook.Pipeline.Diagnostics;

/// <summary>
/// Collects diagnostics from stages running in parallel. Reading it back gives a deterministic order
/// (path, line, column, code, message, then severity, hint and detail as tie-breakers) regardless of which thread
/// reported first. Exact duplicates (the same finding reported twice) are kept once.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();
    private readonly DiagnosticBag? _earlier;

    public DiagnosticBag()
    {
    }

    /// <summary>
    /// A bag for one stage (or one document) of a run: it collects only its own diagnostics, but its counts include
    /// what <paramref name="earlier"/> holds, so a stage still sees whether the build failed so far.
    /// </summary>
    internal DiagnosticBag(DiagnosticBag earlier) => _earlier = earlier;

    public void Report(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void ReportAll(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            _items.Enqueue(d);
        }
    }

    /// <summary>Whether an error was reported (including earlier stages of the run, for a stage's own bag).</summary>
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error) || (_earlier?.HasErrors ?? false);

    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error) + (_earlier?.ErrorCount ?? 0);

    public int WarningCount => _items.Count(d => d.Severity == Severity.Warning) + (_earlier?.WarningCount ?? 0);

    /// <summary>This bag's own diagnostics (not the earlier ones it counts), deduplicated and sorted.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => StableSort.ToSortedList(_items.Distinct(), InReportOrder);

    // Path, line, column, code, message, severity, hint, detail (a comparison for StableSort: LINQ's ThenBy over the
    // int and enum keys is JIT-compiled in every build, issue 9).
    private static int InReportOrder(Diagnostic a, Diagnostic b)
    {
        var order = StringComparer.Ordinal.Compare(a.Location.Path, b.Location.Path);
        if (order == 0)
        {
            order = a.Location.Line.CompareTo(b.Location.Line);
        }

        if (order == 0)
        {
            order = a.Location.Column.CompareTo(b.Location.Column);
        }

        if (order == 0)
        {
            order = StringComparer.Ordinal.Compare(a.Code, b.Code);
        }

        if (order == 0)
        {
            order = StringComparer.Ordinal.Compare(a.Message, b.Message);
        }

        if (order == 0)
        {
            order = ((int)a.Severity).CompareTo((int)b.Severity);
        }

        if (order == 0)
        {
            order = StringComparer.Ordinal.Compare(a.Hint, b.Hint);
        }

        return order != 0 ? order : StringComparer.Ordinal.Compare(a.Detail, b.Detail);
    }
}
