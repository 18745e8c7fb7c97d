namespace Handbook.JobFamilies.Sanitizing;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Kramdown;
using Markdig.Syntax;

/// <summary>
/// Tells whether a page's AST leaves its raw HTML to <see cref="SanitizedSerialization"/>, which reads the rendered HTML
/// and declines anything the parser would restructure (a table without tbody, a div in a paragraph) or the policy would
/// remove. HTML blocks and inline HTML are written out as they are, so the scanner sees exactly the text the full
/// sanitizer would parse (issue 9: GitLab's video embeds in <c>&lt;figure&gt;</c> blocks, comments and anchors no longer
/// send a whole page through the DOM). <c>{::nomarkdown}</c> blocks still send the page to the full sanitizer, as before.
/// </summary>
public static class RawHtmlScope
{
    /// <summary>True when <paramref name="document"/> has no <c>{::nomarkdown}</c> block, inherited bullets' sources included.</summary>
    public static bool HasNoNomarkdownBlock(MarkdownDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var stack = new Stack<Block>();
        stack.Push(document);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case KramdownExtensionBlock { IsRawHtml: true }:
                    return false;
                case InheritedBulletRun run:
                    // Renders its sources (after the marker): their blocks are this page's too.
                    for (var i = 0; i < run.Bullets.Count; i++)
                    {
                        stack.Push(run.Bullets[i].Source);
                    }

                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        return true;
    }
}
