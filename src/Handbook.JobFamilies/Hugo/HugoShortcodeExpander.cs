namespace Handbook.JobFamilies.Hugo;

using System.Text;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Runs the Hugo shortcodes of a page's text before it is parsed, as Hugo does: <c>ref</c>/<c>relref</c> become the
/// URL of the page they name (<see cref="HugoRef"/>), so <c>[X]({{&lt; ref "/job-families/sales/x" &gt;}})</c> is an
/// ordinary link the link check checks; an escaped tag becomes its text; any other shortcode is left out with a
/// warning (HUGO001) – its output is GitLab's theme's (tables of contents, alert boxes), and raw braces on the page
/// would be wrong. A paired shortcode's inner text stays.
/// </summary>
/// <remarks>
/// Positions: a replacement is padded with spaces to the tag's length (a URL padded after, or before when text
/// follows it directly, as in <c>{{&lt; ref "x" &gt;}}#anchor</c>; spaces around a link destination are allowed), and
/// line breaks inside a tag are kept, so every later diagnostic keeps its line and column. Only a URL longer than its
/// tag (a short relative ref in a deep folder) shifts the columns after it on that line.
/// </remarks>
public static class HugoShortcodeExpander
{
    /// <summary>
    /// <paramref name="text"/> with its shortcodes run (the same string when it has none); diagnostics located
    /// through <paramref name="map"/> (0-based line and column of the text, as Markdig counts). A ref is looked up among
    /// <paramref name="pages"/> (<see cref="HugoRef.Lookup"/>); without them (null) it is only resolved as a path
    /// (<see cref="HugoRef.Resolve"/>).
    /// </summary>
    public static string Expand(string pagePath, string text, SourceMap map, ICollection<Diagnostic> diagnostics, HugoPageIndex? pages = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!HugoShortcodeScanner.MayContain(text))
        {
            return text;
        }

        var (tags, faults) = HugoShortcodeScanner.Scan(text);
        var lines = new LineIndex(text);
        foreach (var fault in faults)
        {
            diagnostics.Add(FaultDiagnostic(fault, text, lines, map));
        }

        if (tags.Count == 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var copied = 0;
        var open = new List<(string Name, SourceLocation Location)>();
        foreach (var tag in tags)
        {
            output.Append(text, copied, tag.Start - copied);
            var written = text.Substring(tag.Start, tag.Length);
            copied = tag.Start + tag.Length;
            var location = lines.Locate(map, tag.Start);
            TrackPairs(tag, written, location, open, diagnostics);
            var replacement = Replacement(tag, written, text, pagePath, pages, location, diagnostics);
            if (replacement is null)
            {
                // A ref to no page of this site, a broken ref, a shortcode that is not run: the link's text stays,
                // without a link (an empty destination would be a link to this very page); anywhere else the tag goes.
                if (LinkUnwrapped(output, text, copied) is { } afterLink)
                {
                    copied = afterLink;
                }
                else
                {
                    output.Append(Blank(written));
                }

                continue;
            }

            output.Append(replacement);
        }

        output.Append(text, copied, text.Length - copied);
        return output.ToString();
    }

