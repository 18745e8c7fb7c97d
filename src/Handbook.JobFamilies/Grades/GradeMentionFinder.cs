namespace Handbook.JobFamilies.Grades;

using Handbook.Pipeline.Collections;
using System.Text.RegularExpressions;
using Handbook.Pipeline.Limits;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Finds every grade mention in a page's AST (forms in README.md): links to the compensation
/// calculator or with grade text, unlinked "is a grade 8" sentences, <c>**Grade 7:**</c> pseudo-headings,
/// grades in table rows (with the row's level cell) and links broken by a doubled parenthesis. Read-only: the
/// resolver decides what to report and rewrites the links.
/// </summary>
public static partial class GradeMentionFinder
{
    private const string GradeWord = "grade";

    // "grade" ignoring case, found by a vectorised search: with invariant globalization an ordinal case-insensitive
    // string search compares character by character, and every block of every page is checked (issue 9). Same answers:
    // a SearchValues made for OrdinalIgnoreCase matches as that comparison does.
    private static readonly System.Buffers.SearchValues<string> GradeCue = System.Buffers.SearchValues.Create([GradeWord], StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<GradeMention> Find(MarkdownDocument document) => Find(document, timedOut: null);

    /// <summary>
    /// Like <see cref="Find(MarkdownDocument)"/>; a block whose text makes a pattern run out of time
    /// (<see cref="RegexMatchTimeoutException"/>) contributes no mentions and is added to <paramref name="timedOut"/>
    /// for the caller to report (LIMIT030).
    /// </summary>
    public static IReadOnlyList<GradeMention> Find(MarkdownDocument document, ICollection<LeafBlock>? timedOut) =>
        Find(document, timedOut, skipsBlocksWithoutCues: true);

    /// <summary>
    /// With <paramref name="skipsBlocksWithoutCues"/>, a block that can hold no mention (<see cref="MayMention"/>) is
    /// not read into an <see cref="InlineText"/>; the tests compare that with reading every block.
    /// </summary>
    internal static IReadOnlyList<GradeMention> Find(MarkdownDocument document, ICollection<LeafBlock>? timedOut, bool skipsBlocksWithoutCues)
    {
        var mentions = new List<GradeMention>();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is null || block.Inline.FirstChild is null || skipsBlocksWithoutCues && !MayMention(block))
            {
                continue;
            }

            var before = mentions.Count;
            try
            {
                RegexLimits.RetryOnceOnTimeout((Block: block, Mentions: mentions, Before: before), static run =>
                {
                    run.Mentions.RemoveRange(run.Before, run.Mentions.Count - run.Before); // what a timed-out first run added
                    FindIn(run.Block, run.Mentions);
                    return true;
                });
            }
            catch (RegexMatchTimeoutException) when (timedOut is not null)
            {
                mentions.RemoveRange(before, mentions.Count - before);
                timedOut.Add(block);
            }
        }

        return StableSort.ToSortedList(mentions, static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
    }

    /// <summary>
    /// Whether <see cref="FindIn"/> can find anything in <paramref name="block"/>. Every pattern needs "grade" or
    /// "](" in the text, and a link counts only when it points at the calculator or its text says "grade" (which is
    /// then in the block's text too). Most blocks of a page (bullets, prose) have neither, and are not read into an
    /// <see cref="InlineText"/> with positions (issue 9: that was nearly all of what grade resolution allocated).
    /// </summary>
    private static bool MayMention(LeafBlock block) =>
        InlineText.TextContains(block, GradeCue, "](") || HasCalculatorLink(block.Inline!);

