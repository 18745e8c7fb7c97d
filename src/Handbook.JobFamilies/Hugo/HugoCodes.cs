namespace Handbook.JobFamilies.Hugo;

/// <summary>Diagnostic codes of Hugo shortcodes in pages (documented in README.md).</summary>
public static class HugoCodes
{
    /// <summary>A shortcode other than <c>ref</c>/<c>relref</c>: its output is GitLab's theme's, so it is left out.</summary>
    public const string Unsupported = "HUGO001";

    /// <summary>A <c>ref</c>/<c>relref</c> without a path, or whose path climbs above the input folder.</summary>
    public const string BadRef = "HUGO002";

    /// <summary>A <c>{{&lt;</c> or <c>{{%</c> that is never closed; it stays text.</summary>
    public const string Unterminated = "HUGO003";
}
