namespace Handbook.Site.Tests.Caching;

using Handbook.Site.Building;
using Handbook.Site.Caching;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// Family and compare pages whose views are unchanged are left in place in the output instead of rendered
/// (<see cref="ThemePageCache"/>, <c>--cache</c> where families are reused): after one edit only the pages whose views
/// changed go through the theme, and whatever a page shows that changed – its family, the theme, the base URL, the
/// grade table, a neighbour's title, a family it extends – renders it again. The output and diagnostics are always
/// those of a build of the same input without a cache; a previous output that is gone or was touched, or a damaged
/// pack, renders the pages instead of linking them.
/// </summary>
public sealed class ThemePageCacheTests
{
    private const string SecurityAnalyst = "job-families/security/security-analyst.md";
    private const string BackendEngineer = "job-families/engineering/backend-engineer.md";
    private const string Payroll = "job-families/finance/payroll.md";
    private const string SecurityAnalystPage = "job-families/security/security-analyst/index.html";
    private const string SecurityAnalystCompare = "job-families/security/security-analyst/compare/index.html";
    private const string BackendSeniorPage = "job-families/engineering/development/backend/senior/index.html";
    private const string FinancialAnalystPage = "job-families/finance/financial-analyst/index.html";
    private const string IncidentResponder = "job-families/security/incident-responder.md";
    private const string IncidentResponderCompare = "job-families/security/incident-responder/compare/index.html";

    // A family of two levels whose first level extends the security analyst's (invented for these tests).
    private const string IncidentResponderPage = """
        ---
        layout: job_family_page
        title: Incident Responder
        ---

        Incident Responders take over when an alert turns out to be an incident.

        ## Levels

        ### Incident Responder

        #### Incident Responder Responsibilities

        * Extends the [Security Analyst](/job-families/security/security-analyst/#security-analyst) responsibilities
        * Coordinate the response until the incident is closed

        ### Senior Incident Responder

        #### Senior Incident Responder Responsibilities

        * Extends that of the Incident Responder responsibilities
        * Run the review after every major incident

        """;

    private static readonly string SampleInput = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    [Fact]
    public async Task Given_a_stored_build_When_nothing_a_page_shows_changed_Then_every_family_and_compare_page_is_left_in_place_and_the_site_is_as_built_without_cache()
    {
        // Given
        using var folder = await StoredBuildAsync();
        var pages = Pages(folder);

        // When the whole-build cache misses (a file outside the family pages that no page shows)
        AddUnusedPartial(folder);
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then no family or compare page went through the theme
        Assert.Equal((0, pages), report.ThemePages);
        await AssertSameAsUncachedBuildAsync(folder, report);
    }

