namespace Handbook.Site.Tests.Corpus;

using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Building;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// Builds the 171 real GitLab pages (read in place from ../shared/corpus, laid out under their original names so
/// <c>.erb</c> pages stay <c>.erb</c>) with the grade table imported from the real calculator page.
/// </summary>
public partial class CorpusBuildTests(ITestOutputHelper output)
{
    private const string SourcePrefix = "sites/uncategorized/source/";

    [CorpusFact]
    public async Task Every_corpus_page_becomes_one_page_with_its_title_in_h1_and_its_levels()
    {
        using var folder = new TempFolder();
        var pages = LayOutCorpus(folder);
        ImportGrades(folder);

        var report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = folder["input"],
            OutputFolder = folder["output"],
            ThemeFolder = TestTheme.Folder,
            KeepGoing = true,
        });

        output.WriteLine($"{report.PageCount} pages, {report.FamilyCount} families, {report.ErrorCount} errors, {report.WarningCount} warnings");
        foreach (var group in report.Diagnostics.GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key} x{group.Count()}");
        }

        Assert.DoesNotContain(report.Diagnostics, d => d.Code.StartsWith("INTERNAL", StringComparison.Ordinal));
        Assert.True(report.OutputWritten);
        Assert.Equal(171, pages.Count);

        var parser = new HtmlParser();
        var problems = new List<string>();
        var destinations = new HashSet<string>(StringComparer.Ordinal);
        var listingCalls = 0;
        var partialCalls = 0;
        foreach (var (relative, text) in pages)
        {
            Assert.True(FamilyPath.TryParse(relative, out var path), relative);
            destinations.Add(path.Slug);
            var file = folder["output/job-families/" + path.Slug + "/index.html"];
            if (!File.Exists(file))
            {
                problems.Add($"{relative}: no output page");
                continue;
            }

            var html = parser.ParseDocument(File.ReadAllText(file));
            var h1 = html.QuerySelector("main h1")?.TextContent.Trim();
            var title = FrontMatterReader.Read(relative, text).FrontMatter.Title?.Trim();
            if (string.IsNullOrEmpty(h1) || (!string.IsNullOrEmpty(title) && h1 != title))
            {
                problems.Add($"{relative}: <h1> is '{h1}', front matter title is '{title}'");
            }

            // What the old site's reader never saw must not show: ERB, kramdown markers, front matter as text.
            var main = html.QuerySelector("main")!;
            foreach (var leftover in new[] { "<%", "%>", "{:toc", "{:.", "{: .", "layout: job_family_page" })
            {
                if (main.TextContent.Contains(leftover, StringComparison.Ordinal) || main.InnerHtml.Contains(leftover, StringComparison.Ordinal))
                {
                    problems.Add($"{relative}: the rendered page shows '{leftover}'");
                }
            }

            var hrefs = main.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToHashSet(StringComparer.Ordinal);
            foreach (Match call in JobFamiliesCall().Matches(text))
            {
                listingCalls++;
                var folderSlug = call.Groups[1].Value + "/";
                var expected = pages
                    .Select(p => FamilyPath.TryParse(p.Relative, out var info) ? info : null)
                    .Where(info => info is not null && !info.IsDepartmentIndex && info.Slug.StartsWith(folderSlug, StringComparison.Ordinal))
                    .Select(info => "/job-families/" + info!.Slug + "/");
                problems.AddRange(expected.Where(url => !hrefs.Contains(url)).Select(url => $"{relative}: job_families('{call.Groups[1].Value}') does not list {url}"));
            }

            foreach (Match call in RoleNameLocal().Matches(text))
            {
                partialCalls++;
                if (!main.TextContent.Contains("the " + call.Groups[1].Value + " participates", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{relative}: the sales partial does not name '{call.Groups[1].Value}'");
                }
            }

            if (HasLevelHeadings(text) && !path.IsDepartmentIndex && html.QuerySelector(".levels-at-a-glance tbody tr") is null)
            {
                problems.Add($"{relative}: the source has a Levels section with level headings but the page lists no level");
            }
        }

        Assert.Equal(171, destinations.Count);
        Assert.Equal(5, listingCalls); // the job_families() calls in the saved pages (REPORT.md counted 7 over a larger set)
        Assert.Equal(6, partialCalls);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex(@"<%=\s*job_families\(\s*['""]([^'""]+)['""]\s*\)\s*%>")]
    private static partial Regex JobFamiliesCall();

    [GeneratedRegex(@":roleName\s*=>\s*""([^""]+)""")]
    private static partial Regex RoleNameLocal();

    /// <summary>Copies the pages (and the sales partial) to their original paths; returns the pages' paths and text.</summary>
    internal static List<(string Relative, string Text)> LayOutCorpus(TempFolder folder)
    {
        var corpus = SharedCorpus.PathOf("gitlab-job-families");
        var pages = new List<(string, string)>();
        foreach (var line in File.ReadLines(Path.Combine(corpus, "MANIFEST.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length < 2 || !columns[1].StartsWith(SourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = columns[1][SourcePrefix.Length..];
            var text = File.ReadAllText(Path.Combine(corpus, columns[0]));
            folder.Write("input/" + relative, text);
            if (FamilyPath.TryParse(relative, out _))
            {
                pages.Add((relative, text));
            }
        }

        return pages;
    }

    /// <summary>
    /// Lays the corpus out in <paramref name="folder"/> with its grades imported and builds it into <c>output</c>; the
    /// output is written despite the corpus's known defects (<c>KeepGoing</c>).
    /// </summary>
    internal static Task<BuildReport> BuildCorpusAsync(TempFolder folder, bool history = true)
    {
        LayOutCorpus(folder);
        ImportGrades(folder);
        return SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = folder["input"],
            OutputFolder = folder["output"],
            ThemeFolder = TestTheme.Folder,
            KeepGoing = true,
            History = history,
        });
    }

    internal static void ImportGrades(TempFolder folder)
    {
        var page = File.ReadAllText(SharedCorpus.PathOf("gitlab-compensation-data/compensation-calculator/index.html.md"));
        Assert.True(GradeImport.Run(page, "compensation-calculator/index.html.md", out var yaml, new List<Diagnostic>()));
        folder.Write("input/data/job-grades.yml", yaml);
    }

    /// <summary>
    /// True when a "Levels" heading is followed by a deeper heading before the next heading of its level. Some pages
    /// use "## Levels" only for a list of links to other pages; those have no levels of their own.
    /// </summary>
    private static bool HasLevelHeadings(string text)
    {
        int? levelsDepth = null;
        foreach (var line in text.Split('\n'))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var depth = heading.Groups["hashes"].Length;
            if (levelsDepth is { } d)
            {
                if (depth > d)
                {
                    return true;
                }

                levelsDepth = null;
            }

            if (LevelsTitle().IsMatch(heading.Groups["title"].Value))
            {
                levelsDepth = depth;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?<hashes>#{1,6})[ \t]+(?<title>.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\**[ \t]*Levels?\b", RegexOptions.IgnoreCase)]
    private static partial Regex LevelsTitle();
}
