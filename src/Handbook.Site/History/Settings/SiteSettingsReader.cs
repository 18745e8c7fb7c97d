namespace Handbook.Site.History.Settings;

using System.Globalization;
using Handbook.Pipeline.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Reads <c>input/settings.yml</c> from its text (no I/O). Every problem is a diagnostic with the line and column of
/// the offending key or value; a bad value falls back to its default so the build can go on and report everything.
/// </summary>
public static class SiteSettingsReader
{
    private static readonly string[] TopLevelKeys = ["history", "repository_url", "edit_branch", "repository_path_prefix"];
    private static readonly string[] HistoryKeys = ["enabled", "since", "max_versions"];

    public static (SiteSettings Settings, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string path = SiteSettings.FileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            diagnostics.Add(Diagnostic.Error(
                SettingsCodes.InvalidYaml, "settings.yml is not valid YAML: " + e.Message,
                At(path, e.Start), "check the indentation and quoting; the defaults are used"));
            return (SiteSettings.Default, diagnostics);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return (SiteSettings.Default, diagnostics);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(Diagnostic.Error(
                SettingsCodes.InvalidYaml, "settings.yml must be a mapping of keys (history:, repository_url:)",
                At(path, stream.Documents[0].RootNode.Start)));
            return (SiteSettings.Default, diagnostics);
        }

        var history = HistorySettings.Default;
        Uri? repositoryUrl = null;
        string? editBranch = null;
        string? pathPrefix = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value) ?? string.Empty;
            switch (key)
            {
                case "history":
                    history = ReadHistory(value, path, diagnostics);
                    break;
                case "repository_url":
                    repositoryUrl = ReadUrl(value, path, diagnostics);
                    break;
                case "edit_branch":
                    editBranch = ReadBranch(value, path, diagnostics);
                    break;
                case "repository_path_prefix":
                    pathPrefix = ReadPathPrefix(value, path, diagnostics);
                    break;
                default:
                    diagnostics.Add(UnknownKey(key, string.Empty, TopLevelKeys, keyNode, path));
                    break;
            }
        }

        return (new SiteSettings(history, repositoryUrl) { EditBranch = editBranch, RepositoryPathPrefix = pathPrefix }, diagnostics);
    }

    private static HistorySettings ReadHistory(YamlNode node, string path, List<Diagnostic> diagnostics)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Add(Diagnostic.Error(
                SettingsCodes.WrongShape, "'history' must be a mapping with enabled, since and max_versions",
                At(path, node.Start), "history:\n    enabled: true\n    since: 2022-01-01\n    max_versions: 50"));
            return HistorySettings.Default;
        }

        var settings = HistorySettings.Default;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value) ?? string.Empty;
            var scalar = value as YamlScalarNode;
            var text = scalar?.Value?.Trim() ?? string.Empty;
            switch (key)
            {
                case "enabled":
                    if (scalar is not null && bool.TryParse(text, out var enabled))
                    {
                        settings = settings with { Enabled = enabled };
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Error(
                            SettingsCodes.NotBoolean, $"history.enabled must be true or false, not '{Shown(value)}'",
                            At(path, value.Start), "write enabled: true or enabled: false"));
                    }

                    break;
                case "since":
                    if (scalar is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since))
                    {
                        settings = settings with { Since = since };
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Error(
                            SettingsCodes.NotDate, $"history.since must be a date YYYY-MM-DD, not '{Shown(value)}'",
                            At(path, value.Start), "for example since: 2022-01-01 (UTC); leave it out to show all history"));
                    }

                    break;
                case "max_versions":
                    if (scalar is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max >= 1)
                    {
                        settings = settings with { MaxVersions = max };
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Error(
                            SettingsCodes.NotPositiveInteger, $"history.max_versions must be a whole number of at least 1, not '{Shown(value)}'",
                            At(path, value.Start), $"for example max_versions: {HistorySettings.DefaultMaxVersions}; to turn history off write enabled: false"));
                    }

                    break;
                default:
                    diagnostics.Add(UnknownKey(key, "history.", HistoryKeys, keyNode, path));
                    break;
            }
        }

        return settings;
    }

    private static Uri? ReadUrl(YamlNode node, string path, List<Diagnostic> diagnostics)
    {
        var text = (node as YamlScalarNode)?.Value?.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }

        diagnostics.Add(Diagnostic.Error(
            SettingsCodes.NotUrl, $"repository_url must be an absolute http(s) URL, not '{Shown(node)}'",
            At(path, node.Start), "for example repository_url: https://gitlab.com/your-group/handbook"));
        return null;
    }

    // A git branch name as it appears in a web-editor URL: no spaces, no "..", no leading '-' or '/'.
    private static string? ReadBranch(YamlNode node, string path, List<Diagnostic> diagnostics)
    {
        var text = (node as YamlScalarNode)?.Value?.Trim();
        if (!string.IsNullOrEmpty(text) && !text.StartsWith('-') && !text.StartsWith('/') && !text.EndsWith('/')
            && !text.Contains("..", StringComparison.Ordinal) && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '~' or '^' or ':' or '?' or '*' or '[' or '\\'))
        {
            return text;
        }

        diagnostics.Add(Diagnostic.Error(
            SettingsCodes.NotBranch, $"edit_branch must be a git branch name, not '{Shown(node)}'",
            At(path, node.Start), "for example edit_branch: main"));
        return null;
    }

    // The input folder's path inside the repository ("" when the input folder is the repository root).
    private static string? ReadPathPrefix(YamlNode node, string path, List<Diagnostic> diagnostics)
    {
        var text = (node as YamlScalarNode)?.Value?.Trim().Replace('\\', '/').Trim('/');
        if (text is not null && !text.Split('/').Any(s => s is "." or "..") && !text.Any(char.IsControl) && !text.Contains("//", StringComparison.Ordinal))
        {
            return text;
        }

        diagnostics.Add(Diagnostic.Error(
            SettingsCodes.NotRelativePath, $"repository_path_prefix must be a folder path inside the repository, not '{Shown(node)}'",
            At(path, node.Start), "for example repository_path_prefix: site/input (write \"\" when input/ is the repository root)"));
        return null;
    }

    private static Diagnostic UnknownKey(string key, string parent, string[] known, YamlNode keyNode, string path)
    {
        var nearest = known.MinBy(k => Distance(k, key));
        var hint = nearest is not null && Distance(nearest, key) <= 2
            ? $"did you mean '{parent}{nearest}'?"
            : "known keys: " + string.Join(", ", known.Select(k => parent + k));
        return Diagnostic.Warning(SettingsCodes.UnknownKey, $"unknown key '{parent}{key}' is ignored", At(path, keyNode.Start), hint);
    }

    private static string Shown(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? string.Empty,
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };

    private static SourceLocation At(string path, Mark mark) =>
        new(path, (int)Math.Max(mark.Line, 1), (int)Math.Max(mark.Column, 1));

    // Levenshtein distance, for "did you mean".
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