    [Fact]
    public async Task Given_a_stored_build_When_one_family_gets_a_bullet_Then_only_its_page_and_compare_page_are_rendered_and_the_site_is_as_built_without_cache()
    {
        // Given
        using var folder = await StoredBuildAsync();
        var pages = Pages(folder);

        // When
        Edit(folder, SecurityAnalyst, "* Keep the incident log complete and readable", "* Keep the incident log complete and readable\n* Share what an investigation taught");
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        Assert.Equal((2, pages - 2), report.ThemePages);
        await AssertSameAsUncachedBuildAsync(folder, report);
        Assert.Contains("Share what an investigation taught", File.ReadAllText(folder["output/" + SecurityAnalystPage]), StringComparison.Ordinal);
        Assert.Contains("Share what an investigation taught", File.ReadAllText(folder["output/" + SecurityAnalystCompare]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_stored_build_When_a_family_others_extend_changes_Then_the_pages_of_its_inheritors_are_rendered_with_the_inherited_bullet()
    {
        // Given: senior extends backend-engineer, staff extends senior.
        using var folder = await StoredBuildAsync();
        const string Senior = "* Lead the technical side of large features that span several services";

        // When
        Edit(folder, BackendEngineer, Senior, Senior + "\n* Mentor the team on incident reviews");
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then the inheritors' pages are not the stored ones
        Assert.True(report.ThemePages.Rendered >= 4, report.ThemePages.ToString());
        await AssertSameAsUncachedBuildAsync(folder, report);
        Assert.Contains("Mentor the team on incident reviews", File.ReadAllText(folder["output/" + BackendSeniorPage]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_stored_build_When_a_family_whose_levels_another_familys_levels_extend_changes_Then_the_inheritors_compare_page_shows_the_inherited_bullet()
    {
        // Given a two-level family whose first level extends the security analyst (its compare page is keyed by its
        // stored state, not by its compare view)
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        folder.Write("input/" + IncidentResponder, IncidentResponderPage);
        await BuildAsync(folder, "output", folder["cache"]);
        Assert.DoesNotContain("Share what an investigation taught", File.ReadAllText(folder["output/" + IncidentResponderCompare]), StringComparison.Ordinal);

        // When the security analyst gets a bullet (the incident responder's text is unchanged)
        Edit(folder, SecurityAnalyst, "* Keep the incident log complete and readable", "* Keep the incident log complete and readable\n* Share what an investigation taught");
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then the inheritor's compare page is rendered again with the inherited bullet
        await AssertSameAsUncachedBuildAsync(folder, report);
        Assert.Contains("Share what an investigation taught", File.ReadAllText(folder["output/" + IncidentResponderCompare]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_stored_build_When_a_family_is_renamed_Then_its_neighbours_pages_show_the_new_title()
    {
        // Given: the finance department lists the financial analyst next to payroll (previous / next links)
        using var folder = await StoredBuildAsync();
        Assert.Contains("</span> Payroll</a>", File.ReadAllText(folder["output/" + FinancialAnalystPage]), StringComparison.Ordinal);

        // When
        Edit(folder, Payroll, "title: Payroll\n", "title: Payroll Operations\n");
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        await AssertSameAsUncachedBuildAsync(folder, report);
        Assert.Contains("</span> Payroll Operations</a>", File.ReadAllText(folder["output/" + FinancialAnalystPage]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_stored_build_When_the_grade_table_renames_a_grade_Then_the_pages_showing_it_are_rendered_again()
    {
        // Given
        using var folder = await StoredBuildAsync();

        // When a grade's title changes (the grade badges and glance rows show it)
        var grades = folder["input/data/job-grades.yml"];
        var text = File.ReadAllText(grades);
        Assert.Contains("title: \"Intermediate\"", text, StringComparison.Ordinal);
        File.WriteAllText(grades, text.Replace("title: \"Intermediate\"", "title: \"Practitioner\"", StringComparison.Ordinal));
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        Assert.True(report.ThemePages.Rendered > 0, report.ThemePages.ToString());
        await AssertSameAsUncachedBuildAsync(folder, report);
        Assert.Contains("Practitioner", File.ReadAllText(folder["output/" + SecurityAnalystPage]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_stored_build_When_a_template_of_the_theme_changes_Then_every_page_is_rendered_again()
    {
        // Given a build with a copy of the theme
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        FolderCopy.Copy(TestTheme.Folder, folder["theme"]);
        await BuildAsync(folder, "output", folder["cache"], theme: folder["theme"]);

        // When a partial every page includes changes
        var layout = Directory.EnumerateFiles(folder["theme"], "*.liquid", SearchOption.AllDirectories).Single(f => f.EndsWith("base.liquid", StringComparison.Ordinal));
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("</body>", "<!-- edited theme --></body>", StringComparison.Ordinal));
        var report = await BuildAsync(folder, "output", folder["cache"], theme: folder["theme"]);

        // Then
        Assert.Equal(0, report.ThemePages.Unchanged);
        await AssertSameAsUncachedBuildAsync(folder, report, theme: folder["theme"]);
        Assert.Contains("<!-- edited theme -->", File.ReadAllText(folder["output/" + SecurityAnalystCompare]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_stored_build_When_built_with_another_base_URL_Then_every_page_is_rendered_again()
    {
        // Given
        using var folder = await StoredBuildAsync();

        // When the canonical links of every page change
        var report = await BuildAsync(folder, "output", folder["cache"], baseUrl: "https://other.example.com");

        // Then
        Assert.Equal(0, report.ThemePages.Unchanged);
        await AssertSameAsUncachedBuildAsync(folder, report, baseUrl: "https://other.example.com");
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("touched")]
    public async Task Given_a_stored_build_When_the_previous_output_is_gone_or_a_page_was_touched_Then_those_pages_are_rendered_not_linked(string change)
    {
        // Given
        using var folder = await StoredBuildAsync();
        var pages = Pages(folder);

        // When the previous output is deleted, or one page in it is changed after the build (same length, new bytes)
        if (change == "deleted")
        {
            Directory.Delete(folder["output"], recursive: true);
        }
        else
        {
            var page = folder["output/" + SecurityAnalystPage];
            var bytes = File.ReadAllBytes(page);
            var at = Array.IndexOf(bytes, (byte)'<', 10);
            bytes[at] = (byte)'>';
            File.WriteAllBytes(page, bytes);
        }

        AddUnusedPartial(folder);
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        Assert.Equal(change == "deleted" ? (pages, 0) : (1, pages - 1), report.ThemePages);
        await AssertSameAsUncachedBuildAsync(folder, report);
    }

    [Fact]
    public async Task Given_a_damaged_pack_When_built_again_Then_every_page_is_rendered_and_the_site_is_right()
    {
        // Given
        using var folder = await StoredBuildAsync();
        var pages = Pages(folder);
        var pack = ThemePageCache.PackPath(folder["cache"]);
        var bytes = File.ReadAllBytes(pack);
        File.WriteAllBytes(pack, bytes[..(bytes.Length / 2)]);

        // When
        AddUnusedPartial(folder);
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        Assert.Equal((pages, 0), report.ThemePages);
        await AssertSameAsUncachedBuildAsync(folder, report);
    }

    [Fact]
    public async Task Given_cache_builds_without_reuse_families_When_built_twice_Then_no_theme_page_is_stored_or_linked()
    {
        // Given / When
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        await BuildAsync(folder, "output", folder["cache"], reusesFamilies: false);
        AddUnusedPartial(folder);
        var report = await BuildAsync(folder, "output", folder["cache"], reusesFamilies: false);

        // Then
        Assert.Equal(default, report.ThemePages);
        Assert.False(File.Exists(ThemePageCache.PackPath(folder["cache"])));
    }

    private static async Task<TempFolder> StoredBuildAsync()
    {
        var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        var first = await BuildAsync(folder, "output", folder["cache"]);
        Assert.Equal(0, first.ThemePages.Unchanged);
        Assert.True(File.Exists(ThemePageCache.PackPath(folder["cache"])));
        return folder;
    }

    // How many family and compare pages the stored build rendered (all of them: nothing was stored before it).
    private static int Pages(TempFolder folder) =>
        Directory.EnumerateFiles(folder["output/job-families"], "index.html", SearchOption.AllDirectories).Count(f => f.Contains("/compare/", StringComparison.Ordinal))
        + FamilyPages(folder);

    private static int FamilyPages(TempFolder folder)
    {
        var count = 0;
        foreach (var page in Directory.EnumerateFiles(folder["output/job-families"], "index.html", SearchOption.AllDirectories))
        {
            if (File.ReadAllText(page).Contains("<article class=\"job-family\"", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    // A partial no page includes: the whole-build cache misses, every family is restored and no page's views change.
    private static void AddUnusedPartial(TempFolder folder) =>
        folder.Write("input/includes/_unused.md", "A partial no page includes.\n");

    /// <summary>The build's output and diagnostics are those of a build of the same input without a cache.</summary>
    private static async Task AssertSameAsUncachedBuildAsync(TempFolder folder, BuildReport cached, string? theme = null, string? baseUrl = null)
    {
        Assert.False(cached.FromCache);
        var reference = await BuildAsync(folder, "reference", cache: null, theme: theme, baseUrl: baseUrl);
        Assert.Equal(Formatted(reference), Formatted(cached));
        Assert.True(cached.OutputWritten);
        var names = Files(folder["reference"]);
        Assert.Equal(names, Files(folder["output"]));
        foreach (var name in names)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(folder["reference"], name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder["output"], name))), $"{name} differs");
        }

        Directory.Delete(folder["reference"], recursive: true);
    }

    private static void Edit(TempFolder folder, string page, string text, string replacement)
    {
        var path = folder["input/" + page];
        var content = File.ReadAllText(path);
        Assert.Contains(text, content, StringComparison.Ordinal);
        File.WriteAllText(path, content.Replace(text, replacement, StringComparison.Ordinal));
    }

    private static Task<BuildReport> BuildAsync(TempFolder folder, string output, string? cache, string? theme = null, string? baseUrl = null, bool reusesFamilies = true) =>
        SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = folder["input"],
            OutputFolder = folder[output],
            ThemeFolder = theme ?? TestTheme.Folder,
            BaseUrl = baseUrl,
            CacheFolder = cache,
            ReusesFamilies = reusesFamilies,
            KeepGoing = true,
        });

    private static List<string> Formatted(BuildReport report) => report.Diagnostics.Select(d => d.Format() + "|" + d.Detail).ToList();

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();
}