    /// <summary>
    /// HUGO003/HUGO006 for an opening that makes no tag. Located at the opening (the line the contributor edited), the
    /// message names the character that stopped it when that is elsewhere.
    /// </summary>
    private static Diagnostic FaultDiagnostic(HugoShortcodeFault fault, string text, LineIndex lines, SourceMap map)
    {
        var location = lines.Locate(map, fault.At);
        var opening = text.Substring(fault.At, 3);
        var closer = opening[2] == '<' ? ">}}" : "%}}";
        var what = fault.Name.Length > 0 ? $"Hugo shortcode '{fault.Name}'" : $"Hugo shortcode opening '{opening}'";
        var where = lines.Locate(map, fault.Where);
        var at = where.Line == location.Line ? $"column {where.Column}" : $"line {where.Line}, column {where.Column}";
        return fault.Kind switch
        {
            HugoShortcodeFaultKind.WrongCloser => Diagnostic.Warning(
                HugoCodes.Unterminated,
                $"{what} is closed with '}}}}' instead of '{closer}' ({at}); it is shown as text",
                location,
                $"write '{closer}' to close it (Hugo fails the build here)"),
            HugoShortcodeFaultKind.UnexpectedCharacter => Diagnostic.Warning(
                HugoCodes.Unterminated,
                $"{what} is not closed before '{text[fault.Where]}' ({at}); it is shown as text",
                location,
                text[fault.Where] == '\''
                    ? $"quote arguments with '\"', not '\'': {opening} ref \"/job-families/…\" {closer} (Hugo fails the build here)"
                    : $"close it with '{closer}' where the shortcode ends, or quote an argument that holds '{text[fault.Where]}' (Hugo fails the build here)"),
            HugoShortcodeFaultKind.UnclosedQuote => Diagnostic.Warning(
                HugoCodes.UnclosedQuote,
                $"{what} has an argument whose opening '{text[fault.Where]}' ({at}) is not closed before '{closer}'; it is shown as text",
                location,
                $"end the argument with '{text[fault.Where]}' too, as in {opening} ref \"/job-families/…\" {closer} (Hugo fails the build here)"),
            _ => Diagnostic.Warning(
                HugoCodes.Unterminated,
                $"Hugo shortcode opening '{opening}' is never closed; it is shown as text",
                location,
                $"close it with '{closer}', or write '{{{{' another way if it is not a shortcode"),
        };
    }

    /// <summary>
    /// Pairs closing tags with the shortcodes open before them, as Hugo does: a closing tag whose shortcode is not open
    /// (a typo in either name, or an opening deleted) is HUGO007 – Hugo fails the build on it; here it goes unseen.
    /// Shortcodes that take no closing tag stay on the list harmlessly: a closing tag pairs with the nearest open one
    /// of its name.
    /// </summary>
    private static void TrackPairs(HugoShortcode tag, string written, SourceLocation location, List<(string Name, SourceLocation Location)> open, ICollection<Diagnostic> diagnostics)
    {
        if (tag.Escaped is not null || (tag.IsRef && !tag.IsClosing))
        {
            return;
        }

        if (!tag.IsClosing)
        {
            open.Add((tag.Name, location));
            return;
        }

        var index = open.FindLastIndex(o => string.Equals(o.Name, tag.Name, StringComparison.Ordinal));
        if (index >= 0)
        {
            open.RemoveRange(index, open.Count - index);
            return;
        }

        var delimiter = written[2];
        var closer = delimiter == '<' ? ">}}" : "%}}";
        var last = open.Count > 0 ? open[^1] : default;
        diagnostics.Add(Diagnostic.Warning(
            HugoCodes.UnpairedClosing,
            last.Name is null
                ? $"Hugo closing shortcode '/{tag.Name}' closes nothing: no '{tag.Name}' is open before it"
                : $"Hugo closing shortcode '/{tag.Name}' closes nothing: the shortcode open before it is '{last.Name}' (line {last.Location.Line})",
            location,
            last.Name is null
                ? $"add the opening '{{{{{delimiter} {tag.Name} {closer}' where the part it closes starts, or delete the closing tag (Hugo fails the build here)"
                : $"write '{{{{{delimiter} /{last.Name} {closer}' if it closes '{last.Name}', or fix the name (Hugo fails the build here)"));
    }

