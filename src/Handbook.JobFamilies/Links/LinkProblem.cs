namespace Handbook.JobFamilies.Links;

/// <summary>The outcome of checking one link (each problem has its own diagnostic code, see <see cref="LinkCodes"/>).</summary>
public enum LinkProblem
{
    /// <summary>The link reaches a generated page and anchor, or it is a link this site cannot check.</summary>
    None,
    PageNotFound,
    MissingTrailingSlash,
    WrongCase,
    AnchorNotFound,
    AnchorWrongCase,
    RedirectToMissingPage,
    RedirectLoop,
    MalformedUrl,
}
