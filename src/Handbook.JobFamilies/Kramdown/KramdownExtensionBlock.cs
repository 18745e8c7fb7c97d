namespace Handbook.JobFamilies.Kramdown;

using Markdig.Parsers;
using Markdig.Syntax;

/// <summary>
/// A kramdown extension block: <c>{::comment}…{:/comment}</c> (prints nothing), <c>{::nomarkdown}…{:/nomarkdown}</c>
/// (its lines are raw HTML, then sanitized like any HTML), or a dropped line (<c>{::options /}</c>, an unknown or
/// unclosed extension), which prints nothing.
/// </summary>
public sealed class KramdownExtensionBlock(BlockParser parser) : LeafBlock(parser)
{
    /// <summary>The extension name: <c>comment</c>, <c>nomarkdown</c>, <c>options</c>, or an unknown name.</summary>
    public required string Name { get; init; }

    /// <summary>True when the content is raw HTML to output (<c>nomarkdown</c>).</summary>
    public bool IsRawHtml => Name == "nomarkdown" && !IsDropped;

    /// <summary>True when the block prints nothing and is removed once parsing ends.</summary>
    public required bool IsDropped { get; init; }

    /// <summary>The closing tag looked for while the block is open (null for one-line blocks).</summary>
    internal string? ClosingName { get; init; }
}
