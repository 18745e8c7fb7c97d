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
    /// through <paramref name="map"/> (0-based line and column of the text, as Markdig counts).
    /// </summary>
    public static string Expand(string pagePath, string text, SourceMap map, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!HugoShortcodeScanner.MayContain(text))
        {
            return text;
        }

        var (tags, unterminated) = HugoShortcodeScanner.Scan(text);
        var lines = new LineIndex(text);
        foreach (var at in unterminated)
        {
            diagnostics.Add(Diagnostic.Warning(
                HugoCodes.Unterminated,
                $"Hugo shortcode opening '{text.Substring(at, 3)}' is never closed; it is shown as text",
                lines.Locate(map, at),
                $"close it with '{(text[at + 2] == '<' ? ">}}" : "%}}")}', or write '{{{{' another way if it is not a shortcode"));
        }

        if (tags.Count == 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var copied = 0;
        foreach (var tag in tags)
        {
            output.Append(text, copied, tag.Start - copied);
            var written = text.Substring(tag.Start, tag.Length);
            output.Append(Replacement(tag, written, text, pagePath, lines.Locate(map, tag.Start), diagnostics));
            copied = tag.Start + tag.Length;
        }

        output.Append(text, copied, text.Length - copied);
        return output.ToString();
    }

    private static string Replacement(HugoShortcode tag, string written, string text, string pagePath, SourceLocation location, ICollection<Diagnostic> diagnostics)
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
            diagnostics.Add(Diagnostic.Warning(
                HugoCodes.Unsupported,
                $"Hugo shortcode '{(tag.Name.Length == 0 ? written : tag.Name)}' is not supported: it is left out of the page",
                location,
                "only 'ref' and 'relref' are run; other shortcodes are GitLab's Hugo theme's (a table of contents, an alert box): write the content as Markdown, or leave it out"));
            return Blank(written);
        }

        var target = tag.RefPath;
        var url = target is null ? null : HugoRef.Resolve(target, pagePath);
        if (url is null)
        {
            diagnostics.Add(Diagnostic.Error(
                HugoCodes.BadRef,
                target is null
                    ? $"Hugo '{tag.Name}' shortcode has no path"
                    : $"Hugo '{tag.Name}' path '{target}' leads outside the input folder",
                location,
                $"write the page's path from the input folder, e.g. {{{{< {tag.Name} \"/job-families/<department>/<family>\" >}}}}"));
            return Blank(written);
        }

        // Text right after the tag ("…>}}#anchor"): pad before, so the URL and that text stay one destination.
        var after = tag.Start + tag.Length;
        var textFollows = after < text.Length && !char.IsWhiteSpace(text[after]) && text[after] is not (')' or '"' or '\'' or '>');
        return Padded(url, written, before: textFollows);
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
