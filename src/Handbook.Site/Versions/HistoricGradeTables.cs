namespace Handbook.Site.Versions;

using System.Collections.Concurrent;
using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// The grade tables of one versioned build, read once per distinct <c>job-grades.yml</c> text: every commit batch
/// of the historic renders grades its pages with the table of its commit, and a history has only a few of them
/// (the replayed real history: two, read 45 times before; issue 9). A table is only read after it is made, so the
/// batches share it while rendering in parallel.
/// </summary>
public sealed class HistoricGradeTables
{
    private readonly ConcurrentDictionary<string, Lazy<GradeTable>> _tables = new(StringComparer.Ordinal);

    /// <summary>The table of a grade data text (its problems are not reported: old versions' diagnostics are not the build's).</summary>
    public GradeTable Of(string path, string yaml) =>
        _tables.GetOrAdd(yaml, text => new Lazy<GradeTable>(() => GradeTableReader.Read(path, text, new List<Diagnostic>()))).Value;
}
