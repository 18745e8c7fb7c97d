namespace Handbook.Site.Tests.Versions;

using Handbook.JobFamilies.Versions.Diff;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Tests.Support;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;
using Handbook.Site.Versions;
using Handbook.Site.Versions.Views;

/// <summary>
/// The key of a stored version or history page (<see cref="VersionPageKeys"/>) covers everything the page's rendering
/// reads: the same inputs give the same key in another build, and a change to any one of them gives another key
/// (so the page is rendered again instead of being taken from <c>version-pages/</c>).
/// </summary>
public sealed class VersionPageKeysTests
{
    private static readonly SiteView Site = new("Job families", "https://handbook.example.com", "/assets/site.css", "/job-families/") { ChangesFeedUrl = "/job-families/changes.atom" };

    [Fact]
    public void Given_the_same_inputs_as_new_objects_When_keyed_in_another_build_Then_the_version_page_key_is_the_same()
    {
        // Given the inputs of a version page, and equal copies of them (another build makes new objects)
        var first = new VersionPageKeys(TestTheme.Instance, Site);
        var second = new VersionPageKeys(TestTheme.Instance, Site with { });

        // When both key the page
        var key = first.ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), Content());
        var again = second.ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), Content());

        // Then the keys are equal
        Assert.NotNull(key);
        Assert.Equal(key, again);
    }

    public static TheoryData<string> VersionPageChanges() =>
    [
        "page title", "page description", "page URL", "canonical URL", "breadcrumb text", "breadcrumb link", "scripts (diagrams)", "noindex",
        "banner is latest", "banner subject", "banner date", "banner commit URL", "banner unknown grades", "banner shallow boundary", "banner current URL",
        "body", "body kept as UTF-8", "family title", "family role grade", "family previous link", "family next link", "family history block",
        "family edit URL", "family toc", "template",
    ];

    [Theory]
    [MemberData(nameof(VersionPageChanges))]
    public void Given_one_input_of_a_version_page_changed_When_keyed_Then_the_key_differs(string change)
    {
        // Given the key of a version page
        var keys = new VersionPageKeys(TestTheme.Instance, Site);
        var key = keys.ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), Content());

        // When one of its inputs is changed
        var page = Page();
        var banner = Banner();
        var content = Content();
        var template = ThemeTemplates.FamilyVersion;
        var family = content.Family;
        switch (change)
        {
            case "page title": page = page with { Title = "Other" }; break;
            case "page description": page = page with { Description = "Other" }; break;
            case "page URL": page = page with { Url = "/job-families/garden/gardener/versions/other/" }; break;
            case "canonical URL": page = page with { CanonicalUrl = "https://other.example.com/job-families/garden/gardener/" }; break;
            case "breadcrumb text": page = page with { Breadcrumbs = [new LinkView("Job families", "/job-families/"), new LinkView("Gardener (renamed)", "/job-families/garden/gardener/")] }; break;
            case "breadcrumb link": page = page with { Breadcrumbs = [new LinkView("Job families", "/job-families/"), new LinkView("Gardener", "/job-families/garden/moved/")] }; break;
            case "scripts (diagrams)": page = page with { Scripts = [] }; break;
            case "noindex": page = page with { NoIndex = false }; break;
            case "banner is latest": banner = banner with { IsLatest = true }; break;
            case "banner subject": banner = banner with { Subject = "Other subject" }; break;
            case "banner date": banner = banner with { Date = "2022-09-02", DateIso = "2022-09-02T10:00:00+02:00" }; break;
            case "banner commit URL": banner = banner with { CommitUrl = null }; break;
            case "banner unknown grades": banner = banner with { UnknownGrades = ["9"] }; break;
            case "banner shallow boundary": banner = banner with { AtShallowBoundary = true }; break;
            case "banner current URL": banner = banner with { CurrentUrl = "/job-families/garden/moved/" }; break;
            case "body": family = family with { BodyHtml = "<p>Plants and trees</p>\n" }; break;
            case "body kept as UTF-8": family = family with { BodyHtml = string.Empty, BodyHtmlUtf8 = System.Text.Encoding.UTF8.GetBytes(family.BodyHtml) }; break;
            case "family title": family = family with { Title = "Gardener (renamed)" }; break;
            case "family role grade": family = family with { Levels = [new RoleView("Senior Gardener", "senior-gardener", new GradeView("10", "Senior", null, "/grades/#10", Resolved: true), [])] }; break;
            case "family previous link": family = family with { Previous = new LinkView("Digger (renamed)", "/job-families/garden/digger/") }; break;
            case "family next link": family = family with { Next = new LinkView("Weeder", "/job-families/garden/weeder/") }; break;
            case "family history block": family = family with { History = new FamilyHistoryView("2022-09-01", "2022-09-01T10:00:00+02:00", "/job-families/garden/gardener/history/", 2) }; break;
            case "family edit URL": family = family with { EditUrl = null }; break;
            case "family toc": family = family with { Toc = [] }; break;
            case "template": template = ThemeTemplates.JobFamily; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, "unknown change");
        }

        var changed = keys.ForVersionPage(template, page, banner, content with { Family = family });

        // Then the key differs
        Assert.NotNull(changed);
        Assert.NotEqual(key, changed);
    }

    [Theory]
    [InlineData("site title")]
    [InlineData("base URL")]
    [InlineData("stylesheet URL")]
    [InlineData("home URL")]
    [InlineData("changes feed")]
    public void Given_the_site_view_changed_When_a_version_page_is_keyed_Then_the_key_differs(string change)
    {
        // Given the key of a version page in a build with the site view above
        var key = new VersionPageKeys(TestTheme.Instance, Site).ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), Content());

        // When a build with one value of the site view changed keys the same page
        var site = change switch
        {
            "site title" => Site with { Title = "Careers" },
            "base URL" => Site with { BaseUrl = "https://other.example.com" },
            "stylesheet URL" => Site with { StylesheetUrl = "/assets/other.css" },
            "home URL" => Site with { HomeUrl = "/" },
            _ => Site with { ChangesFeedUrl = null },
        };
        var changed = new VersionPageKeys(TestTheme.Instance, site).ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), Content());

        // Then the key differs
        Assert.NotEqual(key, changed);
    }

    [Theory]
    [InlineData("partials/search-box.liquid")]
    [InlineData("layouts/base.liquid")]
    [InlineData("job-family.liquid")]
    [InlineData("assets/extra.liquid")]
    public void Given_a_theme_file_a_template_can_read_changed_When_a_version_page_is_keyed_Then_the_key_differs(string file)
    {
        // Given a copy of the theme, and the key of a version page with it
        using var folder = new TempFolder();
        var themeFolder = folder["theme"];
        FolderCopy.Copy(TestTheme.Folder, themeFolder);
        var key = new VersionPageKeys(LoadTheme(themeFolder), Site).ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), Content());

        // When one file a template can include or render is changed (or added, inside assets/ as a .liquid file)
        var path = Path.Combine(themeFolder, file);
        File.AppendAllText(path, "\n");
        var changed = new VersionPageKeys(LoadTheme(themeFolder), Site).ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), Content());

        // Then the key differs
        Assert.NotEqual(key, changed);
    }

    [Fact]
    public void Given_a_theme_asset_changed_When_a_version_page_is_keyed_Then_the_key_is_the_same()
    {
        // Given a copy of the theme, and the key of a version page with it
        using var folder = new TempFolder();
        var themeFolder = folder["theme"];
        FolderCopy.Copy(TestTheme.Folder, themeFolder);
        var key = new VersionPageKeys(LoadTheme(themeFolder), Site).ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), Content());

        // When a stylesheet (copied to the output, never rendered) is changed
        File.AppendAllText(Path.Combine(themeFolder, "assets", "site.css"), "\n/* changed */\n");
        var again = new VersionPageKeys(LoadTheme(themeFolder), Site).ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), Content());

        // Then the key is the same: no page reads it
        Assert.Equal(key, again);
    }

    [Fact]
    public void Given_a_body_UTF8_cannot_carry_When_keyed_Then_there_is_no_key_and_the_page_is_rendered()
    {
        // Given a content whose body holds a lone surrogate
        var content = Content();
        content = content with { Family = content.Family with { BodyHtml = "<p>\uD800</p>" } };

        // When it is keyed, Then there is no key
        Assert.Null(new VersionPageKeys(TestTheme.Instance, Site).ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), content));
    }

    public static TheoryData<string> HistoryPageChanges() =>
    [
        "page title", "breadcrumbs", "family title", "current URL", "entry subject", "entry is latest", "entry folded count", "entry unknown grades",
        "entry grade changes", "entry role change", "entry reworded item", "entry added", "entry commit URL",
    ];

    [Theory]
    [MemberData(nameof(HistoryPageChanges))]
    public void Given_one_input_of_a_history_page_changed_When_keyed_Then_the_key_differs(string change)
    {
        // Given the key of a history page
        var keys = new VersionPageKeys(TestTheme.Instance, Site);
        var key = keys.ForHistoryPage(ThemeTemplates.FamilyHistory, Page(), "Gardener", "/job-families/garden/gardener/", Entries());

        // When one of its inputs is changed
        var page = Page();
        var title = "Gardener";
        var current = "/job-families/garden/gardener/";
        var entries = Entries();
        var entry = entries[0];
        var role = entry.Changes[0];
        switch (change)
        {
            case "page title": page = page with { Title = "Gardener: history (renamed)" }; break;
            case "breadcrumbs": page = page with { Breadcrumbs = [new LinkView("Job families", "/job-families/")] }; break;
            case "family title": title = "Gardener (renamed)"; break;
            case "current URL": current = "/job-families/garden/moved/"; break;
            case "entry subject": entries[0] = entry with { Subject = "Other" }; break;
            case "entry is latest": entries[0] = entry with { IsLatest = false }; break;
            case "entry folded count": entries[0] = entry with { FoldedCount = 3 }; break;
            case "entry unknown grades": entries[0] = entry with { UnknownGrades = ["9.5"] }; break;
            case "entry grade changes": entries[0] = entry with { GradeChanges = ["Senior: grade 7 → 9"] }; break;
            case "entry role change": entries[0] = entry with { Changes = [role with { Kind = "added" }] }; break;
            case "entry reworded item": entries[0] = entry with { Changes = [role with { Sections = [role.Sections[0] with { Reworded = [new ItemChangeView("Dig", "Dig deeper")] }] }] }; break;
            case "entry added": entries.Add(entry with { Id = "2022-08-01-abcdef0", IsLatest = false }); break;
            case "entry commit URL": entries[0] = entry with { CommitUrl = "https://gitlab.example.com/-/commit/abcdef0" }; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, "unknown change");
        }

        var changed = keys.ForHistoryPage(ThemeTemplates.FamilyHistory, page, title, current, entries);

        // Then the key differs
        Assert.NotEqual(key, changed);
    }

    [Fact]
    public void Given_the_same_history_inputs_as_new_objects_When_keyed_in_another_build_Then_the_key_is_the_same()
    {
        var key = new VersionPageKeys(TestTheme.Instance, Site).ForHistoryPage(ThemeTemplates.FamilyHistory, Page(), "Gardener", "/job-families/garden/gardener/", Entries());
        var again = new VersionPageKeys(TestTheme.Instance, Site with { }).ForHistoryPage(ThemeTemplates.FamilyHistory, Page(), "Gardener", "/job-families/garden/gardener/", Entries());
        Assert.Equal(key, again);
    }

    [Fact]
    public void Given_many_contents_When_their_pages_are_keyed_from_several_threads_at_once_Then_each_key_is_the_one_keying_them_one_by_one_gives()
    {
        // Given 200 contents with different bodies, each keyed twice (two versions sharing one content object)
        var contents = Enumerable.Range(0, 200).Select(i => Content() with { Family = Content().Family with { BodyHtml = $"<p>Plants {i}</p>\n" } }).ToList();
        var oneByOne = new VersionPageKeys(TestTheme.Instance, Site);
        var expected = contents.Select(c => oneByOne.ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), c)).ToList();

        // When one set of keys is asked from eight threads at once (RenderVersionPages makes families in parallel)
        var shared = new VersionPageKeys(TestTheme.Instance, Site);
        var keyed = new CacheKey?[contents.Count * 2];
        Parallel.For(0, keyed.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            keyed[i] = shared.ForVersionPage(ThemeTemplates.FamilyVersion, Page(), Banner(), contents[i % contents.Count]));

        // Then every key is the one-by-one key of its content
        Assert.Equal(expected.Count, expected.Distinct().Count());
        for (var i = 0; i < keyed.Length; i++)
        {
            Assert.Equal(expected[i % contents.Count], keyed[i]);
        }
    }

    private static PageView Page() =>
        new("Gardener (version of 2022-09-01)", "Grows things.", "/job-families/garden/gardener/versions/2022-09-01-abcdef0/", "https://handbook.example.com/job-families/garden/gardener/", [new LinkView("Job families", "/job-families/"), new LinkView("Gardener", "/job-families/garden/gardener/")])
        {
            Scripts = ["/assets/vendor/mermaid.min.js"],
            NoIndex = true,
        };

    private static VersionBannerView Banner() =>
        new("2022-09-01-abcdef0", "2022-09-01", "2022-09-01T10:00:00+02:00", "Add the garden", "abcdef0", "https://gitlab.example.com/-/commit/abcdef0123", "/job-families/garden/gardener/", "/job-families/garden/gardener/history/", IsLatest: false, [], AtShallowBoundary: false);

    private static HistoricContent Content()
    {
        var grade = new GradeView("9", "Senior", null, "/grades/#9", Resolved: true);
        var family = new FamilyView(
            "Gardener",
            "Grows things.",
            "/job-families/garden/gardener/",
            new LinkView("Garden", "/job-families/garden/"),
            [new RoleView("Senior Gardener", "senior-gardener", grade, [])],
            [],
            null,
            "levels",
            null,
            HasGrades: true,
            "<p>Plants &amp; trees</p>\n",
            [])
        {
            Toc = [new TocEntryView("Levels", "#levels", [])],
            Previous = new LinkView("Digger", "/job-families/garden/digger/"),
            EditUrl = "https://example.com/edit/main/job-families/garden/gardener.md",
        };
        return new HistoricContent(family, HasDiagrams: true, new VersionModel([new RoleModel("Senior Gardener", "9", [new SectionModel("Responsibilities", ["Dig"])])]), []);
    }

    private static List<HistoryEntryView> Entries() =>
    [
        new HistoryEntryView(
            "2022-09-01-abcdef0", "/job-families/garden/gardener/versions/2022-09-01-abcdef0/", "2022-09-01", "2022-09-01T10:00:00+02:00", "Add the garden", "abcdef0", null,
            IsLatest: true, IsFirst: true, AtShallowBoundary: false, FoldedCount: 0, [], ["Senior: grade 7 → 8"],
            [new RoleChangeView("Senior Gardener", "changed", "grade 7 → 8", [new SectionChangeView("Responsibilities", "changed", ["Prune"], [], [])])]),
    ];

    private static Theme LoadTheme(string folder)
    {
        var diagnostics = new DiagnosticBag();
        return Theme.Load(folder, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Sorted()));
    }
}
