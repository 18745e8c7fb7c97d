namespace Handbook.JobFamilies.Tests.Fuzz;

/// <summary>
/// Crashes the fuzz suite found that are reported and pinned by a skipped regression test in
/// <see cref="KnownBugRegressionTests"/>. The properties count them instead of failing, so the suite stays green while
/// the owners fix them; <c>HANDBOOK_FUZZ_STRICT=1</c> makes them failures again. Remove an entry when its bug is fixed.
/// </summary>
internal static class KnownBugs
{
    private static readonly bool Strict = Environment.GetEnvironmentVariable("HANDBOOK_FUZZ_STRICT") == "1";

    /// <summary>Runs <paramref name="action"/>; true when it hit a known bug (and strict mode is off).</summary>
    public static bool Tolerate(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (Exception ex) when (!Strict && IsKnown(ex))
        {
            return true;
        }
    }

    /// <summary>
    /// Bug 4: GradeResolver reports grade-link diagnostics below the end of a page that uses bare CR line ends
    /// (<c>"|\n|\n[grade](x\r-"</c>: 3 lines, GRADE002/GRADE008 at line 6).
    /// </summary>
    public static bool IsKnownMisplacement(Handbook.Pipeline.Diagnostics.Diagnostic diagnostic, string text) =>
        !Strict
        && diagnostic.Code.StartsWith("GRADE0", StringComparison.Ordinal)
        && text.Replace("\r\n", "\n", StringComparison.Ordinal).Contains('\r', StringComparison.Ordinal);

    // Bugs 1 (Markdig's depth limit) and 2 (YamlDotNet's InvalidOperationException) are fixed; no exception is
    // tolerated any more. The hook stays for the next crash found before its fix lands.
    private static bool IsKnown(Exception ex) =>
        ex is AggregateException { InnerExceptions.Count: 1 } aggregate && IsKnown(aggregate.InnerExceptions[0]);

}
