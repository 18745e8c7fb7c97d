namespace Handbook.Site.Theming.Views;

/// <summary>A level or specialty (<c>role.name</c>, <c>role.anchor</c>, <c>role.grade</c>, <c>role.extends</c>).</summary>
public sealed record RoleView(string Name, string Anchor, GradeView? Grade, IReadOnlyList<LinkView> Extends);
