namespace Handbook.JobFamilies.Erb;

/// <summary>Diagnostic codes of ERB expansion (documented in README.md).</summary>
public static class ErbCodes
{
    /// <summary>An ERB construct outside the supported subset; it is removed from the output.</summary>
    public const string Unsupported = "ERB001";

    /// <summary>A partial that exists nowhere it is looked for.</summary>
    public const string PartialNotFound = "ERB002";

    /// <summary>A partial or folder path that leaves the input folder (<c>..</c>, absolute).</summary>
    public const string PathEscapes = "ERB003";

    /// <summary>A partial that includes itself, directly or through others.</summary>
    public const string Cycle = "ERB004";

    /// <summary>A partial uses a local that the call did not pass.</summary>
    public const string MissingLocal = "ERB005";

    /// <summary>A <c>&lt;%</c> without <c>%&gt;</c>.</summary>
    public const string Unterminated = "ERB006";

    /// <summary><c>job_families('x')</c> found no family under <c>job-families/x/</c>.</summary>
    public const string NoFamilies = "ERB007";

    /// <summary>An ERB tag in a page that is not <c>.erb</c> (shown as text).</summary>
    public const string NotAnErbPage = "ERB008";

    /// <summary>Partials nested deeper than <see cref="ErbExpander.MaxPartialDepth"/>.</summary>
    public const string DepthLimit = "LIMIT010";

    /// <summary>
    /// The expanded page grew beyond <see cref="ErbExpander.MaxExpandedLength"/> characters, or included partials more
    /// than <see cref="ErbExpander.MaxPartialInclusions"/> times; expansion stopped.
    /// </summary>
    public const string ExpandedTooLarge = "LIMIT011";
}
