namespace Handbook.Site.Tests.Reliability;

using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Handbook.Site.Cli;
using Handbook.Site.Tests.Cli;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// The whole site built from a hostile fixture (<c>Fixtures/hostile-site</c>): script tags, <c>javascript:</c> and
/// <c>data:</c> URLs in links, images and iframes, event handlers, <c>&lt;base&gt;</c>, meta refresh, inline and
/// embedded SVG, <c>&lt;style&gt;</c> with expressions – in a page body, in a partial, in front matter and in the
/// grade data file. The built site must hold no executable content, every removal must be a warning at its source
/// position, and names from front matter must come out as the same text in HTML, JSON, the sitemap and the feed.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ContentSafetyTests : IClassFixture<ContentSafetyTests.HostileSite>
{
    private const string Page = "job-families/intrusion-testing/penetration-tester.md";
    private const string Partial = "includes/_hostile-note.md";
    private const string PageTitle = "Penetration Tester <img src=x onerror=alert('page title')>";
    private const string PageDescription = "Breaks in \"politely\" </title><script>alert('page description')</script> & reports back";
    private const string DepartmentTitle = "Intrusion Testing <script>alert('department title')</script>";
    private const string GradeTitle = "Tester <script>alert('grade title')</script>";

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data", "background", "cite", "longdesc", "ping"];

    private readonly HostileSite _site;

    public ContentSafetyTests(HostileSite site) => _site = site;

    public static TheoryData<string, string, string> Removals => new()
    {
        // file, a snippet of the line the removal is on, the warning expected there
        { Page, "<script>alert('body script')", "HTML001" },
        { Page, "<a href=\"javascript:alert('html link')", "HTML003" },
        { Page, "JaVaScRiPt:alert('mixed case')", "HTML003" },
        { Page, "[Markdown link](javascript:", "HTML003" },
        { Page, "[Data link](data:text/html", "HTML003" },
        { Page, "![Markdown image](javascript:", "HTML003" },
        { Page, "![SVG image](data:image/svg+xml", "HTML003" },
        { Page, "onerror=\"alert('image handler')", "HTML002" },
        { Page, "<iframe src=\"javascript:", "HTML004" },
        { Page, "<iframe src=\"data:text/html", "HTML004" },
        { Page, "<iframe src=\"https://tracker.example.com", "HTML004" },
        { Page, "onmouseover=\"alert('div handler')", "HTML002" },
        { Page, "<base href=", "HTML001" },
        { Page, "<meta http-equiv=\"refresh\"", "HTML001" },
        { Page, "<svg onload=\"alert('inline svg')", "HTML001" },
        { Page, "<style>body", "HTML001" },
        { Page, "style=\"width: expression(", "HTML007" },
        { Page, "<object data=", "HTML001" },
        { Page, "<form action=", "HTML001" },
        { Page, "<svg onload=\"alert('svg inline')", "HTML001" },
        { Page, "<math>", "HTML001" },
        { Page, "<svg xmlns=", "HTML001" },
        { Page, "<body onload=", "HTML002" },
        { Partial, "<script>alert('partial script')", "HTML001" },
        { Partial, "href=\"javascript:alert('partial link')", "HTML003" },
        { Partial, "src=\"data:image/svg+xml", "HTML003" },
        { Partial, "onclick=\"alert('partial handler')", "HTML002" },
    };

    [Fact]
    public void The_hostile_site_builds_with_warnings_only()
    {
        Assert.True(_site.Run.ExitCode == ExitCodes.Success, _site.Run.Error);
        Assert.DoesNotContain(": error ", _site.Run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Removals))]
    public void Each_removal_is_a_warning_at_its_source_line(string file, string snippet, string code)
    {
        var text = File.ReadAllText(Path.Combine(HostileSite.Input, file)).ReplaceLineEndings("\n");
        var at = text.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(at >= 0, $"fixture has no `{snippet}`");
        var line = text.AsSpan(0, at).Count('\n') + 1;

        Assert.Contains(_site.Warnings, w => w.Path == file && w.Line == line && w.Code == code);
    }

    [Fact]
    public void No_output_page_holds_executable_content()
    {
        var pages = Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count >= 5, $"only {pages.Count} pages");
        var problems = new List<string>();
        foreach (var file in pages)
        {
            var name = Path.GetRelativePath(_site.Output, file);
            var document = new HtmlParser().ParseDocument(File.ReadAllText(file));
            foreach (var element in document.All)
            {
                problems.AddRange(Problems(element).Select(p => $"{name}: {p}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Front_matter_names_are_the_same_text_in_the_page_its_department_and_the_index()
    {
        var page = Html("job-families/intrusion-testing/penetration-tester/index.html");
        Assert.Contains(PageTitle, page.Title, StringComparison.Ordinal);
        Assert.Equal(PageTitle, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(PageDescription, page.QuerySelector("meta[name=description]")!.GetAttribute("content"));

        var department = Html("job-families/intrusion-testing/index.html");
        Assert.Contains(DepartmentTitle, department.Title, StringComparison.Ordinal);
        Assert.Contains(department.QuerySelectorAll("a"), a => a.TextContent.Trim() == PageTitle);

        var index = Html("job-families/index.html");
        Assert.Contains(index.QuerySelectorAll("a"), a => a.TextContent.Trim() == DepartmentTitle || a.TextContent.Trim() == PageTitle);
    }

    [Fact]
    public void Grade_titles_from_the_data_file_are_text_on_the_grades_page()
    {
        var grades = Html("handbook/total-rewards/compensation/compensation-calculator/index.html");

        Assert.Contains(GradeTitle, grades.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert('grade note')>", grades.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_in_the_json_export_read_back_as_the_same_strings()
    {
        using var families = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_site.Output, "api/job-families.json")));
        var strings = Strings(families.RootElement).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(PageTitle, strings);
        Assert.Contains(PageDescription, strings);
        Assert.Contains(GradeTitle, strings);

        using var grades = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_site.Output, "api/job-grades.json")));
        Assert.Contains(GradeTitle, Strings(grades.RootElement));
    }

    [Fact]
    public void The_sitemap_is_well_formed_and_escapes_a_file_name_with_an_ampersand()
    {
        var sitemap = XDocument.Load(Path.Combine(_site.Output, "sitemap.xml"));

        var locations = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains(locations, l => l.EndsWith("/job-families/intrusion-testing/q%26a-tester/", StringComparison.Ordinal));
        Assert.All(locations, l => Assert.DoesNotContain("<", l, StringComparison.Ordinal));
    }

    [Fact]
    public void A_feed_when_there_is_one_is_well_formed_and_keeps_names_as_text()
    {
        // The Atom feed arrives with the versions work; until then there is nothing to check.
        var feeds = Directory.EnumerateFiles(_site.Output, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".atom", StringComparison.Ordinal) || (Path.GetFileName(f).Contains("feed", StringComparison.OrdinalIgnoreCase) && f.EndsWith(".xml", StringComparison.Ordinal)))
            .ToList();
        foreach (var feed in feeds)
        {
            var xml = XDocument.Load(feed);
            var texts = xml.Descendants().Where(e => !e.HasElements).Select(e => e.Value).ToList();
            Assert.DoesNotContain(xml.Descendants(), e => e.Name.LocalName == "script");
            Assert.Contains(texts, t => t.Contains(PageTitle, StringComparison.Ordinal) || t.Contains(DepartmentTitle, StringComparison.Ordinal));
        }
    }

    private IDocument Html(string relative) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.Output, relative)));

    private IEnumerable<string> Problems(IElement element)
    {
        var name = element.LocalName;
        if (name == "script" && element.GetAttribute("type") is { } type && type.Equals("application/ld+json", StringComparison.OrdinalIgnoreCase))
        {
            // Structured data is not run, but a name that closes the script element early would turn the rest into HTML:
            // the whole text must still be one JSON value.
            if (!IsJson(element.TextContent))
            {
                yield return "ld+json script that is not valid JSON (a name broke out of it)";
            }
        }
        else if (name == "script")
        {
            var src = element.GetAttribute("src");
            if (src is null || element.TextContent.Trim().Length > 0 || !_site.IsThemeScript(src))
            {
                yield return $"script element that is not one of the theme's ({element.OuterHtml[..Math.Min(120, element.OuterHtml.Length)]})";
            }
        }

        if (name == "form" && !element.HasAttribute("data-search-form") && !element.HasAttribute("data-search-page"))
        {
            // The theme's own search forms (a GET to the results page) are the only forms a page may have.
            yield return "<form> element that is not the theme's search form";
        }

        if (name is "base" or "object" or "embed" or "applet" or "svg" or "math" or "frame" or "frameset")
        {
            yield return $"<{name}> element";
        }

        if (name == "meta" && element.GetAttribute("http-equiv") is { } equiv && equiv.Equals("refresh", StringComparison.OrdinalIgnoreCase))
        {
            yield return "meta refresh";
        }

        if (name == "iframe" && !(element.GetAttribute("src") ?? "").StartsWith("https://www.youtube", StringComparison.Ordinal))
        {
            yield return $"iframe from {element.GetAttribute("src")}";
        }

        if (name == "style" && Regex.IsMatch(element.TextContent, "expression|javascript:|url\\(", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
        {
            yield return "style element with expressions or URLs";
        }

        foreach (var attribute in element.Attributes)
        {
            var attributeName = attribute.Name.ToLowerInvariant();
            if (attributeName.StartsWith("on", StringComparison.Ordinal) || attributeName is "srcdoc" or "formaction")
            {
                yield return $"{attributeName} on <{name}>";
            }

            if ((UrlAttributes.Contains(attributeName) || attributeName.EndsWith(":href", StringComparison.Ordinal)) && IsScriptUrl(attribute.Value))
            {
                yield return $"{attributeName}=\"{attribute.Value}\" on <{name}>";
            }

            if (attributeName == "style" && Regex.IsMatch(attribute.Value, "expression|javascript:|url\\(", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
            {
                yield return $"style=\"{attribute.Value}\" on <{name}>";
            }
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>As a browser reads a URL: control characters and whitespace inside the scheme do not count.</summary>
    private static bool IsScriptUrl(string value)
    {
        var squeezed = new string(value.Where(c => c > ' ' && c != '\u007f').ToArray()).ToLowerInvariant();
        return squeezed.StartsWith("javascript:", StringComparison.Ordinal)
            || squeezed.StartsWith("vbscript:", StringComparison.Ordinal)
            || squeezed.StartsWith("data:", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>The fixture built once with the repository's theme, and the warnings it printed.</summary>
    public sealed class HostileSite : IDisposable
    {
        public static readonly string Input = Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Handbook.Site.Tests", "Fixtures", "hostile-site");

        private readonly TempFolder _folder = new();

        public HostileSite()
        {
            Output = _folder["output"];
            Run = Run.Tool("build", "--input", Input, "--output", Output, "--theme", TestTheme.Folder, "--no-history");
            Warnings = Regex.Matches(Run.Error, @"^(?<path>[^\s:]+):(?<line>\d+):(?<column>\d+): warning (?<code>[A-Z]+\d+):", RegexOptions.Multiline, TimeSpan.FromSeconds(5))
                .Select(m => (m.Groups["path"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["code"].Value))
                .Select(t => new Warning(t.Item1, t.Item2, t.Item3))
                .ToList();
        }

        public string Output { get; }

        public Run Run { get; }

        public IReadOnlyList<Warning> Warnings { get; }

        /// <summary>A script the theme itself ships: a root-relative path to an asset copied unchanged from the theme.</summary>
        public bool IsThemeScript(string src)
        {
            if (!src.StartsWith('/') || src.StartsWith("//", StringComparison.Ordinal) || src.Contains("..", StringComparison.Ordinal))
            {
                return false;
            }

            var relative = src.TrimStart('/').Split('?', '#')[0];
            var built = Path.Combine(Output, relative);
            var shipped = Path.Combine(TestTheme.Folder, relative);
            return File.Exists(built) && File.Exists(shipped) && File.ReadAllBytes(built).AsSpan().SequenceEqual(File.ReadAllBytes(shipped));
        }

        public void Dispose() => _folder.Dispose();
    }

    public sealed record Warning(string Path, int Line, string Code);
}
