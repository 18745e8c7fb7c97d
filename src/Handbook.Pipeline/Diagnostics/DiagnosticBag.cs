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

    public void Report(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void ReportAll(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            _items.Enqueue(d);
        }
    }

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);

    public int WarningCount => _items.Count(d => d.Severity == Severity.Warning);

    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Distinct()
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ThenBy(d => d.Severity)
            .ThenBy(d => d.Hint, StringComparer.Ordinal)
            .ThenBy(d => d.Detail, StringComparer.Ordinal)
            .ToList();
}
