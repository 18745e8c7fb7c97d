namespace Handbook.Site.Tests.Reliability;

using System.Text.RegularExpressions;
using Handbook.JobFamilies.Markdown;

/// <summary>
/// One realistic edit a contributor makes by mistake: <see cref="Apply"/> makes it at the first place of a page where
/// it fits (null when the page has no such place), given the page's text and the URLs of the site's pages (so a
/// broken link is made from a link that works). The build must answer with one of <see cref="Codes"/> at the line of
/// the edit.
/// </summary>
/// <param name="ReadsFrontMatterKeys">The mistake is a front matter key the build must read: pages whose front matter
/// is already broken (FM001–FM003 before the edit) cannot show it and are skipped.</param>
public sealed record ContributorMistake(string Name, IReadOnlyList<string> Codes, Func<string, IReadOnlySet<string>, MistakeEdit?> Apply, bool ReadsFrontMatterKeys = false);

/// <summary>
/// The page after a mistake: the 1-based <see cref="Line"/> the diagnostic belongs on, and how the lines of the
/// unedited page moved (<see cref="LinesAdded"/>, negative when removed, for lines from <see cref="ShiftFrom"/> on),
/// so the unedited build's diagnostics can be matched to the edited page.
/// </summary>
public sealed record MistakeEdit(string Text, int Line, int LinesAdded = 0, int ShiftFrom = int.MaxValue)
{
    /// <summary>Where a diagnostic of the unedited page at <paramref name="line"/> sits in the edited page.</summary>
    public int Shift(int line) => line >= ShiftFrom ? line + LinesAdded : line;
}

/// <summary>
/// The catalogue: mistakes seen in merge requests to job-family pages, written as edits that work on any page. Each
/// edit is deterministic (the first place that fits), so the table of results is stable.
/// </summary>
public static partial class ContributorMistakes
{
    public static IReadOnlyList<ContributorMistake> All { get; } =
    [
        new("grade link changed to grade 13 (not in the table)", ["GRADE001"], (t, _) => ReplaceGroup(t, GradeLink(), "number", "13")),
        new("grade link changed to grade 9.5 (dropped grade)", ["GRADE001"], (t, _) => ReplaceGroup(t, GradeLink(), "number", "9.5")),
        new("grade link changed to '7a'", ["GRADE001"], (t, _) => ReplaceGroup(t, GradeLink(), "number", "7a")),
        new("grade link's number removed", ["GRADE002"], (t, _) => ReplaceGroup(t, GradeLink(), "space", string.Empty, removeNumberToo: true)),
        new("grade link with a doubled '(('", ["GRADE008"], (t, _) => ReplaceGroup(t, GradeLink(), "open", "((")),
        new("grade link written as a range of grades", ["GRADE009"], (t, _) => ReplaceGroup(t, GradeLink(), "number", null, suffix: "-20")),
        new("grade_track with a typo", ["GRADE007"], (t, _) => AddGradeTrackTypo(t), ReadsFrontMatterKeys: true),
        new("in-page anchor with its last letter missing", ["LINK004"], (t, _) => ReplaceGroup(t, InPageAnchor(), "last", string.Empty)),
        new("link to a job family that does not exist", ["LINK001"], (t, urls) => BreakFamilyLink(t, urls, "last", string.Empty)),
        new("job-family link in the wrong letter case", ["LINK003"], (t, urls) => BreakFamilyLink(t, urls, "first", null)),
        new("web link without https://", ["LINK007"], (t, _) => ReplaceGroup(t, WebLink(), "scheme", string.Empty)),
        new("extends link naming a level that does not exist", ["EXTENDS001"], (t, _) => ReplaceGroup(t, ExtendsLink(), "link", "[Principal Gadget Wrangler](#principal-gadget-wrangler)")),
        new("extends sentence naming a level that does not exist", ["EXTENDS001"], (t, _) => ReplaceGroup(t, ExtendsThatOf(), "name", "Principal Gadget Wrangler")),
        new("extends verb misspelt 'Exends'", ["EXTENDS004"], (t, _) => ReplaceGroup(t, ExtendsVerb(), "verb", "Exends")),
        new("level heading renamed under an extends link", ["EXTENDS001", "LINK004"], (t, _) => RenameExtendedHeading(t)),
        new("level heading written twice", ["MD006"], (t, _) => DuplicateFirstLevel(t)),
        new("section heading misspelt", ["MD002"], (t, _) => ReplaceGroup(t, ResponsibilitiesHeading(), "word", "Responsibilties")),
        new("code fence never closed", ["MD007"], (t, _) => InsertAfterFirstSubheading(t, "```\n")),
        new("<script> pasted into the page", ["HTML001"], (t, _) => InsertAfterFirstSubheading(t, "<script>alert('hi')</script>\n")),
        new("front matter indented with a tab", ["FM001"], (t, _) => ReplaceGroup(t, FrontMatterTitle(), "key", "\ttitle")),
        new("front matter title with an unclosed quote", ["FM001"], (t, _) => ReplaceGroup(t, FrontMatterTitle(), "value", null, unclosedQuote: true)),
        new("front matter closing '---' deleted", ["FM002"], (t, _) => DeleteFrontMatterClose(t)),
        new("ERB tag without '%>'", ["ERB006"], (t, _) => ReplaceGroup(t, ErbClose(), "close", string.Empty)),
        new("partial() naming a missing partial", ["ERB002"], (t, _) => ReplaceGroup(t, PartialName(), "name", null, suffix: "_old")),
    ];

