namespace Handbook.Site.Tests.Reliability;

using System.Text.RegularExpressions;
using Handbook.JobFamilies.Hugo;
using Handbook.JobFamilies.Parsing;
using Mistake = MistakeCatalogueRun.Mistake;

/// <summary>
/// The mistakes a contributor makes in a Hugo-era page (GitLab's handbook since 2023): shortcodes written wrong, a
/// level page's front matter, refs to level pages. Each is an edit that works on any page, made at the first place
/// where it fits; a shortcode mistake is a line the contributor adds (a link to another page, an alert box) after
/// the page's first heading, in our own words.
/// </summary>
public static partial class HugoContributorMistakes
{
    internal static IReadOnlyList<Mistake> All { get; } =
    [
        new("ref closed with '}}' instead of '>}}'", ["HUGO003"], (_, t, _) => AddLine(t, "- See the [family page]({{< ref \"/job-families\" }}) for what every level shares")),
        new("ref whose closing quote is missing", ["HUGO006"], (_, t, _) => AddLine(t, "- See the [family page]({{< ref \"/job-families >}}) for what every level shares")),
        new("ref path in single quotes", ["HUGO003"], (_, t, _) => AddLine(t, "- See the [family page]({{< ref '/job-families' >}}) for what every level shares")),
        new("ref misspelt 'reff'", ["HUGO001"], (_, t, _) => AddLine(t, "- See the [family page]({{< reff \"/job-families\" >}}) for what every level shares")),
        new("ref with no path", ["HUGO002"], (_, t, _) => AddLine(t, "- See the [family page]({{< ref >}}) for what every level shares")),
        new("theme shortcode misspelt", ["HUGO001"], (_, t, _) => AddLine(t, "{{< section-inline-tok >}}")),
        new("alert closed as another shortcode", ["HUGO007"], (_, t, _) => AddLine(t, "{{% alert %}}Applications close on Friday.{{% /note %}}")),
        new("closing shortcode with nothing open", ["HUGO007"], (_, t, _) => AddLine(t, "Applications close on Friday.{{% /alert %}}")),
        new("bare ref to a sibling level page, misspelt", ["HUGO005"], (r, t, urls) => RefToSibling(r, t, urls, bare: true)),
        new("ref path to a level page, misspelt", ["LINK001"], (r, t, urls) => RefToSibling(r, t, urls, bare: false)),
        new("bare ref name two pages have", ["HUGO004"], (r, t, urls) => AmbiguousRef(r, t, urls)),
        new("weight written as a word", ["FM006"], (_, t, _) => ReplaceWeight(t, m => "weight: thirty"), ReadsFrontMatterKeys: true),
        new("weight written twice", ["FM001"], (_, t, _) => ReplaceWeight(t, m => m.Value + "\nweight: 40", secondLine: true), ReadsFrontMatterKeys: true),
        new("title with no space after its colon", ["FM001", "FM004"], (_, t, _) => GlueTitle(t), ReadsFrontMatterKeys: true),
        new("front matter written in TOML", ["FM007"], (_, t, _) => ToToml(t), ReadsFrontMatterKeys: true),
    ];

    /// <summary>The line added after the page's first heading (after a blank line), as the edit's line.</summary>
    private static MistakeEdit? AddLine(string text, string line)
    {
        var heading = Heading().Match(text);
        if (!heading.Success)
        {
            return null;
        }

        var at = heading.Index + heading.Length + 1;
        var lineNumber = ContributorMistakes.LineOf(text, at) + 1;
        return new MistakeEdit(text[..at] + "\n" + line + "\n" + text[at..], lineNumber, LinesAdded: 2, ShiftFrom: lineNumber - 1);
    }

