namespace Handbook.JobFamilies.Tests.Erb;

using Handbook.JobFamilies.Erb;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// The corpus pages as Markdown bodies ready to parse: front matter blanked out (so Markdig's line numbers are the
/// file's), ERB expanded for pages that were <c>.erb</c>. Test-only stand-in for the parser's front-matter reader.
/// </summary>
internal static class CorpusPages
{
    public sealed record Page(string InputPath, string Markdown, IReadOnlyList<Diagnostic> ErbDiagnostics);

    public static IEnumerable<Page> All()
    {
        var env = new CorpusErbEnvironment();
        foreach (var path in env.InputPaths.Where(p => !Path.GetFileName(p).StartsWith('_')))
        {
            var body = BlankFrontMatter(env.Read(path));
            var diags = new List<Diagnostic>();
            if (path.EndsWith(".erb", StringComparison.Ordinal))
            {
                body = ErbExpander.Expand(path, body, env, diags).Text;
            }

            yield return new Page(path, body, diags);
        }
    }

    private static string BlankFrontMatter(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return text;
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            return text;
        }

        for (var i = 0; i <= close; i++)
        {
            lines[i] = string.Empty;
        }

        return string.Join('\n', lines);
    }
}
