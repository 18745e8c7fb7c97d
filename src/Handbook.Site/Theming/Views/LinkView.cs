namespace Handbook.Site.Theming.Views;

/// <summary>
/// A link as templates see it (<c>link.text</c>, <c>link.url</c>). The URL is already percent-encoded; it is null for
/// the last breadcrumb (the current page).
/// </summary>
public sealed record LinkView(string Text, string? Url);
