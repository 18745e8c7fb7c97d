namespace Handbook.JobFamilies.Erb;

/// <summary>The kinds of ERB tag: <c>&lt;%= %&gt;</c> output, <c>&lt;% %&gt;</c> code, <c>&lt;%# %&gt;</c> comment, and the <c>&lt;%%</c> escape.</summary>
public enum ErbTagKind
{
    /// <summary><c>&lt;%= expr %&gt;</c> (also <c>&lt;%== %&gt;</c>): prints the value of a Ruby expression.</summary>
    Output,

    /// <summary><c>&lt;% code %&gt;</c> or <c>&lt;%- code -%&gt;</c>: Ruby statements (loops, conditions…); never supported.</summary>
    Code,

    /// <summary><c>&lt;%# text %&gt;</c>: a template comment; prints nothing.</summary>
    Comment,

    /// <summary><c>&lt;%%</c>: ERB's escape for a literal <c>&lt;%</c>.</summary>
    LiteralOpen,

    /// <summary>A <c>&lt;%</c> without a closing <c>%&gt;</c>.</summary>
    Unterminated,
}