    /// <summary>What the tag becomes; null for a ref that names no page of this site, a ref Hugo cannot run, or a shortcode that is not run (a link around it is taken apart).</summary>
    private static string? Replacement(HugoShortcode tag, string written, string text, string pagePath, HugoPageIndex? pages, SourceLocation location, ICollection<Diagnostic> diagnostics)
    {
        if (tag.Escaped is not null)
        {
            return Padded(tag.Escaped, written, before: false);
        }

        if (tag.IsClosing)
        {
            return Blank(written);
        }

        if (!tag.IsRef)
        {
            var nearRef = tag.Name.Length > 0 && tag.Name.Length <= 8
                ? new[] { "ref", "relref" }.FirstOrDefault(r => Text.DamerauLevenshtein.Distance(tag.Name.ToLowerInvariant(), r) <= (r.Length <= 3 ? 1 : 2))
                : null;
            diagnostics.Add(Diagnostic.Warning(
                HugoCodes.Unsupported,
                $"Hugo shortcode '{(tag.Name.Length == 0 ? written : tag.Name)}' is not supported: it is left out of the page",
                location,
                nearRef is not null
                    ? $"did you mean '{nearRef}'? Only 'ref' and 'relref' are run, and Hugo fails the build on a shortcode it does not know"
                    : "only 'ref' and 'relref' are run; other shortcodes are GitLab's Hugo theme's (a table of contents, an alert box): write the content as Markdown, or leave it out"));
            return null;
        }

        var target = tag.RefPath;
        var found = target is null
            ? HugoRefResolution.Of(HugoRefOutcome.Invalid)
            : pages is null
                ? HugoRefResolution.Of(HugoRefOutcome.Unchecked, HugoRef.Resolve(target, pagePath))
                : HugoRef.Lookup(target, pagePath, pages);
        if (found.Outcome == HugoRefOutcome.NotInInput)
        {
            var near = NearestFirst(found.Matches, pagePath);
            diagnostics.Add(Diagnostic.Warning(
                HugoCodes.NameNotInInput,
                $"Hugo '{tag.Name}' name '{target}' is no page of this site: Hugo looks it up in the whole handbook; the link is left out and its text stays",
                location,
                near is not null
                    ? $"did you mean {{{{< {tag.Name} \"{near.TrimEnd('/')}{AnchorOf(target ?? string.Empty)}\" >}}}}? A handbook page outside the job families is written from the handbook's root, {{{{< {tag.Name} \"/handbook/<folder>/{target}\" >}}}}"
                    : $"write the page's path from the handbook's root, e.g. {{{{< {tag.Name} \"/handbook/<folder>/{target}\" >}}}}, to keep the link"));
            return null;
        }

        if (found.Outcome == HugoRefOutcome.Ambiguous)
        {
            diagnostics.Add(Diagnostic.Error(
                HugoCodes.AmbiguousName,
                $"Hugo '{tag.Name}' name '{target}' is ambiguous: {found.Matches.Count} pages have it ({string.Join(", ", found.Matches)})",
                location,
                $"write the path of the one you mean, e.g. {{{{< {tag.Name} \"{found.Matches[0].TrimEnd('/')}\" >}}}} (Hugo fails the build here too)"));
            return null;
        }

        var url = found.Url;
        if (url is null)
        {
            diagnostics.Add(Diagnostic.Error(
                HugoCodes.BadRef,
                target is null
                    ? $"Hugo '{tag.Name}' shortcode has no path"
                    : $"Hugo '{tag.Name}' path '{target}' leads outside the input folder",
                location,
                $"write the page's path from the input folder, e.g. {{{{< {tag.Name} \"/job-families/<department>/<family>\" >}}}}"));
            return null;
        }

        // Text right after the tag ("…>}}#anchor"): pad before, so the URL and that text stay one destination.
        var after = tag.Start + tag.Length;
        var textFollows = after < text.Length && !char.IsWhiteSpace(text[after]) && text[after] is not (')' or '"' or '\'' or '>');
        return Padded(url, written, before: textFollows);
    }

