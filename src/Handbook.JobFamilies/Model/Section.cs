namespace Handbook.JobFamilies.Model;

using Handbook.Pipeline.Diagnostics;
using Markdig.Syntax;

/// <summary>
/// A heading and everything up to the next heading of the same or a higher level. <see cref="Blocks"/> are the
/// blocks directly under the heading (before any sub-heading); <see cref="Items"/> are the bullets of the lists
/// among them. A bold line such as <c>**Requirements**</c> standing in for a heading also makes a section
/// (then <see cref="Heading"/> is null).
/// </summary>
public sealed class Section
{
    public required SectionKind Kind { get; init; }

    /// <summary>The heading text as written (inline markup stripped).</summary>
    public required string Title { get; init; }

    /// <summary>The kramdown-compatible id of the heading (empty when the section has no heading).</summary>
    public required string Anchor { get; init; }

    /// <summary>Markdown heading level 1–6 (a bold pseudo-heading gets the level it stands in for).</summary>
    public required int HeadingLevel { get; init; }

    public required SourceLocation Location { get; init; }

    public HeadingBlock? Heading { get; init; }

    /// <summary>1-based line of the parsed text where the section starts (its heading or bold line).</summary>
    public int StartLine { get; init; }

    /// <summary>1-based last line of the parsed text the section covers (before the next heading of the same or a higher level).</summary>
    public int EndLine { get; set; }

    public List<Block> Blocks { get; } = [];

    public List<Item> Items { get; } = [];

    public List<Section> Children { get; } = [];
}
