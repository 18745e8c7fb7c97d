namespace Handbook.Site.Theming.Views;

/// <summary>
/// One entry of a family page's table of contents: <c>text</c>, <c>url</c> (an in-page <c>#anchor</c>) and
/// <c>children</c> (the levels under "Levels", the specialties under "Specialties").
/// </summary>
public sealed record TocEntryView(string Text, string Url, IReadOnlyList<TocEntryView> Children);