    /// <summary>Line (1-based) of <paramref name="index"/> in <paramref name="text"/>.</summary>
    public static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    private static MistakeEdit? ReplaceGroup(string text, Regex pattern, string group, string? replacement, bool removeNumberToo = false, bool upper = false, bool unclosedQuote = false, string? suffix = null)
    {
        var match = pattern.Match(text);
        return match.Success ? ReplaceGroup(text, match, group, replacement, removeNumberToo, upper, unclosedQuote, suffix) : null;
    }

    private static MistakeEdit ReplaceGroup(string text, Match match, string group, string? replacement, bool removeNumberToo = false, bool upper = false, bool unclosedQuote = false, string? suffix = null)
    {

        var target = match.Groups[group];
        var start = target.Index;
        var end = target.Index + target.Length;
        if (removeNumberToo)
        {
            end = match.Groups["number"].Index + match.Groups["number"].Length;
        }

        var value = replacement
            ?? (upper ? char.ToUpperInvariant(target.Value[0]) + target.Value[1..]
            : unclosedQuote ? "\"" + target.Value.Trim('"', '\'')
            : target.Value + suffix);
        return new MistakeEdit(text[..start] + value + text[end..], LineOf(text, start));
    }

    /// <summary>Breaks the first link to a page the site has (links to pages it lacks are reported already).</summary>
    private static MistakeEdit? BreakFamilyLink(string text, IReadOnlySet<string> urls, string group, string? replacement)
    {
        foreach (Match link in FamilyLink().Matches(text))
        {
            if (urls.Contains(link.Groups["url"].Value.TrimEnd('/') + "/"))
            {
                return ReplaceGroup(text, link, group, replacement, upper: replacement is null);
            }
        }

        return null;
    }

    private static MistakeEdit? InsertAfterFirstSubheading(string text, string inserted)
    {
        var heading = SubHeading().Match(text);
        if (!heading.Success)
        {
            return null;
        }

        var at = heading.Index + heading.Length + 1;
        var line = LineOf(text, at) + 1;
        return new MistakeEdit(text[..at] + "\n" + inserted + text[at..], line, LinesAdded: 1 + LineCount(inserted), ShiftFrom: line - 1);
    }

    private static MistakeEdit? DuplicateFirstLevel(string text)
    {
        var levels = LevelsHeading().Match(text);
        if (!levels.Success)
        {
            return null;
        }

        var level = SubHeading().Match(text, levels.Index + levels.Length);
        if (!level.Success || level.Groups["hashes"].Length <= levels.Groups["hashes"].Length || SectionWord().IsMatch(level.Value))
        {
            return null;
        }

        // The heading pasted again above itself: the original becomes the second one, two lines further down.
        var line = LineOf(text, level.Index);
        return new MistakeEdit(text[..level.Index] + level.Value + "\n\n" + text[level.Index..], line + 2, LinesAdded: 2, ShiftFrom: line);
    }

