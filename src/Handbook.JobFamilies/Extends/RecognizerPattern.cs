namespace Handbook.JobFamilies.Extends;

using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Handbook.Pipeline.Limits;

/// <summary>
/// A pattern of the extends recogniser with two engines for the same text and options: its <c>[GeneratedRegex]</c>
/// matcher, run where code is compiled ahead of time (the published Native AOT tool), and .NET's regex interpreter,
/// one <see cref="Regex"/> instance per thread, run where the JIT compiles (tests, <c>dotnet run</c>).
/// <para>
/// Why the interpreter under the JIT: the wording patterns each embed the section-word list and the statement ending
/// several times, so the generated matcher of each is 9,000–16,000 IL bytes. Once such a method has run 30 times the
/// runtime recompiles it at tier 1 in the background, which cost 100–450 ms of CPU per pattern (measured with
/// <c>JitInfo.GetCompilationTime</c>) – for the 26 wordings several seconds per build, more than all their matches
/// together. Why the generated matcher ahead of time: there is no JIT to pay, and the compiled matcher does the same
/// work without interpreting opcodes (twenty-first session, <c>perf</c> of cold synthetic N = 1000 builds of the AOT
/// tool: samples in regex matching, interpreter and generated matchers together, 73–89 → 30, ≈ 50 ms of CPU per build).
/// </para>
/// <para>
/// Both run the same backtracking semantics (same matches, groups and positions): the interpreted patterns are proven
/// against the old generated code in <c>ExtendsRecognizerEngineTests</c>, and the generated matchers here against the
/// interpreted ones (same text and options, same groups on generated sentences).
/// </para>
/// <para>
/// Why one interpreter instance per thread: a <see cref="Regex"/> caches one runner; a second thread matching at the
/// same time builds a fresh runner (with its backtracking stacks) per match. Statements are recognised on all cores
/// at once.
/// </para>
/// </summary>
internal sealed class RecognizerPattern
{
    /// <summary>True where code can be compiled at run time (the JIT): there the interpreter runs.</summary>
    internal static readonly bool Interprets = RuntimeFeature.IsDynamicCodeSupported;

    private readonly Func<Regex> generated;
    private readonly ThreadLocal<Regex> perThread;

    public RecognizerPattern(string pattern, RegexOptions options, Func<Regex> generated)
    {
        Pattern = pattern;
        Options = options;
        this.generated = generated;
        perThread = new ThreadLocal<Regex>(() => new Regex(pattern, options, RegexLimits.MatchTimeout));
    }

    /// <summary>The pattern text.</summary>
    public string Pattern { get; }

    /// <summary>The pattern's options (never <see cref="RegexOptions.Compiled"/>).</summary>
    public RegexOptions Options { get; }

    /// <summary>The instance this process matches with: the generated matcher ahead of time, else this thread's interpreter.</summary>
    public Regex Regex => Interprets ? perThread.Value! : generated();

    /// <summary>This thread's interpreted instance (what runs under the JIT).</summary>
    internal Regex Interpreted => perThread.Value!;

    /// <summary>The generated matcher (what runs ahead of time).</summary>
    internal Regex Generated => generated();
}
