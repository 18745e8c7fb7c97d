namespace Handbook.JobFamilies.Parsing;

using System.Text.RegularExpressions;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Limits;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Reads the YAML front matter of a page. Tolerates what real pages do (<c>--- </c> with trailing spaces, a heading
/// right after the closing line, a missing opening <c>---</c>) and reports problems at the file line they are on.
/// Never throws for bad input.
/// </summary>
public static partial class FrontMatterReader
{
    /// <summary>Keys that mark the first line of a page as front matter even without an opening <c>---</c>.</summary>
    private static readonly HashSet<string> KnownKeys =
    [
        "layout", "title", "description", "canonical_path", "extra_js", "manual_cookiebot", "grade_track", "redirect_from",
    ];

    public static FrontMatterResult Read(string path, string text)
    {
        var diagnostics = new List<Diagnostic>();
        text ??= string.Empty;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            // A byte order mark is not content (only columns on line 1 shift by one).
            text = text[1..];
        }

        // Markdig, editors and the line counts of diagnostics all end a line at \r\n, \n or a lone \r; give every
        // later pass one convention (\n) so a lone \r cannot shift line numbers between them. Line numbers stay.
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        var lines = new TextLines(text);
        if (ReadToml(path, lines, diagnostics) is { } toml)
        {
            return toml;
        }

        var block = FindBlock(path, lines, diagnostics);
        if (block is null)
        {
            return new FrontMatterResult(FrontMatter.None, text, diagnostics);
        }

        var (yamlFirst, yamlLast, lastBlanked) = block.Value;
        var yamlDiagnostics = new List<Diagnostic>();
        var frontMatter = ParseYaml(path, lines.Join(yamlFirst, yamlLast), yamlFirst + 1, lastBlanked + 2, yamlDiagnostics);
        if (yamlFirst == 1 && yamlDiagnostics.Exists(d => d.Code == "FM001") && RunsIntoPageText(lines, yamlLast) is { } run)
        {
            // The closing '---' is missing and a later '---' (a horizontal rule in the page) closed the block instead:
            // the YAML error is only a symptom, and the page text up to that rule would vanish. Read the block as
            // never closed.
            diagnostics.Add(Diagnostic.Error(
                "FM002",
                $"the front matter opened on line 1 is never closed: the '---' on line {yamlLast + 2} ends it only after page text (line {run.TextLine + 1})",
                new SourceLocation(path, 1, 1),
                $"add a line '---' after the last front matter line (line {run.LastKeyLine + 1})"));
            frontMatter = ParseYaml(path, lines.Join(1, run.LastKeyLine), 2, run.LastKeyLine + 2, diagnostics);
            return new FrontMatterResult(frontMatter, lines.BlankThrough(run.LastKeyLine), diagnostics);
        }

        diagnostics.AddRange(yamlDiagnostics);
        return new FrontMatterResult(frontMatter, lines.BlankThrough(lastBlanked), diagnostics);
    }

    /// <summary>
    /// Hugo also reads front matter in TOML between <c>+++</c> lines; GitLab's handbook writes YAML, and this build
    /// reads only YAML. A page copied from elsewhere with TOML front matter is FM007: its lines are not shown as page
    /// text, and its <c>title = "…"</c> is kept (otherwise a second, misleading FM010 "no title"). Null when the page
    /// does not start with <c>+++</c>.
    /// </summary>
    private static FrontMatterResult? ReadToml(string path, TextLines lines, List<Diagnostic> diagnostics)
    {
        if (lines[0].TrimEnd() != "+++")
        {
            return null;
        }

        var close = 1;
        while (lines.HasLine(close) && lines[close].TrimEnd() != "+++")
        {
            close++;
        }

        if (!lines.HasLine(close))
        {
            return null; // no closing '+++': not front matter at all, as in Hugo
        }

        string? title = null;
        for (var i = 1; i < close && title is null; i++)
        {
            var match = TomlTitle().Match(lines[i]);
            title = match.Success ? match.Groups["value"].Value : null;
        }

        diagnostics.Add(Diagnostic.Error(
            "FM007",
            $"the front matter is TOML (between '+++' lines, lines 1–{close + 1}): only YAML front matter is read",
            new SourceLocation(path, 1, 1),
            "write it as YAML between '---' lines: 'title = \"X\"' becomes 'title: \"X\"', 'weight = 30' becomes 'weight: 30'"));
        return new FrontMatterResult(new FrontMatter { Title = title, BodyStartLine = close + 2 }, lines.BlankThrough(close), diagnostics);
    }

    [GeneratedRegex(@"^title\s*=\s*""(?<value>[^""\\]*)""\s*$", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex TomlTitle();

    /// <summary>
    /// When the YAML-looking lines from line 2 end with a blank line before <paramref name="yamlLast"/> and a later
    /// line is neither blank, a YAML comment nor YAML-looking (prose), the 0-based last key line and that text line.
    /// (A broken value that goes on over several lines, such as an unclosed quote, has no blank line right after
    /// its key and stays an FM001.)
    /// </summary>
    private static (int LastKeyLine, int TextLine)? RunsIntoPageText(TextLines lines, int yamlLast)
    {
        var lastKey = LastYamlLikeLine(lines, 1);
        if (lastKey < 1 || lastKey + 1 > yamlLast || lines[lastKey + 1].Trim().Length > 0)
        {
            return null;
        }

        for (var i = lastKey + 1; i <= yamlLast; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && !line.StartsWith('#') && !YamlLikeLine().IsMatch(lines[i]))
            {
                return (lastKey, i);
            }
        }

        return null;
    }

    /// <summary>0-based first/last YAML line and the last line that belongs to the front matter, or null.</summary>
    private static (int YamlFirst, int YamlLast, int LastBlanked)? FindBlock(string path, TextLines lines, List<Diagnostic> diagnostics)
    {
        if (IsFence(lines[0]))
        {
            for (var i = 1; lines.HasLine(i); i++)
            {
                if (IsFence(lines[i]) || lines[i].TrimEnd() == "...")
                {
                    return (1, i - 1, i);
                }
            }

            var last = LastYamlLikeLine(lines, 1);
            diagnostics.Add(Diagnostic.Error(
                "FM002",
                "the front matter opened on line 1 is never closed",
                new SourceLocation(path, 1, 1),
                $"add a line '---' after the last front matter line (line {last + 1})"));
            return (1, last, last);
        }

        var match = KeyLine().Match(lines[0]);
        if (!match.Success || !KnownKeys.Contains(match.Groups["key"].Value))
        {
            return null;
        }

        var end = LastYamlLikeLine(lines, 0);
        var closed = lines.HasLine(end + 1) && IsFence(lines[end + 1]);
        diagnostics.Add(Diagnostic.Error(
            "FM003",
            "the page starts with front matter keys but has no opening '---'",
            new SourceLocation(path, 1, 1),
            "add '---' above line 1" + (closed ? string.Empty : $" and below line {end + 1}")));
        return (0, end, closed ? end + 1 : end);
    }

    /// <summary>The last line of the run of YAML-looking lines starting at <paramref name="first"/>.</summary>
    private static int LastYamlLikeLine(TextLines lines, int first)
    {
        var last = first - 1;
        for (var i = first; lines.HasLine(i) && YamlLikeLine().IsMatch(lines[i]); i++)
        {
            last = i;
        }

        return last;
    }

    /// <summary>
    /// After a YAML error the page is still built, so keep what can be read with certainty: single-line
    /// <c>title:</c> and <c>description:</c> values. Otherwise one broken key elsewhere would also cost the page its
    /// title and add a second, misleading error (no title).
    /// </summary>
    private static FrontMatter Salvage(string yaml, int bodyStartLine)
    {
        string? title = null;
        string? description = null;
        foreach (var line in yaml.Split('\n'))
        {
            // A key indented with a tab (FM001) is still a top-level key as the contributor meant it.
            var match = SalvageableLine().Match(TabbedKey().IsMatch(line) ? line.TrimStart(' ', '\t') : line);
            if (!match.Success)
            {
                continue;
            }

            var value = match.Groups["value"].Value.Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }
            else if (value.StartsWith('"') || value.StartsWith('\''))
            {
                continue; // a quoted value that goes on over several lines: not certain
            }

            if (match.Groups["key"].Value == "title")
            {
                title ??= value;
            }
            else
            {
                description ??= value;
            }
        }

        return new FrontMatter { Title = title, Description = description, BodyStartLine = bodyStartLine };
    }

    [GeneratedRegex(@"^(?<key>title|description):(?:[ \t]+(?<value>\S.*)|(?<value>[^\s:].*))$", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SalvageableLine();

    private static bool IsFence(string line) => line.TrimEnd() == "---";

    private static FrontMatter ParseYaml(string path, string yaml, int firstYamlLine, int bodyStartLine, List<Diagnostic> diagnostics)
    {
        var empty = new FrontMatter { BodyStartLine = bodyStartLine };
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return empty;
        }

        YamlNode? root;
        try
        {
            root = LoadRoot(yaml);
        }
        catch (YamlException) when (QuotedContinuationIndenter.Indent(yaml) is { } indented && TryLoadRoot(indented, out var retried))
        {
            // A quoted value continued on unindented lines: libyaml (GitLab's Ruby build) reads it, so do we.
            root = retried;
        }
        catch (YamlException e)
        {
            var index = ErrorLineIndex(yaml, e);
            var column = (int)Math.Max(e.Start.Column, 1);
            var tabbed = TabbedKeyLine(yaml);
            if (tabbed >= 0 && tabbed <= index)
            {
                // A key indented with a tab, where YamlDotNet stops later ("did not find expected <document end>").
                (index, column) = (tabbed, 1);
            }
            else if (GluedLineBefore(yaml, index) is { } glued)
            {
                // 'title:"X"' reads as one plain scalar that runs into the next key, where YamlDotNet stops: the
                // mistake is the line before.
                (index, column) = (glued, yaml.Split('\n')[glued].IndexOf(':', StringComparison.Ordinal) + 2);
            }

            diagnostics.Add(Diagnostic.Error(
                "FM001",
                "the front matter is not valid YAML: " + FirstSentence(e),
                new SourceLocation(path, firstYamlLine + index, column),
                YamlErrorHint(yaml, e, index, firstYamlLine)));
            return Salvage(yaml, bodyStartLine);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of a YamlException on some malformed input: its scanner an
            // InvalidOperationException (e.g. an indented unclosed flow sequence on the first line), its representation
            // model an ArgumentException ("the current event is of an unsupported type", found by the generated-pages
            // property test with seed fvaQkbhYbjy9). Neither carries a position, so the whole block is blamed.
            diagnostics.Add(Diagnostic.Error(
                "FM001",
                "the front matter is not valid YAML: " + e.Message,
                new SourceLocation(path, firstYamlLine, 1),
                "write one 'key: value' per line; close every '[' and '{' and quote values that contain ': '"));
            return Salvage(yaml, bodyStartLine);
        }

        if (root is null or YamlScalarNode { Value: null or "" })
        {
            return empty;
        }

        if (root is YamlScalarNode && NoSpaceAfterColon().Match(yaml.TrimEnd()) is { Success: true } gluedKey)
        {
            // 'title:"X"' alone is one plain scalar, not a key: the space after the colon is missing.
            diagnostics.Add(Diagnostic.Error(
                "FM004",
                "the front matter must be a list of 'key: value' lines: '" + gluedKey.Value + "' has no space after its colon",
                new SourceLocation(path, firstYamlLine, gluedKey.Groups["key"].Length + 2),
                $"put a space after the colon: '{gluedKey.Groups["key"].Value}: {gluedKey.Groups["value"].Value}'"));
            return Salvage(yaml, bodyStartLine);
        }

        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Add(Diagnostic.Error(
                "FM004",
                "the front matter must be a list of 'key: value' lines",
                LocationOf(path, root, firstYamlLine),
                "write it as 'title: \"…\"' lines"));
            return empty;
        }

        if (TabbedKeyLine(yaml) is var tab and >= 0)
        {
            // YamlDotNet reads a first key indented with a tab; libyaml and Hugo's YAML reader reject it ("found
            // character that cannot start any token"), so GitLab's build would fail on the page.
            diagnostics.Add(Diagnostic.Error(
                "FM001",
                "the front matter is not valid YAML: a key is indented with a tab",
                new SourceLocation(path, firstYamlLine + tab, 1),
                "indent with spaces, not a tab (a top-level key starts at the beginning of its line)"));
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var positions = new Dictionary<string, FrontMatterPosition>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? keyNode.ToString();
            values[key] = ToValue(valueNode);
            var at = LocationOf(path, valueNode is YamlScalarNode { Value: null or "" } ? keyNode : valueNode, firstYamlLine);
            positions[key] = new FrontMatterPosition(at.Line, at.Column);
        }

        if (values.TryGetValue(FrontMatter.WeightKey, out var weight) && weight is not null && !FrontMatter.TryParseWeight(weight, out _))
        {
            var at = positions[FrontMatter.WeightKey];
            diagnostics.Add(Diagnostic.Warning(
                "FM006",
                weight is string text
                    ? $"front matter 'weight: {text}' is not a number: the page is listed as if it had no weight (after the weighted pages, by title)"
                    : "front matter 'weight' is not a number: the page is listed as if it had no weight (after the weighted pages, by title)",
                new SourceLocation(path, at.Line, at.Column),
                "write a whole number, lighter first: 'weight: 30' (the level pages of a family go 10, 20, 30 … up the ladder)"));
        }

        return new FrontMatter
        {
            Title = ReadString(path, mapping, "title", firstYamlLine, diagnostics),
            Description = ReadString(path, mapping, "description", firstYamlLine, diagnostics),
            Layout = ReadString(path, mapping, "layout", firstYamlLine, diagnostics),
            CanonicalPath = ReadString(path, mapping, "canonical_path", firstYamlLine, diagnostics),
            ExtraJs = ReadList(path, mapping, "extra_js", firstYamlLine, diagnostics),
            Values = values,
            Positions = positions,
            BodyStartLine = bodyStartLine,
        };
    }

    private static YamlNode? LoadRoot(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static bool TryLoadRoot(string yaml, out YamlNode? root)
    {
        try
        {
            root = LoadRoot(yaml);
            return true;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            root = null;
            return false;
        }
    }

    private static string? ReadString(string path, YamlMappingNode mapping, string key, int firstYamlLine, List<Diagnostic> diagnostics)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            var value = scalar.Value?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        diagnostics.Add(Diagnostic.Error(
            "FM005",
            $"front matter key '{key}' must be a single text value",
            LocationOf(path, node, firstYamlLine),
            $"write it as {key}: \"…\""));
        return null;
    }

    private static IReadOnlyList<string> ReadList(string path, YamlMappingNode mapping, string key, int firstYamlLine, List<Diagnostic> diagnostics)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }

        switch (node)
        {
            case YamlScalarNode { Value: null or "" }:
                return [];
            case YamlScalarNode scalar:
                return [scalar.Value!.Trim()];
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                return sequence.Children.Cast<YamlScalarNode>()
                    .Select(c => c.Value?.Trim())
                    .Where(v => !string.IsNullOrEmpty(v))
                    .Select(v => v!)
                    .ToList();
            default:
                diagnostics.Add(Diagnostic.Error(
                    "FM005",
                    $"front matter key '{key}' must be a list of text values",
                    LocationOf(path, node, firstYamlLine),
                    $"write it as '{key}:' followed by lines '  - value'"));
                return [];
        }
    }

    /// <summary>Scalars stay strings (as written), sequences become lists, mappings dictionaries.</summary>
    private static object? ToValue(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => sequence.Children.Select(ToValue).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(
            kv => (kv.Key as YamlScalarNode)?.Value ?? kv.Key.ToString(),
            kv => ToValue(kv.Value),
            StringComparer.Ordinal),
        _ => null,
    };

    private static SourceLocation LocationOf(string path, YamlNode node, int firstYamlLine) =>
        new(path, firstYamlLine + (int)Math.Max(node.Start.Line - 1, 0), (int)Math.Max(node.Start.Column, 1));

    /// <summary>
    /// 0-based line of the YAML error. YamlDotNet marks a tab in indentation at the start of the enclosing mapping,
    /// so that case is looked up directly.
    /// </summary>
    private static int ErrorLineIndex(string yaml, YamlException e)
    {
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var lines = yaml.Split('\n');
            var tabbed = Array.FindIndex(lines, l => l.Length > 0 && char.IsWhiteSpace(l[0]) && l.TrimStart(' ').StartsWith('\t'));
            if (tabbed >= 0)
            {
                return tabbed;
            }
        }

        return (int)Math.Max(e.Start.Line - 1, 0);
    }

    /// <summary>
    /// The fix for the mistakes contributors make most, named for what they are (a key written twice, a tab, no space
    /// after the colon); otherwise the general advice.
    /// </summary>
    private static string YamlErrorHint(string yaml, YamlException e, int errorLineIndex, int firstYamlLine)
    {
        var lines = yaml.Split('\n');
        var message = FirstSentence(e);
        if (message.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            var key = message["Duplicate key".Length..].Trim();
            var first = Array.FindIndex(lines, l => KeyLine().Match(l) is { Success: true } m && m.Groups["key"].Value == key);
            return first >= 0 && first != errorLineIndex
                ? $"'{key}' is already set on line {firstYamlLine + first}: a key is written once, so delete one of the two lines"
                : $"'{key}' is set twice: a key is written once, so delete one of the two lines";
        }

        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) || TabbedKeyLine(yaml) == errorLineIndex)
        {
            return "indent with spaces, not a tab (a top-level key starts at the beginning of its line)";
        }

        if (errorLineIndex < lines.Length && NoSpaceAfterColon().Match(lines[errorLineIndex]) is { Success: true } glued)
        {
            return $"put a space after the colon: '{glued.Groups["key"].Value}: {glued.Groups["value"].Value}'";
        }

        return "write one 'key: value' per line; quote values that contain ': ' or start with a special character";
    }

    /// <summary>The 0-based first line that is a key indented with a tab (<c>\ttitle: …</c>); -1 when none.</summary>
    private static int TabbedKeyLine(string yaml) => Array.FindIndex(yaml.Split('\n'), l => TabbedKey().IsMatch(l));

    [GeneratedRegex(@"^ *\t[ \t]*[A-Za-z_][A-Za-z0-9_-]*:(\s|$)", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex TabbedKey();

    /// <summary>The 0-based line before <paramref name="errorLineIndex"/> when it is a key with no space after its colon and the error line is not.</summary>
    private static int? GluedLineBefore(string yaml, int errorLineIndex)
    {
        var lines = yaml.Split('\n');
        return errorLineIndex >= 1 && errorLineIndex < lines.Length
            && !NoSpaceAfterColon().IsMatch(lines[errorLineIndex]) && NoSpaceAfterColon().IsMatch(lines[errorLineIndex - 1])
                ? errorLineIndex - 1
                : null;
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_-]*):(?<value>[^\s:][^\n]*)$", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex NoSpaceAfterColon();

    private static string FirstSentence(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: 2, Col: 8, Idx: 20) - (…): "; the location is reported separately.
        var message = e.InnerException?.Message ?? e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return (marker >= 0 ? message[(marker + 3)..] : message).Trim();
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_-]*)\s*:(\s|$)", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex KeyLine();

    // A key line, an indented continuation, or a list item: what a front-matter block is made of.
    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_-]*\s*:(\s|$)|[ \t]+\S|-[ \t]|-$)", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex YamlLikeLine();
}