    /// <summary>A ref to another page of the page's own folder (a sibling level page, or the family page) with its last letter dropped.</summary>
    private static MistakeEdit? RefToSibling(string relative, string text, IReadOnlySet<string> urls, bool bare)
    {
        if (!FamilyPath.TryParse(relative, out var self) || HugoRef.Resolve("./x", relative) is not { } sibling)
        {
            return null;
        }

        var folder = sibling[..^2];
        var target = urls.Where(u => u != self.Url && u.StartsWith(folder, StringComparison.Ordinal) && u.Length > folder.Length && u[folder.Length..].TrimEnd('/').IndexOf('/', StringComparison.Ordinal) < 0)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (target is null)
        {
            return null;
        }

        var misspelt = target.TrimEnd('/')[..^1];
        var name = misspelt[(misspelt.LastIndexOf('/') + 1)..];
        if (urls.Any(u => u.TrimEnd('/').EndsWith("/" + name, StringComparison.OrdinalIgnoreCase)))
        {
            return null; // the misspelling is another page's name
        }

        return AddLine(text, $"- Compare with the [next level]({{{{< relref \"{(bare ? name : misspelt)}\" >}}}}) before applying");
    }

    /// <summary>A bare ref name that two pages have, from a page with none of them beside it.</summary>
    private static MistakeEdit? AmbiguousRef(string relative, string text, IReadOnlySet<string> urls)
    {
        var shared = urls.GroupBy(u => u.TrimEnd('/')[(u.TrimEnd('/').LastIndexOf('/') + 1)..], StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() >= 2)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (shared is null || HugoRef.Resolve(shared, relative) is not { } beside || urls.Contains(beside) || urls.Contains(FamilyPath.UrlOf(shared)))
        {
            return null;
        }

        return AddLine(text, $"- Compare with the [{shared} level]({{{{< ref \"{shared}\" >}}}}) before applying");
    }

    private static MistakeEdit? ReplaceWeight(string text, Func<Match, string> replace, bool secondLine = false)
    {
        var weight = Weight().Match(text);
        if (!weight.Success)
        {
            return null;
        }

        var line = ContributorMistakes.LineOf(text, weight.Index);
        var replaced = text[..weight.Index] + replace(weight) + text[(weight.Index + weight.Length)..];
        return secondLine
            ? new MistakeEdit(replaced, line + 1, LinesAdded: 1, ShiftFrom: line + 1)
            : new MistakeEdit(replaced, line);
    }

    private static MistakeEdit? GlueTitle(string text)
    {
        var title = Title().Match(text);
        return title.Success
            ? new MistakeEdit(text[..title.Index] + "title:" + title.Groups["value"].Value + text[(title.Index + title.Length)..], ContributorMistakes.LineOf(text, title.Index))
            : null;
    }

    /// <summary>The front matter's '---' lines as '+++' and its 'key: value' lines as 'key = value' (pages with only such lines).</summary>
    private static MistakeEdit? ToToml(string text)
    {
        var block = FrontMatterBlock().Match(text);
        if (!block.Success)
        {
            return null;
        }

        var lines = block.Groups["body"].Value.TrimEnd('\n').Split('\n');
        if (!lines.All(l => SimpleKey().IsMatch(l)))
        {
            return null;
        }

        var toml = lines.Select(l => SimpleKey().Replace(l, m => m.Groups["key"].Value + " = " + Quoted(m.Groups["value"].Value)));
        return new MistakeEdit("+++\n" + string.Join('\n', toml) + "\n+++\n" + text[block.Length..], 1);
    }

    private static string Quoted(string value) =>
        value.StartsWith('"') || int.TryParse(value, out _) ? value : "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^#{1,6}[ \t]+\S[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<=\A---\n(?:[^\n]*\n)*?)^weight:[ \t]*\d+[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Weight();

    [GeneratedRegex(@"(?<=\A---\n(?:[^\n]*\n)*?)^title:[ \t]+(?<value>""[^""\n]+"")[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Title();

    [GeneratedRegex(@"\A---\n(?<body>(?:(?!---)[^\n]*\n)*?)---\n")]
    private static partial Regex FrontMatterBlock();

    [GeneratedRegex(@"^(?<key>[a-z_]+):[ \t]+(?<value>\S[^\n]*?)[ \t]*$")]
    private static partial Regex SimpleKey();
}
