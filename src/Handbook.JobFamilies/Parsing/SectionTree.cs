namespace Handbook.JobFamilies.Parsing;

using Handbook.JobFamilies.Markdown;
using Handbook.JobFamilies.Model;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Builds the tree of sections of a page from its top-level blocks: a heading owns everything up to the next
/// heading of the same or a higher level. A paragraph that is only a bold known title (<c>**Requirements**</c>)
/// stands in for a heading one level below the section it is in; so does a plain one-line title of a role's list
/// right before that list (<c>Widget Design Responsibilities</c>, see <see cref="PlainListTitle"/>).
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

        for (var index = 0; index < document.Count; index++)
        {
            var block = document[index];
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
            else if (block is ParagraphBlock paragraph
                && PseudoHeading(paragraph, plainAllowed: open.FirstOrDefault(o => !o.Pseudo).Section is { } under && !tree._classes[under].IsRoleSection
                    && index + 1 < document.Count && document[index + 1] is ListBlock) is { } pseudo)
            {
                while (open.Count > 0 && open.Peek().Pseudo)
                {
                    Close(line);
                }

                var section = new Section
                {
                    Kind = pseudo.Class.Kind,
                    Title = HeadingClassifier.Clean(pseudo.Text),
                    Anchor = string.Empty,
                    HeadingLevel = Math.Min(6, (open.Count > 0 ? open.Peek().Section.HeadingLevel : 1) + 1),
                    Location = map.Locate(paragraph.Line, paragraph.Column),
                    StartLine = line,
                };
                Add(section, pseudo.Class);
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

    /// <summary>The title a paragraph stands in for (bold, or plain where <paramref name="plainAllowed"/>), else null.</summary>
    private static (string Text, HeadingClassification Class)? PseudoHeading(ParagraphBlock paragraph, bool plainAllowed)
    {
        if (BoldLineText(paragraph) is { } bold)
        {
            var classification = HeadingClassifier.Classify(bold);
            return classification.Kind == SectionKind.Other ? null : (bold, classification);
        }

        return plainAllowed && PlainListTitle(paragraph, out var text, out var plain) ? (text, plain) : null;
    }

    /// <summary>
    /// A paragraph of one short line of plain text that ends with the name of a role's list – "Widget Design
    /// Responsibilities", "Requirements:" – with no typo in it. Real pages write a specialty's lists this way, with
    /// neither heading nor bold (security-engineer's specialties): without this the bullets belonged to no list. The
    /// caller also wants a list right after the line, and no role list heading open around it (a sentence such as "Engineers have
    /// the following Performance Indicators" under a Performance Indicators heading stays that heading's text).
    /// </summary>
    private static bool PlainListTitle(ParagraphBlock paragraph, out string text, out HeadingClassification classification)
    {
        text = string.Empty;
        classification = HeadingClassification.Other;
        if (paragraph.Inline?.FirstChild is not LiteralInline { NextSibling: null } literal)
        {
            return false;
        }

        var line = literal.Content.ToString().Trim().TrimEnd(':').TrimEnd();
        if (line.Length == 0 || line.Length > 80 || line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 8)
        {
            return false;
        }

        var last = line[(line.LastIndexOfAny([' ', '-']) + 1)..].ToLowerInvariant();
        var found = HeadingClassifier.Classify(line);
        var endsWithItsWord = found.Kind switch
        {
            SectionKind.Responsibilities => last is "responsibilities",
            SectionKind.Requirements => last is "requirements",
            SectionKind.NiceToHaves => last is "haves" or "have",
            SectionKind.PerformanceIndicators => last is "indicators",
            _ => false,
        };
        if (!endsWithItsWord || found.Misspelt is not null || found.AlsoRequirements)
        {
            return false;
        }

        text = line;
        classification = found;
        return true;
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
