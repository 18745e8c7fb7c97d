namespace Handbook.JobFamilies.Parsing;

using Handbook.JobFamilies.Markdown;
using Handbook.JobFamilies.Model;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Builds the tree of sections of a page from its top-level blocks: a heading owns everything up to the next
/// heading of the same or a higher level. A paragraph that is only a bold known title (<c>**Requirements**</c>)
/// stands in for a heading one level below the section it is in.
/// </summary>
internal sealed class SectionTree
{
    private readonly Dictionary<Section, HeadingClassification> _classes = [];

    private SectionTree(SourceMap map) => Map = map;

    public SourceMap Map { get; }

    public List<Section> Roots { get; } = [];

    /// <summary>Blocks before the first heading (the page's introduction).</summary>
    public List<Block> Intro { get; } = [];

    /// <summary>Every section in document order.</summary>
    public List<Section> All { get; } = [];

    public HeadingClassification ClassOf(Section section) => _classes[section];

    public static SectionTree Build(MarkdownDocument document, SourceMap map, int lastLine)
    {
        var tree = new SectionTree(map);
        var open = new Stack<(Section Section, bool Pseudo)>();

        void Close(int nextStartLine)
        {
            var (section, _) = open.Pop();
            section.EndLine = Math.Max(section.StartLine, nextStartLine - 1);
        }

        void Add(Section section, HeadingClassification classification)
        {
            tree._classes[section] = classification;
            tree.All.Add(section);
            (open.Count > 0 ? open.Peek().Section.Children : tree.Roots).Add(section);
        }

        foreach (var block in document)
        {
            var line = block.Line + 1;
            if (block is HeadingBlock heading)
            {
                while (open.Count > 0 && open.Peek().Section.HeadingLevel >= heading.Level)
                {
                    Close(line);
                }

                var title = InlineText.Of(heading);
                var classification = HeadingClassifier.Classify(title);
                var section = new Section
                {
                    Kind = classification.Kind,
                    Title = title,
                    Anchor = heading.TryGetAttributes()?.Id ?? KramdownIds.Generate(title),
                    HeadingLevel = heading.Level,
                    Location = map.Locate(heading.Line, heading.Column),
                    Heading = heading,
                    StartLine = line,
                };
                Add(section, classification);
                open.Push((section, false));
            }
            else if (block is ParagraphBlock paragraph && BoldLineText(paragraph) is { } boldText
                && HeadingClassifier.Classify(boldText) is { Kind: not SectionKind.Other } boldClass)
            {
                while (open.Count > 0 && open.Peek().Pseudo)
                {
                    Close(line);
                }

                var section = new Section
                {
                    Kind = boldClass.Kind,
                    Title = HeadingClassifier.Clean(boldText),
                    Anchor = string.Empty,
                    HeadingLevel = Math.Min(6, (open.Count > 0 ? open.Peek().Section.HeadingLevel : 1) + 1),
                    Location = map.Locate(paragraph.Line, paragraph.Column),
                    StartLine = line,
                };
                Add(section, boldClass);
                open.Push((section, true));
            }
            else if (open.Count > 0)
            {
                open.Peek().Section.Blocks.Add(block);
            }
            else
            {
                tree.Intro.Add(block);
            }
        }

        while (open.Count > 0)
        {
            Close(lastLine + 1);
        }

        return tree;
    }

    /// <summary>The text of a paragraph that is nothing but one bold span (and maybe a colon), else null.</summary>
    private static string? BoldLineText(ParagraphBlock paragraph)
    {
        EmphasisInline? bold = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case EmphasisInline { DelimiterCount: 2 } emphasis when bold is null:
                    bold = emphasis;
                    break;
                case LiteralInline literal when literal.Content.AsSpan().Trim().Trim(':').IsEmpty:
                    break;
                case LineBreakInline:
                    break;
                default:
                    return null;
            }
        }

        return bold is null ? null : InlineText.Of(bold);
    }
}