    private static bool HasCalculatorLink(ContainerInline container)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LinkInline { IsImage: false } link && CalculatorLink.Classify(link.Url) != CalculatorLinkKind.NotCalculator)
            {
                return true;
            }

            if (inline is ContainerInline nested && HasCalculatorLink(nested))
            {
                return true;
            }
        }

        return false;
    }

    private static void FindIn(LeafBlock block, List<GradeMention> mentions)
    {
        var text = InlineText.Of(block);
        FindLinks(block, text, mentions);

        // Cheap necessary conditions of the patterns below (each needs the word "grade" or the "](" of a
        // link written as text): most paragraphs of a page have neither, and skip the pattern scans.
        if (text.Text.AsSpan().IndexOfAny(GradeCue) >= 0)
        {
            FindPseudoHeading(block, text, mentions);
            FindSentences(block, text, mentions);
        }

        if (text.Text.Contains("](", StringComparison.Ordinal))
        {
            FindMalformedLinks(block, text, mentions);
        }
    }

    private static void FindLinks(LeafBlock block, InlineText text, List<GradeMention> mentions)
    {
        foreach (var link in block.Inline!.Descendants<LinkInline>())
        {
            if (link.IsImage)
            {
                continue;
            }

            var target = CalculatorLink.Classify(link.Url);
            var range = text.RangeOf(link);
            var linkText = range is { } r ? text.Text[r.Start..r.End] : string.Empty;
            var grade = GradeText.Read(linkText);
            var isCalculator = target != CalculatorLinkKind.NotCalculator;

            // Bare numbers, "level 10" and "grade 7 (Senior)" are grades only on calculator links; elsewhere
            // "[7](…)" or "[Grade 7 requirements](…)" is just a link.
            if (grade is not null && !isCalculator && !(grade.SaysGrade && grade.IsWholeText))
            {
                grade = null;
            }

            if (grade is null && !isCalculator)
            {
                continue;
            }

            var start = range?.Start ?? -1;
            mentions.Add(new GradeMention
            {
                Form = CalculatorLink.IsWrapped(link.Url) ? GradeMentionForm.MalformedLink : GradeMentionForm.Link,
                Values = grade?.Values ?? [],
                RangeEnd = grade?.RangeEnd,
                Text = linkText,
                Line = start >= 0 ? text.Line(start) : link.Line,
                Column = start >= 0 ? text.Column(start) : link.Column + 1,
                Block = block,
                Node = link,
                Link = link,
                Target = target,
                HasGradeText = grade is not null,
                IsTableReference = grade is null && isCalculator && GradeText.NamesGradesInGeneral(linkText),
                NumberAfterLink = grade is { Values.Count: 0 } && range is { } after ? NumberAfter(text.Text, after.End) : null,
                SaysNoGrade = grade is { Values.Count: 0 } && start >= 0 && NegatedBefore(text.Text, start),
                Subject = start >= 0 ? SubjectBefore(text.Text, start) : null,
                Row = RowOf(block) ?? PipeRowOf(block, link),
            });
        }
    }

    /// <summary>
    /// A row of a pipe table that Markdown did not make a table (no "| -- |" line under its first row), left as a
    /// paragraph of "| [Manager, X](#manager-x) | [Grade 8](…) |" lines: the grade link's line starts with a pipe
    /// and links to a heading of the page first; that link names the level, as a table row's level cell does.
    /// </summary>
    private static GradeTableRow? PipeRowOf(LeafBlock block, LinkInline gradeLink)
    {
        if (block is not ParagraphBlock || block.Inline is null)
        {
            return null;
        }

        LinkInline? level = null;
        var startsWithPipe = false;
        foreach (var inline in block.Inline.Descendants<Inline>())
        {
            if (inline.Line != gradeLink.Line || ReferenceEquals(inline, gradeLink))
            {
                continue;
            }

            if (inline is LiteralInline literal && level is null && inline.Column <= gradeLink.Column)
            {
                startsWithPipe |= literal.Content.ToString().TrimStart().StartsWith('|');
            }

            if (inline is LinkInline { Url: { Length: > 1 } url } candidate && url[0] == '#' && candidate.Column < gradeLink.Column
                && (level is null || candidate.Column < level.Column))
            {
                level = candidate;
            }
        }

        if (!startsWithPipe || level is null)
        {
            return null;
        }

        var name = string.Concat(level.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
        return name.Length == 0 ? null : new GradeTableRow(name, level.Url);
    }

    private static void FindPseudoHeading(LeafBlock block, InlineText text, List<GradeMention> mentions)
    {
        if (block.Inline!.FirstChild is not EmphasisInline { DelimiterCount: 2 } bold)
        {
            return;
        }

        var match = PseudoHeadingPattern().Match(text.Text);
        if (!match.Success || !GradeId.TryParse(match.Groups["n"].Value, out var id))
        {
            return;
        }

        var start = match.Groups["grade"].Index;
        mentions.Add(new GradeMention
        {
            Form = GradeMentionForm.PseudoHeading,
            Values = [id],
            Text = match.Value.Trim(),
            Line = text.Line(start),
            Column = text.Column(start),
            Block = block,
            Node = bold,
        });
    }

    private static void FindSentences(LeafBlock block, InlineText text, List<GradeMention> mentions)
    {
        foreach (Match match in SentencePattern().Matches(text.Text))
        {
            if (!text.IsUnlinked(match.Index, match.Length) || !GradeId.TryParse(match.Groups["n"].Value, out var id))
            {
                continue;
            }

            var start = match.Groups["grade"].Index;
            mentions.Add(new GradeMention
            {
                Form = GradeMentionForm.Sentence,
                Values = [id],
                Text = match.Groups["grade"].Value,
                Line = text.Line(start),
                Column = text.Column(start),
                Block = block,
                Node = NodeAt(block, text, start),
                Subject = SubjectBefore(text.Text, start),
            });
        }
    }

    private static void FindMalformedLinks(LeafBlock block, InlineText text, List<GradeMention> mentions)
    {
        foreach (Match match in TextLinkPattern().Matches(text.Text))
        {
            // Only "[text](" must be plain text: with a doubled "((" an absolute URL after it is still autolinked.
            var url = match.Groups["url"];
            if (!text.IsUnlinked(match.Index, url.Index - match.Index))
            {
                continue;
            }

            var grade = GradeText.Read(match.Groups["text"].Value);
            var target = CalculatorLink.Classify(match.Groups["url"].Value);
            if (grade is null || (!(grade.SaysGrade && grade.IsWholeText) && target == CalculatorLinkKind.NotCalculator))
            {
                continue;
            }

            if (!text.IsUnlinked(url.Index, url.Length))
            {
                // The autolink is part of this broken link, not a link of its own whose text names no grade.
                mentions.RemoveAll(m => m.Form == GradeMentionForm.Link && m.Block == block && m.Link is { } autolink
                    && text.RangeOf(autolink) is { } range && range.Start >= url.Index && range.End <= url.Index + url.Length);
            }

            var start = match.Groups["text"].Index;
            mentions.Add(new GradeMention
            {
                Form = GradeMentionForm.MalformedLink,
                Values = grade.Values,
                RangeEnd = grade.RangeEnd,
                Text = match.Groups["text"].Value,
                Line = text.Line(start),
                Column = text.Column(start),
                Block = block,
                Node = NodeAt(block, text, start),
                Target = target,
                Subject = SubjectBefore(text.Text, match.Index),
            });
        }
    }

    /// <summary>
    /// "The Senior Analyst, Payroll is a " → "Senior Analyst, Payroll": the end of the last sentence (or line) before
    /// the grade, when it has the shape "The &lt;role&gt; is a".
    /// </summary>
    internal static string? SubjectBefore(string before) => SubjectBefore(before, before.Length);

    /// <summary>
    /// The subject of the sentence ending at <paramref name="end"/>. Only a bounded window before the grade is
    /// searched: the pattern is anchored at the end, and running it over a whole long paragraph once per grade
    /// made pages with many grades in one paragraph quadratic (found by the fuzz tests).
    /// </summary>
    internal static string? SubjectBefore(string text, int end)
    {
        const int Window = 300;
        var start = Math.Max(0, end - Window);
        var match = SubjectPattern().Match(text[start..end]);
        if (!match.Success)
        {
            return null;
        }

        var subject = match.Groups["subject"].Value.Trim().Trim('{', '}', '*', '_', ' ').Trim();
        return subject.Length == 0 ? null : subject;
    }

    /// <summary>
    /// "The Widget Intern is not aligned to a job [grade](…)": the sentence before the link says there is no grade, so a
    /// bare [grade] link is the word, not a grade left without its number.
    /// </summary>
    private static bool NegatedBefore(string text, int index)
    {
        var sentenceStart = text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(index - 1, 0)) + 1;
        return NegationPattern().IsMatch(text.AsSpan(sentenceStart, index - sentenceStart));
    }

    [GeneratedRegex(@"\b(?:not|no|never|without)\b|n't\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex NegationPattern();

    private static GradeId? NumberAfter(string text, int index)
    {
        var match = LeadingNumberPattern().Match(text, index);
        return match.Success && GradeId.TryParse(match.Groups["n"].Value, out var id) ? id : null;
    }

    private static GradeTableRow? RowOf(LeafBlock block)
    {
        if (block.Parent is not TableCell cell || cell.Parent is not TableRow row || row.IndexOf(cell) <= 0 || row[0] is not TableCell first)
        {
            return null;
        }

        var levelBlock = first.Descendants<LeafBlock>().FirstOrDefault(b => b.Inline is not null);
        if (levelBlock is null)
        {
            return null;
        }

        var name = string.Join(' ', InlineText.Of(levelBlock).Text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var target = levelBlock.Inline!.Descendants<LinkInline>().FirstOrDefault()?.Url;
        return name.Length == 0 ? null : new GradeTableRow(name, target);
    }

    private static Inline NodeAt(LeafBlock block, InlineText text, int index)
    {
        var line = text.Line(index);
        var column = text.Column(index);
        Inline? best = null;
        foreach (var inline in block.Inline!.Descendants<LiteralInline>())
        {
            if (inline.Line < line || (inline.Line == line && inline.Column <= column))
            {
                best = inline;
            }
        }

        return best ?? block.Inline!.FirstChild!;
    }

    [GeneratedRegex(@"^\s*(?<grade>(?:job\s+)?grade\s*#?\s*(?<n>\d+(?:\.\d+)?))\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex PseudoHeadingPattern();

    [GeneratedRegex(@"\b(?:is|are|be)\s+(?:an?\s+)?(?<grade>(?:job\s+)?grade\s*#?\s*(?<n>\d+(?:\.\d+)?))(?![.,]?\d)(?![A-Za-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"\[(?<text>[^\[\]]{1,80})\]\(\(?(?<url>[^()\s]+)\)?\)?", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex TextLinkPattern();

    [GeneratedRegex(@"(?:^|[.!?:]\s+|\n)(?:the\s+)?(?<subject>[^.!?:\n]*?[^.!?:\s])\s+(?:is|are|can\s+be|will\s+be|would\s+be)\s+(?:an?\s+)?(?:job\s+)?(?:grade\s*#?\s*)?(?:level\s*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SubjectPattern();

    [GeneratedRegex(@"\G\s*#?(?<n>\d+(?:\.\d+)?)(?![.,]?\d)", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LeadingNumberPattern();
}
