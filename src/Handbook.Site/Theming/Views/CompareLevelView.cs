namespace Handbook.Site.Theming.Views;

/// <summary>
/// A level on the compare page: <c>name</c>, <c>anchor</c> (its heading on the family page), <c>url</c> (that
/// heading), <c>grade</c>, and <c>column</c>, its 1-based column in the compare tables.
/// </summary>
public sealed record CompareLevelView(string Name, string Anchor, string Url, GradeView? Grade, int Column);
