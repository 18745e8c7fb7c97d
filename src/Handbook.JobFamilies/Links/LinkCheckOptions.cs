namespace Handbook.JobFamilies.Links;

/// <summary>How links are judged. <see cref="InternalHosts"/>: hosts whose URLs are this site's own pages.</summary>
public sealed record LinkCheckOptions
{
    /// <summary>GitLab's pages link to each other as <c>https://about.gitlab.com/job-families/…</c> as often as with <c>/job-families/…</c>.</summary>
    public static IReadOnlyList<string> DefaultInternalHosts { get; } = ["about.gitlab.com"];

    public IReadOnlyList<string> InternalHosts { get; init; } = DefaultInternalHosts;
}
