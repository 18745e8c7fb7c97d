namespace Handbook.JobFamilies.Redirects;

/// <summary>
/// Diagnostic codes of the redirect data file <c>data/redirects.yml</c> and of the Netlify <c>_redirects</c> file
/// written from it (REDIR0xx; README "Links, anchors and redirects").
/// </summary>
public static class RedirectCodes
{
    /// <summary>Error: the file is not valid YAML, or its top level is not a list of entries (no redirect is used).</summary>
    public const string InvalidFile = "REDIR001";

    /// <summary>Error: an entry is not a mapping, or lacks <c>sources</c>/<c>target</c>, or a value has the wrong shape (the entry is skipped).</summary>
    public const string BadEntry = "REDIR002";

    /// <summary>Error: <c>comp_op</c> is not one of <c>'='</c>, <c>'^~'</c>, <c>'~'</c> (the entry is skipped).</summary>
    public const string UnknownOperator = "REDIR003";

    /// <summary>Warning: an unknown key in an entry (ignored; a typo of a known key gets a hint).</summary>
    public const string UnknownKey = "REDIR004";

    /// <summary>Warning: a source or target path does not start with '/' (it is used with the '/' added).</summary>
    public const string NotRooted = "REDIR005";

    /// <summary>Warning: the same source (ignoring a trailing slash) appears in an earlier entry; the first one wins.</summary>
    public const string DuplicateSource = "REDIR006";

    /// <summary>Error: a <c>'~'</c> source is not a valid regular expression (the source is skipped).</summary>
    public const string InvalidPattern = "REDIR007";

    /// <summary>Warning: a job-family redirect leads to a job-family page the site does not generate.</summary>
    public const string MissingTarget = "REDIR008";

    /// <summary>Warning: a redirect source is a page the site generates: Netlify serves the page and never applies the rule.</summary>
    public const string ShadowedSource = "REDIR009";

    /// <summary>Warning: more job-family rules than <c>_redirects</c> may hold; the rules past the limit are not written.</summary>
    public const string TooManyRules = "REDIR010";

    /// <summary>Warning: a job-family <c>'~'</c> rule uses regular-expression syntax that Netlify's <c>_redirects</c> cannot express (not written).</summary>
    public const string NotExpressible = "REDIR011";

    /// <summary>Warning: redirects lead in a circle (<c>/a → /b → /a</c>) or through more than <see cref="RedirectTable.MaxHops"/> hops.</summary>
    public const string Loop = "REDIR012";
}
