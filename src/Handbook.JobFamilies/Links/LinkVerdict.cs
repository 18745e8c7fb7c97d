namespace Handbook.JobFamilies.Links;

/// <summary>
/// What checking a link found. <see cref="Corrected"/> is the link as it should be written (trailing slash,
/// letter case); <see cref="Suggestion"/> the closest existing page or anchor ("did you mean"); <see cref="Target"/>
/// the page the problem is on (the redirect target when the link went through a redirect).
/// </summary>
public sealed record LinkVerdict(LinkProblem Problem, string? Corrected = null, string? Suggestion = null, string? Target = null)
{
    public static LinkVerdict Ok { get; } = new(LinkProblem.None);

    /// <summary>The redirect entry the link went through (null: none), for the message.</summary>
    public Redirects.RedirectHit? Redirect { get; init; }
}
