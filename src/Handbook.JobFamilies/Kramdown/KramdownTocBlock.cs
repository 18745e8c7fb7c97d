namespace Handbook.JobFamilies.Kramdown;

using Markdig.Parsers;
using Markdig.Syntax;

/// <summary>
/// The place of kramdown's table of contents: the one-item list marked <c>{:toc}</c> is replaced by this block, which
/// renders the page's headings (except <c>.no_toc</c> ones) as a nested list when the page is rendered, so it sees the
/// final heading ids.
/// </summary>
public sealed class KramdownTocBlock(BlockParser? parser) : LeafBlock(parser)
{
    public required bool Ordered { get; init; }
}
