namespace Handbook.JobFamilies.Links;

/// <summary>What a link's URL is, before anything is looked up.</summary>
public enum LinkAddressKind
{
    /// <summary>A path on this site (root-relative, relative, same-page <c>#anchor</c>, or an internal host's URL): checked.</summary>
    Internal,

    /// <summary>A well-formed URL of another site, or a scheme such as <c>mailto:</c>: not checked (no network).</summary>
    External,

    /// <summary>An http(s) URL that cannot be parsed, or that lost its scheme (<c>www.x.com</c>, <c>https//x</c>).</summary>
    Malformed,
}
