namespace Handbook.Site.Theming.Views;

/// <summary>Build-wide values every template receives as <c>site</c>.</summary>
public sealed record SiteView(string Title, string? BaseUrl, string StylesheetUrl, string HomeUrl);
