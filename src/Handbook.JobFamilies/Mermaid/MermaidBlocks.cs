namespace Handbook.JobFamilies.Mermaid;

using Markdig.Syntax;

/// <summary>Recognises fenced <c>```mermaid</c> blocks.</summary>
public static class MermaidBlocks
{
    public static bool IsMermaid(Block block) =>
        block is FencedCodeBlock fenced && string.Equals(fenced.Info?.Trim(), "mermaid", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the page has a diagram, so the layout must load the site's own mermaid.min.js.</summary>
    public static bool Any(MarkdownDocument document) => document.Descendants<FencedCodeBlock>().Any(IsMermaid);

    /// <summary>
    /// <see cref="Any(MarkdownDocument)"/> of the family's body, or what was recorded when its tree was let go
    /// (<see cref="Model.JobFamily.BodyFacts"/>).
    /// </summary>
    public static bool Any(Model.JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return family.BodyFacts?.HasMermaid ?? Any(family.Body);
    }
}
