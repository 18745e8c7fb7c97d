namespace Handbook.JobFamilies.Redirects;

using System.Text.RegularExpressions;
using Handbook.JobFamilies.Text;
using Handbook.Pipeline.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Reads <c>data/redirects.yml</c> (GitLab's format: a list of <c>{sources, target, comp_op}</c>) from text. Reads
/// the YAML node tree so every problem is reported at its own line and one bad entry does not hide the rest. Never
/// throws for bad input: problems become REDIR0xx diagnostics and the valid entries are kept.
/// </summary>
public static class RedirectDataReader
{
    private static readonly string[] EntryKeys = ["sources", "target", "comp_op"];

    /// <summary>A pattern gets this long to match one path; GitLab's patterns are plain, so only a pathological one hits it.</summary>
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    public static RedirectTable Read(string path, string yaml, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Diagnostic.Error(RedirectCodes.InvalidFile, "YAML syntax error: " + FirstLine(ex.Message), At(path, ex.Start), "check the indentation and quoting on this line; no redirect is used until it is fixed"));
            return RedirectTable.Empty;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner fails this way on some malformed plain scalars instead of raising a YamlException.
            diagnostics.Add(Diagnostic.Error(RedirectCodes.InvalidFile, "YAML syntax error: the file could not be read as YAML", new SourceLocation(path, 1, 1), "check for stray brackets, colons and tabs"));
            return RedirectTable.Empty;
        }

        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
        {
            return RedirectTable.Empty;
        }

        if (stream.Documents[0].RootNode is not YamlSequenceNode root)
        {
            diagnostics.Add(Diagnostic.Error(RedirectCodes.InvalidFile, "the redirect data must be a list of entries", At(path, stream.Documents[0].RootNode.Start), "- sources: /job-families/old-name/\n    target: /job-families/new-name/\n    comp_op: '='"));
            return RedirectTable.Empty;
        }

        var entries = new List<RedirectEntry>();
        // Key: match kind and path without trailing slash; value: the first source and the line of its entry.
        // "/a" and "/a/" in one entry are the usual way to write one redirect, so only earlier entries count.
        var seen = new Dictionary<(RedirectMatch, string), (RedirectSource Source, int EntryLine)>();
        foreach (var node in root.Children)
        {
            if (ReadEntry(path, node, diagnostics) is not { } entry)
            {
                continue;
            }

            foreach (var source in entry.Sources)
            {
                var key = (entry.Match, RedirectEntry.TrimSlash(source.Path));
                if (!seen.TryGetValue(key, out var first))
                {
                    seen[key] = (source, entry.Line);
                }
                else if (first.EntryLine != entry.Line)
                {
                    diagnostics.Add(Diagnostic.Warning(
                        RedirectCodes.DuplicateSource,
                        $"source '{source.Path}' is already redirected on line {first.Source.Line}; that entry wins",
                        new SourceLocation(path, source.Line, source.Column),
                        "remove one of the two entries"));
                }
            }

            entries.Add(entry);
        }

        return new RedirectTable(entries);
    }

    private static RedirectEntry? ReadEntry(string path, YamlNode node, ICollection<Diagnostic> diagnostics)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Add(Diagnostic.Error(RedirectCodes.BadEntry, "a redirect entry must be a mapping with sources, target and comp_op", At(path, node.Start), "- sources: /job-families/old-name/\n    target: /job-families/new-name/\n    comp_op: '='"));
            return null;
        }

        YamlNode? sourcesNode = null, targetNode = null, operatorNode = null;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            switch (key)
            {
                case "sources":
                    sourcesNode = value;
                    break;
                case "target":
                    targetNode = value;
                    break;
                case "comp_op":
                    operatorNode = value;
                    break;
                default:
                    var nearest = EntryKeys.MinBy(k => DamerauLevenshtein.Distance(k, key));
                    var hint = nearest is not null && DamerauLevenshtein.Distance(nearest, key) <= 2 ? $"did you mean '{nearest}'?" : "known keys: sources, target, comp_op";
                    diagnostics.Add(Diagnostic.Warning(RedirectCodes.UnknownKey, $"unknown key '{key}' in a redirect entry is ignored", At(path, keyNode.Start), hint));
                    break;
            }
        }

        if (sourcesNode is null || targetNode is null)
        {
            var missing = sourcesNode is null ? "sources" : "target";
            diagnostics.Add(Diagnostic.Error(RedirectCodes.BadEntry, $"redirect entry without '{missing}' is skipped", At(path, mapping.Start), $"add '{missing}:' to the entry"));
            return null;
        }

        if (!TryReadMatch(path, operatorNode, mapping, diagnostics, out var match))
        {
            return null;
        }

        var target = ReadTarget(path, targetNode, diagnostics);
        var sources = ReadSources(path, sourcesNode, match, diagnostics, out var patterns);
        if (target is null || sources.Count == 0)
        {
            return null;
        }

        return new RedirectEntry(sources, target, match, (int)mapping.Start.Line, (int)mapping.Start.Column)
        {
            TargetLine = (int)targetNode.Start.Line,
            TargetColumn = (int)targetNode.Start.Column,
            Patterns = patterns,
        };
    }

    private static bool TryReadMatch(string path, YamlNode? node, YamlMappingNode entry, ICollection<Diagnostic> diagnostics, out RedirectMatch match)
    {
        match = RedirectMatch.Exact;
        if (node is null)
        {
            return true; // GitLab's file always says it; '=' is what a missing operator means to nginx too.
        }

        switch ((node as YamlScalarNode)?.Value?.Trim())
        {
            case "=":
                return true;
            case "^~":
                match = RedirectMatch.Prefix;
                return true;
            case "~":
                match = RedirectMatch.Pattern;
                return true;
            default:
                diagnostics.Add(Diagnostic.Error(
                    RedirectCodes.UnknownOperator,
                    $"comp_op '{Shown(node)}' is not one of '=', '^~', '~'; the entry on line {entry.Start.Line} is skipped",
                    At(path, node.Start),
                    "'=' matches the path exactly, '^~' the path and everything below it, '~' a regular expression"));
                return false;
        }
    }

    private static string? ReadTarget(string path, YamlNode node, ICollection<Diagnostic> diagnostics)
    {
        var text = (node as YamlScalarNode)?.Value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Any(char.IsWhiteSpace))
        {
            diagnostics.Add(Diagnostic.Error(RedirectCodes.BadEntry, $"target must be one path or URL, not '{Shown(node)}'; the entry is skipped", At(path, node.Start), "for example target: /job-families/new-name/"));
            return null;
        }

        if (text.StartsWith('/') || IsAbsoluteHttpUrl(text))
        {
            return text;
        }

        diagnostics.Add(Diagnostic.Warning(RedirectCodes.NotRooted, $"target '{text}' does not start with '/'; '/{text}' is used", At(path, node.Start), $"write target: /{text}"));
        return "/" + text;
    }

    private static List<RedirectSource> ReadSources(string path, YamlNode node, RedirectMatch match, ICollection<Diagnostic> diagnostics, out List<Regex> patterns)
    {
        patterns = [];
        var items = node is YamlSequenceNode list ? list.Children.ToList() : [node];
        var sources = new List<RedirectSource>();
        if (items.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(RedirectCodes.BadEntry, "sources is an empty list; the entry is skipped", At(path, node.Start), "list at least one old path"));
            return sources;
        }

        foreach (var item in items)
        {
            var text = (item as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(text) || text.Any(char.IsWhiteSpace))
            {
                diagnostics.Add(Diagnostic.Error(RedirectCodes.BadEntry, $"a source must be one path, not '{Shown(item)}'; it is skipped", At(path, item.Start), "for example sources: /job-families/old-name/"));
                continue;
            }

            if (match == RedirectMatch.Pattern)
            {
                try
                {
                    patterns.Add(new Regex(text, RegexOptions.CultureInvariant, PatternTimeout));
                }
                catch (ArgumentException ex)
                {
                    diagnostics.Add(Diagnostic.Error(RedirectCodes.InvalidPattern, $"source '{text}' is not a valid regular expression ({FirstLine(ex.Message)}); it is skipped", At(path, item.Start), "escape special characters with '\\', or use comp_op: '=' for a plain path"));
                    continue;
                }
            }
            else if (!text.StartsWith('/'))
            {
                diagnostics.Add(Diagnostic.Warning(RedirectCodes.NotRooted, $"source '{text}' does not start with '/'; '/{text}' is used", At(path, item.Start), $"write /{text}"));
                text = "/" + text;
            }

            sources.Add(new RedirectSource(text, (int)item.Start.Line, (int)item.Start.Column));
        }

        return sources;
    }

    private static bool IsAbsoluteHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Value: null or "" or "~" or "null" } scalar && scalar.Style == ScalarStyle.Plain;

    private static string Shown(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? string.Empty,
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };

    private static SourceLocation At(string path, Mark mark) => new(path, (int)Math.Max(mark.Line, 1), (int)Math.Max(mark.Column, 1));

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
