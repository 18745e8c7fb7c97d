namespace Handbook.Site.Theming.Views;

/// <summary>A level on a ladder page: <c>name</c>, <c>url</c> (its heading on the family page), <c>grade</c> (or nil).</summary>
public sealed record LadderLevelView(string Name, string Url, GradeView? Grade);