    /// <summary>The suggestion among <paramref name="urls"/>: one in the page's own folder first (a sibling level page), else the first; null when none.</summary>
    private static string? NearestFirst(IReadOnlyList<string> urls, string pagePath)
    {
        if (urls.Count == 0)
        {
            return null;
        }

        var folder = HugoRef.Resolve("./x", pagePath) is { } sibling ? sibling[..^2] : null;
        return urls.FirstOrDefault(u => folder is not null && u.StartsWith(folder, StringComparison.OrdinalIgnoreCase)) ?? urls[0];
    }

    private static string AnchorOf(string target) =>
        target.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? target[hash..] : string.Empty;

    /// <summary>
    /// When the tag just appended up to is the destination of an inline link (<c>[text](TAG)</c>, also with
    /// <c>#anchor</c> or spaces after the tag), removes the link's <c>[</c> and <c>](</c> from <paramref name="output"/>
    /// and returns the offset in <paramref name="text"/> after its <c>)</c>: the text stays as text. Null (nothing
    /// changed) for any other place – a reference definition <c>[1]: TAG</c> then has no destination and stays text
    /// too. The link's characters are removed, not blanked: a space for '[' could make an indented line code.
    /// </summary>
    private static int? LinkUnwrapped(StringBuilder output, string text, int afterTag)
    {
        var end = afterTag;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('(' or ')' or '[' or ']'))
        {
            end++;
        }

        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        if (end >= text.Length || text[end] != ')')
        {
            return null;
        }

        var open = output.Length - 1;
        while (open >= 0 && output[open] is ' ' or '\t')
        {
            open--;
        }

        if (open < 1 || output[open] != '(' || output[open - 1] != ']' || IsEscaped(output, open - 1))
        {
            return null;
        }

        var depth = 0;
        for (var i = open - 2; i >= 0; i--)
        {
            if (output[i] == '\n' && FollowsBlankLine(output, i))
            {
                // A link never spans paragraphs: a '[' before the blank line is another paragraph's.
                return null;
            }

            if (output[i] is not ('[' or ']') || IsEscaped(output, i))
            {
                continue;
            }

            if (output[i] == ']')
            {
                depth++;
            }
            else if (depth > 0)
            {
                depth--;
            }
            else
            {
                output.Remove(open - 1, output.Length - (open - 1));
                output.Remove(i, 1);
                return end + 1;
            }
        }

        return null;
    }

    /// <summary>Whether the line that ends at the line break <paramref name="at"/> is blank (only spaces or tabs).</summary>
    private static bool FollowsBlankLine(StringBuilder output, int at)
    {
        var i = at - 1;
        while (i >= 0 && output[i] is ' ' or '\t' or '\r')
        {
            i--;
        }

        return i < 0 || output[i] == '\n';
    }

    private static bool IsEscaped(StringBuilder output, int at)
    {
        var backslashes = 0;
        for (var i = at - 1; i >= 0 && output[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    /// <summary><paramref name="value"/> with spaces to the length of <paramref name="written"/>, keeping its line breaks.</summary>
    private static string Padded(string value, string written, bool before)
    {
        if (written.Contains('\n', StringComparison.Ordinal))
        {
            var blank = Blank(written);
            var firstLine = blank.IndexOf('\n', StringComparison.Ordinal);
            return value + blank[Math.Min(value.Length, firstLine)..];
        }

        if (value.Length >= written.Length)
        {
            return value;
        }

        var padding = new string(' ', written.Length - value.Length);
        return before ? padding + value : value + padding;
    }

    /// <summary>Spaces for every character but line breaks.</summary>
    private static string Blank(string written) =>
        string.Create(written.Length, written, static (span, w) =>
        {
            for (var i = 0; i < w.Length; i++)
            {
                span[i] = w[i] is '\n' or '\r' ? w[i] : ' ';
            }
        });

    /// <summary>0-based line and column of an offset.</summary>
    private sealed class LineIndex(string text)
    {
        private readonly List<int> _starts = Starts(text);

        public SourceLocation Locate(SourceMap map, int offset)
        {
            var index = _starts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return map.Locate(line, offset - _starts[line]);
        }

        private static List<int> Starts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }
    }
}
