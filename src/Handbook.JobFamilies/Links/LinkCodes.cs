namespace Handbook.JobFamilies.Links;

/// <summary>Diagnostic codes of the link and anchor check (LINK0xx; README "Links, anchors and redirects").</summary>
public static class LinkCodes
{
    /// <summary>Error: an internal link leads to no generated page (hint: the closest page).</summary>
    public const string PageNotFound = "LINK001";

    /// <summary>Warning: the page exists with a trailing slash (hint: the corrected link).</summary>
    public const string MissingTrailingSlash = "LINK002";

    /// <summary>Warning: the page exists with other letter case (hint: the corrected link).</summary>
    public const string WrongCase = "LINK003";

    /// <summary>Warning: the page exists but has no such anchor (hint: the closest anchor).</summary>
    public const string AnchorNotFound = "LINK004";

    /// <summary>Warning: the anchor exists in other letter case; browsers match anchors exactly (hint: the corrected link).</summary>
    public const string AnchorWrongCase = "LINK005";

    /// <summary>Error: the link goes through the redirect data to a job-family page that is not generated.</summary>
    public const string RedirectToMissingPage = "LINK006";

    /// <summary>Warning: an external URL is malformed (no network check is made; hint: the probable URL).</summary>
    public const string MalformedUrl = "LINK007";

    /// <summary>Error: the link goes through redirects that come back to where they started.</summary>
    public const string RedirectLoop = "LINK008";
}