    private static MistakeEdit? RenameExtendedHeading(string text)
    {
        foreach (Match statement in ExtendsLink().Matches(text))
        {
            var name = statement.Groups["name"].Value.Trim();
            if (KramdownIds.Generate(name) != statement.Groups["anchor"].Value)
            {
                continue;
            }

            var heading = Regex.Match(text, @"^(#{2,6})[ \t]+" + Regex.Escape(name) + @"[ \t]*$", RegexOptions.Multiline);
            if (!heading.Success)
            {
                continue;
            }

            var at = heading.Index + heading.Length;
            return new MistakeEdit(text[..at] + " (Gadgets)" + text[at..], LineOf(text, statement.Index));
        }

        return null;
    }

    private static MistakeEdit? AddGradeTrackTypo(string text)
    {
        var title = FrontMatterTitle().Match(text);
        if (!title.Success)
        {
            return null;
        }

        // GRADE007 belongs on the added line (the front matter keeps where each key's value is written).
        var at = title.Index + title.Length + 1;
        var line = LineOf(text, at);
        return new MistakeEdit(text[..at] + "grade_track: sale\n" + text[at..], line, LinesAdded: 1, ShiftFrom: line);
    }

    private static MistakeEdit? DeleteFrontMatterClose(string text)
    {
        var close = FrontMatterClose().Match(text);
        if (!text.StartsWith("---\n", StringComparison.Ordinal) || !close.Success)
        {
            return null;
        }

        var line = LineOf(text, close.Index);
        return new MistakeEdit(text[..close.Index] + text[(close.Index + close.Length)..], 1, LinesAdded: -1, ShiftFrom: line + 1);
    }

    private static int LineCount(string text) => text.Count(c => c == '\n');

    // "[grade 7](…/compensation-calculator/…)": the number, the space before it, and the link's "(".
    [GeneratedRegex(@"\[[Gg]rade(?<space> )(?<number>\d+(?:\.\d)?)\](?<open>\()[^)\s]*compensation-calculator")]
    private static partial Regex GradeLink();

    [GeneratedRegex(@"\]\(#[a-z0-9-]{3,}(?<last>[a-z0-9])\)")]
    private static partial Regex InPageAnchor();

    [GeneratedRegex(@"\]\((?:https://(?:about|handbook)\.gitlab\.com)?(?<url>/job-families/(?<first>[a-z])[a-z0-9-]*/(?:[a-z0-9-]+/)*[a-z0-9-]{2,}(?<last>[a-z0-9])/?)\)")]
    private static partial Regex FamilyLink();

    [GeneratedRegex(@"\]\((?<scheme>https://)www\.")]
    private static partial Regex WebLink();

    [GeneratedRegex(@"\bextends (?:the )?(?<link>\[(?<name>[^\]\n]+)\]\(#(?<anchor>[^)\s]+)\))", RegexOptions.IgnoreCase)]
    private static partial Regex ExtendsLink();

    [GeneratedRegex(@"^[*-] Extends that of (?:the |an? )?(?<name>[A-Z][^\n]*?) (?:responsibilities|requirements)\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ExtendsThatOf();

    [GeneratedRegex(@"^[*-] (?<verb>Extends) that of\b", RegexOptions.Multiline)]
    private static partial Regex ExtendsVerb();

    [GeneratedRegex(@"^#{2,6}[ \t]+(?:[^\n]*[ \t])?(?<word>Responsibilities)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ResponsibilitiesHeading();

    [GeneratedRegex(@"^(?<hashes>#{2,6})[ \t]+\S[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex SubHeading();

    // A heading under "Levels" that is a section of the page, not a level.
    [GeneratedRegex(@"Job Grade|Responsibilit|Requirement|Performance Indicator|Specialt|Career Ladder|Hiring", RegexOptions.IgnoreCase)]
    private static partial Regex SectionWord();

    [GeneratedRegex(@"^(?<hashes>#{2,6})[ \t]+Levels[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex LevelsHeading();

    [GeneratedRegex(@"\A---\n(?:(?!---)[^\n]*\n)*?(?<key>title):[ \t]*(?<value>[^\n]+)$", RegexOptions.Multiline)]
    private static partial Regex FrontMatterTitle();

    [GeneratedRegex(@"(?<=\A---\n(?:[^\n]*\n)*?)---[ \t]*\n")]
    private static partial Regex FrontMatterClose();

    [GeneratedRegex(@"<%=?[^%\n]*?(?<close>%>)")]
    private static partial Regex ErbClose();

    [GeneratedRegex(@"partial\(\s*[""'](?<name>[^""']+)")]
    private static partial Regex PartialName();
}
