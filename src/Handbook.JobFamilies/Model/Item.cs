namespace Handbook.JobFamilies.Model;

using Handbook.Pipeline.Diagnostics;
using Markdig.Syntax;

/// <summary>
/// One bullet of a responsibilities/requirements/… list. <see cref="Text"/> is the plain text (inline markup
/// stripped, whitespace collapsed); <see cref="Block"/> is the AST node it came from, so passes can edit the page
/// in place. Inherited items (from an "extends" statement) carry <see cref="InheritedFrom"/>.
/// </summary>
public sealed class Item
{
    public required string Text { get; init; }

    public required SourceLocation Location { get; init; }

    public ListItemBlock? Block { get; init; }

    public InheritedFrom? InheritedFrom { get; init; }
}

/// <summary>Where an inherited item comes from: the role's page URL with anchor, its name, and the section.</summary>
public sealed record InheritedFrom(string Url, string Level, SectionKind Section);
