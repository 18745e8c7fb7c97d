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

    /// <summary>A bare ref name that several pages of the input have (Hugo fails the build too).</summary>
    public const string AmbiguousName = "HUGO004";

    /// <summary>A bare ref name that no page of the input has: Hugo finds it elsewhere in the handbook; the link goes, its text stays.</summary>
    public const string NameNotInInput = "HUGO005";

    /// <summary>A quoted argument whose quote is not closed before the tag's closing delimiter; the opening stays text.</summary>
    public const string UnclosedQuote = "HUGO006";

    /// <summary>A closing tag (<c>{{% /alert %}}</c>) whose shortcode is not open before it.</summary>
    public const string UnpairedClosing = "HUGO007";
}
