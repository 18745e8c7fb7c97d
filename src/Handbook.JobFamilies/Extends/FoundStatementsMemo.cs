namespace Handbook.JobFamilies.Extends;

using System.Collections.Concurrent;
using Handbook.JobFamilies.Model;

/// <summary>
/// Each family's statements as <see cref="StatementFinder.Find(JobFamily)"/> found them, remembered for one batch of
/// work on trees that do not change in between. A family batch of a one-shot build found every page's statements
/// three times: for the pages its statements link to (<see cref="StatementLinks"/>), for the closure of the owners
/// (<see cref="ExtendsResolver"/>) and for resolving – the first two on one thread (issue 9: finding was ≈ 5.5 % of a
/// cold N = 1000 build's CPU samples). With one memo shared by the three, each page's statements are found once.
/// </summary>
/// <remarks>
/// Exact as long as no tree it remembers is changed between the first find and the last read, which is what the
/// holder must make sure of (a batch finds statements after each page's parse, grade and check passes, and reads them
/// last when it resolves, before anything is expanded). A find that throws (a regex time-out) is not remembered, so
/// a memo entry is always a complete list with no time-out to report; the lists are read-only and hold immutable
/// statements, so sharing one between readers changes nothing. Keyed by reference: two equal pages are two families.
/// </remarks>
public sealed class FoundStatementsMemo
{
    private readonly ConcurrentDictionary<JobFamily, IReadOnlyList<FoundStatement>> _found = new(ReferenceEqualityComparer.Instance);

    /// <summary>How many families' statements are remembered.</summary>
    public int Count => _found.Count;

    /// <summary>The statements of <paramref name="family"/>: remembered, or found now (and remembered).</summary>
    public IReadOnlyList<FoundStatement> Find(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return _found.GetOrAdd(family, static f => StatementFinder.Find(f));
    }

    /// <summary>
    /// Finds the statements of every family in <paramref name="families"/> not yet remembered, the families in
    /// parallel (finding only reads each tree). A time-out propagates (in an <see cref="AggregateException"/>) and
    /// nothing of the failed find is remembered.
    /// </summary>
    public void FindAll(IReadOnlyList<JobFamily> families, ParallelOptions options)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(options);
        Parallel.For(0, families.Count, options, FindOne);

        void FindOne(int i) => Find(families[i]);
    }

    /// <summary>The remembered statements of <paramref name="family"/>, if it was found before.</summary>
    public bool TryGet(JobFamily family, out IReadOnlyList<FoundStatement> found)
    {
        ArgumentNullException.ThrowIfNull(family);
        return _found.TryGetValue(family, out found!);
    }
}
