namespace Handbook.JobFamilies.Extends;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Markdig.Syntax;

/// <summary>
/// A statement found on a page: the block it is written in (a list item's paragraph, a paragraph, or a section
/// heading), the role and section it belongs to, and its source location.
/// </summary>
public sealed record FoundStatement(JobFamily Family, Role? Role, Section? Section, LeafBlock Block, ExtendsStatement Statement, SourceLocation Location)
{
    /// <summary>The list item the statement is the first paragraph of, or null.</summary>
    public ListItemBlock? ListItem => Block.Parent is ListItemBlock item && item.Count > 0 && ReferenceEquals(item[0], Block) ? item : null;

    /// <summary>The section kind the statement sits in, when it is one whose items can be inherited.</summary>
    public SectionKind? ContextKind => Section is { } s && SectionWords.IsInheritable(s.Kind) ? s.Kind : null;
}
