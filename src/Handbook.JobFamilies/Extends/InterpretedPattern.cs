namespace Handbook.JobFamilies.Extends;

using System.Text.RegularExpressions;
using Handbook.Pipeline.Limits;

/// <summary>
/// A pattern run by .NET's regex interpreter, with one <see cref="Regex"/> instance per thread.
/// <para>
/// Why not <c>[GeneratedRegex]</c>: the wording patterns each embed the section-word list and the statement ending
/// several times, so the generated matcher of each is 9,000–16,000 IL bytes. Once such a method has run 30 times the
/// runtime recompiles it at tier 1 in the background, which costs 100–450 ms of CPU per pattern (measured with
/// <c>JitInfo.GetCompilationTime</c>) – for the 26 wordings several seconds per build, more than all their matches
/// together. The interpreter runs the same backtracking semantics (same matches, groups and positions; proven against
/// the generated code in <c>ExtendsRecognizerEngineTests</c>) from a pattern parsed once per thread, compiles nothing,
/// and matches these short sentences about as fast.
/// </para>
/// <para>
/// Why one instance per thread: a <see cref="Regex"/> caches one runner; a second thread matching at the same time
/// builds a fresh runner (with its backtracking stacks) per match. Statements are recognised on all cores at once.
/// </para>
/// </summary>
internal sealed class InterpretedPattern
{
    private readonly ThreadLocal<Regex> perThread;

    public InterpretedPattern(string pattern, RegexOptions options)
    {
        Pattern = pattern;
        Options = options;
        perThread = new ThreadLocal<Regex>(() => new Regex(pattern, options, RegexLimits.MatchTimeout));
    }

    /// <summary>The pattern text.</summary>
    public string Pattern { get; }

    /// <summary>The pattern's options (never <see cref="RegexOptions.Compiled"/>).</summary>
    public RegexOptions Options { get; }

    /// <summary>This thread's instance.</summary>
    public Regex Regex => perThread.Value!;
}
