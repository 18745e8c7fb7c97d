namespace Handbook.JobFamilies.Hugo;

/// <summary>
/// An opening <c>{{&lt;</c>/<c>{{%</c> that does not make a tag, so it stays text (Hugo fails the build on each):
/// where it opens (<see cref="At"/>), what is wrong and where (<see cref="Where"/>: the offending character, the
/// unclosed quote; <see cref="At"/> when no closing delimiter follows at all).
/// </summary>
/// <param name="Name">The shortcode's name as far as it is written (empty when none).</param>
public sealed record HugoShortcodeFault(int At, int Where, HugoShortcodeFaultKind Kind, string Name);

/// <summary>Why an opening makes no tag.</summary>
public enum HugoShortcodeFaultKind
{
    /// <summary>No closing <c>&gt;}}</c> (<c>%}}</c>) anywhere after it.</summary>
    NeverClosed,

    /// <summary>Closed with <c>}}</c> where <c>&gt;}}</c> (<c>%}}</c>) belongs.</summary>
    WrongCloser,

    /// <summary>A character no tag may hold outside quotes (a <c>)</c>, <c>,</c>, <c>'</c> …) comes before the closing delimiter: the tag was not closed where it ends.</summary>
    UnexpectedCharacter,

    /// <summary>A <c>"</c> or <c>`</c> whose closing quote does not come before the closing delimiter.</summary>
    UnclosedQuote,
}
