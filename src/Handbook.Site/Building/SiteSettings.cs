namespace Handbook.Site.Building;

using Handbook.Site.Navigation;

/// <summary>
/// Site-wide settings the theme and the sitemap need. <see cref="BaseUrl"/> (from <c>--base-url</c> or the
/// environment variable <c>URL</c> Netlify sets) makes canonical links and sitemap entries absolute; without it they
/// are root-relative.
/// </summary>
public sealed record SiteSettings
{
    public string Title { get; init; } = "Job families";

    public string? BaseUrl { get; init; }

    /// <summary>"Edit this page" links (from <c>input/settings.yml</c>); null hides them.</summary>
    public EditLinks? EditLinks { get; init; }
}
