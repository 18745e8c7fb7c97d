namespace Handbook.JobFamilies.Redirects;

/// <summary>
/// How a redirect source is compared with a request path: GitLab's <c>comp_op</c>, named after nginx's
/// <c>location</c> modifiers, which is where the handbook's redirects were first served from.
/// </summary>
public enum RedirectMatch
{
    /// <summary><c>comp_op: '='</c>: the path is the source (a trailing slash is ignored, as Netlify ignores it).</summary>
    Exact,

    /// <summary><c>comp_op: '^~'</c>: the path is the source or lies below it (<c>/a/</c> covers <c>/a/b/</c>).</summary>
    Prefix,

    /// <summary><c>comp_op: '~'</c>: the source is a case-sensitive regular expression searched in the path (nginx <c>location ~</c>).</summary>
    Pattern,
}
