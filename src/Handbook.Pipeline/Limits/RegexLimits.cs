namespace Handbook.Pipeline.Limits;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// The match timeout every regular expression of the site uses (<c>[GeneratedRegex(…, MatchTimeoutMilliseconds)]</c>,
/// <c>new Regex(…, RegexLimits.MatchTimeout)</c>), and the LIMIT030 diagnostic for a match that ran out of time.
/// <para>
/// Page text is written by hundreds of people; a pattern that backtracks badly on some odd text must not hang the
/// build. On the real pages every match takes microseconds, so a second is a margin of several orders of magnitude
/// even on a loaded machine: running out of it means the text is pathological, not that the machine is slow.
/// </para>
/// </summary>
public static class RegexLimits
{
    /// <summary>How long one match may take, in milliseconds (for attributes, which need a constant).</summary>
    public const int MatchTimeoutMilliseconds = 1000;

    /// <summary>How long one match may take.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds);

    /// <summary>The diagnostic code of a pattern that ran out of time.</summary>
    public const string TimedOutCode = "LIMIT030";

    /// <summary>
    /// Runs <paramref name="analysis"/> (a few matches over one block of text) and, if a match runs out of time, once
    /// more. The first timeout can be the machine's, not the text's: the timer starts before a pattern's generated code
    /// is compiled on its first use in the process, and a loaded machine can stall a thread (garbage collection,
    /// scheduling) for longer than the limit. The second run finds the code compiled; pathological text runs out of
    /// time again and its <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/> propagates.
    /// </summary>
    public static T RetryOnceOnTimeout<T, TState>(TState state, Func<TState, T> analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        try
        {
            return analysis(state);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return analysis(state);
        }
    }

    /// <summary>
    /// LIMIT030: recognising <paramref name="what"/> took longer than the match timeout at <paramref name="location"/>;
    /// that text was skipped by this analysis (an error, so a build never publishes a page analysed only in part).
    /// </summary>
    public static Diagnostic TimedOut(string what, SourceLocation location) =>
        Diagnostic.Error(
            TimedOutCode,
            $"{what}: the text here is too complex to analyse within {MatchTimeoutMilliseconds:N0} ms; it was skipped",
            location,
            "split very long lines or paragraphs and remove long runs of repeated characters; if the text is ordinary, report it as a bug");
}
