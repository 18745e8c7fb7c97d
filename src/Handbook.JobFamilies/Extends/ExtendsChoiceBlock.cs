namespace Handbook.JobFamilies.Extends;

using Markdig.Syntax;

/// <summary>
/// Inserted after a statement that names alternatives ("A or B"): one <see cref="ExtendsAlternativeBlock"/> per
/// alternative, each holding that role's inherited items. Rendered as a group of <c>&lt;details&gt;</c> so every
/// alternative is readable without JavaScript.
/// </summary>
public sealed class ExtendsChoiceBlock() : ContainerBlock(null!)
{
}

/// <summary>One alternative of an <see cref="ExtendsChoiceBlock"/>: the role's name and link, and its items as children.</summary>
public sealed class ExtendsAlternativeBlock(string name, string url) : ContainerBlock(null!)
{
    public string Name { get; } = name;

    public string Url { get; } = url;
}
