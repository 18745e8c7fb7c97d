namespace Handbook.Site.Theming.Views;

/// <summary>Build-wide values every template receives as <c>site</c>.</summary>
public sealed record SiteView(string Title, string? BaseUrl, string StylesheetUrl, string HomeUrl)
{
    /// <summary>The Atom feed of version changes (null without history): the layout links it as <c>rel="alternate"</c>.</summary>
    public string? ChangesFeedUrl { get; init; }
}
