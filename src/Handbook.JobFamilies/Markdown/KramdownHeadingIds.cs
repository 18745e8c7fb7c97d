namespace Handbook.JobFamilies.Markdown;

using System.Text.RegularExpressions;
using Handbook.Pipeline.Limits;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Markdig extension giving every heading kramdown's automatic id (<see cref="KramdownIds"/>), unique per page in
/// document order. An explicit kramdown header id (<c>## Heading {#my-id}</c>) or an id set by an earlier extension
/// is kept. Runs when the document is processed, after inlines are parsed, so the id is computed from the
/// heading's plain text (markup stripped).
/// </summary>
public sealed partial class KramdownHeadingIds : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Assign;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>Assigns ids to the headings of <paramref name="document"/> that have none (idempotent).</summary>
    public static void Assign(MarkdownDocument document)
    {
        var generator = new KramdownIdGenerator();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            var explicitId = TakeExplicitId(heading);
            if (explicitId is not null)
            {
                attributes.Id = explicitId;
            }

            attributes.Id ??= generator.Next(InlineText.Of(heading));
        }
    }

    /// <summary>Removes a trailing kramdown <c>{#id}</c> from the heading text and returns the id.</summary>
    private static string? TakeExplicitId(HeadingBlock heading)
    {
        // Every explicit id is spelled "{#": a heading without it (nearly all) needs no copy of its text nor the pattern.
        if (heading.Inline?.LastChild is not LiteralInline literal || !literal.Content.AsSpan().Contains("{#", StringComparison.Ordinal))
        {
            return null;
        }

        var text = literal.Content.ToString();
        var match = ExplicitId().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var rest = text[..match.Index].TrimEnd();
        if (rest.Length == 0)
        {
            literal.Remove();
            TrimTrailingSpace(heading);
        }
        else
        {
            literal.Content = new Markdig.Helpers.StringSlice(rest);
        }

        return match.Groups["id"].Value;
    }

    private static void TrimTrailingSpace(HeadingBlock heading)
    {
        if (heading.Inline?.LastChild is LiteralInline last)
        {
            last.Content = new Markdig.Helpers.StringSlice(last.Content.ToString().TrimEnd());
        }
    }

    [GeneratedRegex(@"\{#(?<id>[A-Za-z][A-Za-z0-9_:.-]*)\}\s*$", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ExplicitId();
}
