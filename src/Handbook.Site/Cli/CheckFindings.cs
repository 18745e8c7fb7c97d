namespace Handbook.Site.Cli;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Everything a report of <c>check</c> is made of: the sorted diagnostics, the pages that were checked (so a report
/// can list clean pages too), how diagnostic paths map to repository paths, and whether warnings fail
/// (<c>--strict</c>). Reports only format this; they decide nothing about exit codes.
/// </summary>
public sealed record CheckFindings(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> CheckedPages, RepositoryPaths Paths, bool Strict)
{
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int InfoCount => Diagnostics.Count(d => d.Severity == Severity.Info);

    /// <summary>True when this diagnostic makes <c>check</c> fail: every error, and warnings under <c>--strict</c>.</summary>
    public bool Fails(Diagnostic diagnostic) =>
        diagnostic.Severity == Severity.Error || (Strict && diagnostic.Severity == Severity.Warning);

    /// <summary>True when <c>check</c> exits with 1.</summary>
    public bool Failed => Diagnostics.Any(Fails);
}
