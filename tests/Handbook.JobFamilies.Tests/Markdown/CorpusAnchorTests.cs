namespace Handbook.JobFamilies.Tests.Markdown;

using System.Text.RegularExpressions;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Xunit.Abstractions;

/// <summary>
/// Same-page links of the real pages (<c>[x](#senior-backend-engineer)</c>) were written against kramdown's ids on
/// GitLab's site: most of them must hit an id we generate. The rest were broken on GitLab's site too (REPORT §10):
/// upper-case anchors (<c>#Internal-Auditor</c>), headings that do not exist on the page, <c>#main_requirements</c>.
/// </summary>
public sealed partial class CorpusAnchorTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Given_real_pages_When_parsed_Then_same_page_anchor_links_resolve_to_generated_heading_ids()
    {
        var root = SharedCorpus.PathOf("gitlab-job-families");
        int links = 0, resolved = 0;
        foreach (var file in Directory.GetFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = "job-families/" + Path.GetRelativePath(root, file).Replace('\\', '/');
            var family = new JobFamilyParser().Parse(relative, File.ReadAllText(file), new List<Diagnostic>());
            var ids = family.Body.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).ToHashSet(StringComparer.Ordinal);
            var htmlNames = NameAnchor().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            foreach (var link in family.Body.Descendants<LinkInline>().Where(l => l.Url?.StartsWith('#') == true))
            {
                links++;
                var anchor = link.Url![1..];
                if (ids.Contains(anchor) || htmlNames.Contains(anchor))
                {
                    resolved++;
                }
                else
                {
                    output.WriteLine($"{relative}:{link.Line + 1}: #{anchor} not found");
                }
            }
        }

        output.WriteLine($"same-page links: {links}, resolved: {resolved}");
        Assert.True(links > 0);
        Assert.True(resolved >= links * 0.8, $"only {resolved} of {links} same-page anchors resolve");
    }

    [GeneratedRegex("<a name=\"([^\"]+)\"")]
    private static partial Regex NameAnchor();
}
