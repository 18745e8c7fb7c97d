namespace Handbook.JobFamilies.Kramdown;

using Markdig.Parsers;
using Markdig.Syntax;

/// <summary>
/// A block-level kramdown attribute list line (<c>{: .x}</c>) or attribute list definition (<c>{:name: .x}</c>). It lives
/// in the AST only until inline processing starts; then <see cref="KramdownAttributeResolver"/> attaches it to its block
/// and removes it. <see cref="BlankBefore"/>/<see cref="BlankAfter"/> say whether blank lines surround it, which decides
/// the block it belongs to (kramdown: the block right before it, else the block right after it).
/// </summary>
public sealed class KramdownAttributeBlock(BlockParser parser) : LeafBlock(parser)
{
    public required KramdownAttributes Attributes { get; init; }

    /// <summary>The name this line defines (<c>{:name: …}</c>), or null for an attribute list to apply.</summary>
    public string? DefinitionName { get; init; }

    public required bool BlankBefore { get; init; }

    public required bool BlankAfter { get; init; }

    /// <summary>The line as written, for messages.</summary>
    public required string Text { get; init; }
}
