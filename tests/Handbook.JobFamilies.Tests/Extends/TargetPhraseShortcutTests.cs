namespace Handbook.JobFamilies.Tests.Extends;

using System.Text.RegularExpressions;
using CsCheck;
using Handbook.JobFamilies.Extends;

/// <summary>
/// Issue 9: <see cref="TargetPhrase.Split"/> skips the conjunction split when the statement has no links and the
/// alternatives split when the phrase has no " or ". On generated phrases (levels, titles, "and", "or", commas,
/// "either", "level", articles) with and without links it must give the parts and choice the full splits gave.
/// </summary>
public class TargetPhraseShortcutTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly HashSet<string> LevelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "intern", "junior", "jr", "jr.", "associate", "intermediate", "senior", "sr", "sr.", "staff", "principal",
        "distinguished", "fellow", "manager", "director", "vp", "avp", "svp", "evp", "vice", "president", "lead",
        "head", "group", "executive", "chief", "area",
    };

    private static readonly Regex Either = new(@"^\s*either\s+|(?<=\s)either\s+", Options);
    private static readonly Regex And = new(@"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?(?=\S)", Options);
    private static readonly Regex Or = new(@"\s*,?\s+or\s+(?:the\s+)?", Options);
    private static readonly Regex LevelSuffix = new(@"^(?<level>.+?)\s+level\s+(?<family>.+)$", Options);
    private static readonly Regex LeadingArticle = new(@"^(?:the|a|an)\s+", Options);

    private static readonly string[] Pieces =
    [
        "Senior", "Staff", "Director", "Manager", "Sales", "Operations", "Widget Analyst", "Customer Success", " ", " ", " ", "  ",
        " or ", " OR ", ", or ", " or the ", "or", " and ", " and the ", ", ", ",", "either ", "Either ", " level ", "the ", "a ", "\"",
        ".", ":", "Principal", "Vice President", "Backend Engineer",
    ];

    private static readonly string[] LinkTexts = ["Senior Manager", "Staff", "Widget Analyst", "Backend Engineer", "Sales Operations"];

    private static readonly string[] Joiners = [" and ", ", ", " and the ", ", and ", " or ", " AND "];

    private static readonly Gen<(string Phrase, TextLink[] Links)> Pieced =
        Gen.Select(
            Gen.Int[0, Pieces.Length - 1].Array[1, 10],
            Gen.Int[0, LinkTexts.Length - 1].Array[0, 3],
            (pieces, links) => (string.Concat(pieces.Select(p => Pieces[p])), links.Select(l => new TextLink(LinkTexts[l], "#" + l)).ToArray()));

    /// <summary>Link texts joined by "and" or commas, with those links (and sometimes one missing): the conjunction path.</summary>
    private static readonly Gen<(string Phrase, TextLink[] Links)> Linked =
        Gen.Select(
            Gen.Int[0, LinkTexts.Length - 1].Array[2, 4],
            Gen.Int[0, Joiners.Length - 1],
            Gen.Bool,
            (texts, joiner, dropOne) => (
                string.Join(Joiners[joiner], texts.Select(t => LinkTexts[t])),
                texts.Skip(dropOne ? 1 : 0).Select(t => new TextLink(LinkTexts[t], "#" + t)).ToArray()));

    private static readonly Gen<(string Phrase, TextLink[] Links)> Cases = Gen.OneOf(Pieced, Linked);

    [Fact]
    public void Given_generated_phrases_with_and_without_links_When_split_Then_the_parts_and_choice_are_the_full_splits()
    {
        Cases.Sample(
            c =>
            {
                var (parts, isChoice) = TargetPhrase.Split(c.Phrase, c.Links);
                var (oldParts, oldChoice) = OldSplit(c.Phrase, c.Links);
                return isChoice == oldChoice && parts.SequenceEqual(oldParts);
            },
            iter: 20_000);
    }

    [Fact]
    public void The_generated_phrases_take_every_path()
    {
        // Guards the oracle test against vacuity: conjunctions of links, alternatives and single targets all occur.
        var (conjunctions, choices, single) = (0, 0, 0);
        Cases.Sample(
            c =>
            {
                var (parts, isChoice) = OldSplit(c.Phrase, c.Links);
                _ = isChoice ? choices++ : parts.Count > 1 ? conjunctions++ : single++;
            },
            iter: 5_000,
            threads: 1);

        Assert.True(conjunctions > 20 && choices > 500 && single > 500, $"conjunctions {conjunctions}, choices {choices}, single {single}");
    }

    private static readonly Regex LevelAnd = new(@"\s+(?:and|&)\s+(?:the\s+)?", Options);

    /// <summary>The levels-sharing-a-family split, written out word by word.</summary>
    private static List<string>? SharedFamily(string p)
    {
        var parts = LevelAnd.Split(p).Select(x => x.Trim()).ToArray();
        if (parts.Length < 2 || parts.Any(x => x.Length == 0) || !parts[..^1].All(IsLevelOnly))
        {
            return null;
        }

        var words = parts[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var levelCount = 0;
        while (levelCount < words.Length && LevelWords.Contains(words[levelCount].TrimEnd(',')))
        {
            levelCount++;
            if (words[levelCount - 1].EndsWith(','))
            {
                break;
            }
        }

        if (levelCount == 0 || levelCount == words.Length)
        {
            return null;
        }

        var separator = words[levelCount - 1].EndsWith(',') ? ", " : " ";
        var family = string.Join(' ', words.Skip(levelCount));
        var result = parts[..^1].Select(level => Clean(level + separator + family)).ToList();
        result.Add(Clean(parts[^1]));
        return result;
    }

    /// <summary>The split as it was written before (the oracle), with hugo20b's shared-family split.</summary>
    private static (IReadOnlyList<string> Parts, bool IsChoice) OldSplit(string phrase, IReadOnlyList<TextLink> links)
    {
        var p = Either.Replace(phrase.Trim(), string.Empty);
        var conjunction = And.Split(p);
        if (conjunction.Length > 1 && conjunction.All(part => links.Any(l => ContainsLink(part, l.Text))))
        {
            return (conjunction.Select(Clean).ToList(), false);
        }

        // hugo20b: "Manager & Senior Manager, Widgets" – levels joined by "and"/"&" (no "or") share the last part's family words.
        if (!Or.IsMatch(p) && SharedFamily(p) is { } shared)
        {
            return (shared, false);
        }

        var alternatives = Or.Split(p).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (alternatives.Count < 2)
        {
            return ([Clean(p)], false);
        }

        var parts = new List<string>();
        for (var i = 0; i < alternatives.Count - 1; i++)
        {
            var commaParts = alternatives[i].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (commaParts.Length > 1 && commaParts.All(IsLevelOnly))
            {
                parts.AddRange(commaParts);
            }
            else
            {
                parts.Add(alternatives[i]);
            }
        }

        var last = alternatives[^1];
        var levelMatch = LevelSuffix.Match(last);
        if (levelMatch.Success)
        {
            var family = levelMatch.Groups["family"].Value.Trim();
            parts.Add(levelMatch.Groups["level"].Value.Trim());
            return (parts.Select(x => Clean(IsLevelOnly(x) ? x + " " + family : x)).ToList(), true);
        }

        var rest = RestAfterLevels(last);
        parts.Add(last);
        return (parts.Select(x => Clean(IsLevelOnly(x) && rest.Length > 0 ? x + " " + rest : x)).ToList(), true);
    }

    private static bool ContainsLink(string part, string linkText) =>
        linkText.Length > 0 &&
        (part.Contains(linkText, StringComparison.OrdinalIgnoreCase) ||
         (linkText.Contains(part.Trim(), StringComparison.OrdinalIgnoreCase) && part.Trim().Length * 2 >= linkText.Length));

    private static bool IsLevelOnly(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 3 && words.All(LevelWords.Contains);
    }

    private static string RestAfterLevels(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var i = 0;
        while (i < words.Length && LevelWords.Contains(words[i]))
        {
            i++;
        }

        return i == 0 || i == words.Length ? string.Empty : string.Join(' ', words[i..]);
    }

    private static string Clean(string s) => LeadingArticle.Replace(s.Trim().Trim('"', '\'', ',', ';', ':', '.').Trim(), string.Empty);
}
