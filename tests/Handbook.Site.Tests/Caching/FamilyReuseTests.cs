namespace Handbook.Site.Tests.Caching;

using Handbook.Site.Building;
using Handbook.Site.Caching;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// Per-family reuse under <c>--cache</c> with <c>--reuse-families</c> (issue 9): after one edit, a build that misses the whole-build cache restores
/// the families the edit cannot affect and builds the rest, and its output and diagnostics are exactly those of a build
/// of the same input without a cache. Whatever could change what other pages resolve to, a damaged store, or a change
/// outside the family pages makes it build every family instead – never a wrong page or a crash.
/// </summary>
public sealed class FamilyReuseTests
{
    private const string SecurityAnalyst = "job-families/security/security-analyst.md";
    private const string BackendEngineer = "job-families/engineering/backend-engineer.md";
    private const string BackendSenior = "job-families/engineering/development/backend/senior.md";
    private const string BackendStaff = "job-families/engineering/development/backend/staff/index.html.md";
    private const string Payroll = "job-families/finance/payroll.md";
    private const string CustomerSuccess = "job-families/sales/customer-success-manager.md";
    private const string SalesIndex = "job-families/sales/index.html.md.erb";

    private static readonly string SampleInput = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    [Fact]
    public async Task Given_a_stored_build_When_one_family_nobody_extends_gets_a_bullet_Then_only_it_is_built_and_the_site_is_as_built_without_cache()
    {
        // Given
        using var folder = await StoredBuildAsync();

        // When
        Edit(folder, SecurityAnalyst, "* Keep the incident log complete and readable", "* Keep the incident log complete and readable\n* Share what an investigation taught");
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        var reuse = Assert.IsType<FamilyReuseOutcome>(report.FamilyReuse);
        Assert.Null(reuse.FullBuildReason);
        Assert.Equal([SecurityAnalyst], reuse.Built);
        Assert.Contains(BackendEngineer, reuse.Restored);
        Assert.Contains(SalesIndex, reuse.Restored);
        Assert.Contains(Payroll, reuse.Restored);
        await AssertSameAsUncachedBuildAsync(folder, report);
        Assert.Contains("Share what an investigation taught", File.ReadAllText(folder["output/job-families/security/security-analyst/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_stored_build_When_a_family_an_erb_page_lists_gets_a_bullet_Then_the_erb_page_is_restored_and_the_site_is_as_built_without_cache()
    {
        // Given: the sales index lists the sales families with job_families('sales')
        using var folder = await StoredBuildAsync();

        // When a listed family changes below its front matter
        File.AppendAllText(folder["input/" + CustomerSuccess], "\n* Visit each account once a quarter\n");
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then the ERB page is restored (its listing reads the family's path and front-matter title, both unchanged)
        var reuse = Assert.IsType<FamilyReuseOutcome>(report.FamilyReuse);
        Assert.Null(reuse.FullBuildReason);
        Assert.Equal([CustomerSuccess], reuse.Built);
        Assert.Contains(SalesIndex, reuse.Restored);
        await AssertSameAsUncachedBuildAsync(folder, report);
    }

    [Theory]
    [InlineData("title: \"Customer Success Lead\"\n", "Customer Success Lead")]
    // The page's first heading already says its title: without the front matter's title the family keeps its title
    // (from the heading), but ERB lists a page by its front-matter title, and without one by its slug.
    [InlineData("", "customer-success-manager")]
    public async Task Given_a_stored_build_When_a_listed_familys_front_matter_title_changes_Then_every_family_is_built_and_the_erb_listing_shows_it(string replacement, string listed)
    {
        // Given a stored build in which the family's first heading repeats its title
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        Edit(folder, CustomerSuccess, "---\n\nCustomer Success Managers (CSMs)", "---\n\n# Customer Success Manager\n\nCustomer Success Managers (CSMs)");
        Assert.Equal("no stored family state", (await BuildAsync(folder, "output", folder["cache"])).FamilyReuse!.FullBuildReason);

        // When its front-matter title changes or goes
        Edit(folder, CustomerSuccess, "title: \"Customer Success Manager\"\n", replacement);
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        var reuse = Assert.IsType<FamilyReuseOutcome>(report.FamilyReuse);
        Assert.Equal($"the names of {CustomerSuccess} changed", reuse.FullBuildReason);
        await AssertSameAsUncachedBuildAsync(folder, report);
        Assert.Contains($">{listed}<", File.ReadAllText(folder["output/job-families/sales/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_stored_build_When_a_family_others_extend_changes_Then_its_inheritors_are_built_too_and_show_the_inherited_bullet()
    {
        // Given: senior extends backend-engineer, staff extends senior.
        using var folder = await StoredBuildAsync();
        const string Senior = "* Lead the technical side of large features that span several services";

        // When
        Edit(folder, BackendEngineer, Senior, Senior + "\n* Mentor the team on incident reviews");
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        var reuse = Assert.IsType<FamilyReuseOutcome>(report.FamilyReuse);
        Assert.Null(reuse.FullBuildReason);
        Assert.Contains(BackendEngineer, reuse.Built);
        Assert.Contains(BackendSenior, reuse.Built);
        Assert.Contains(BackendStaff, reuse.Built);
        Assert.Contains(SecurityAnalyst, reuse.Restored);
        await AssertSameAsUncachedBuildAsync(folder, report);
        Assert.Contains("Mentor the team on incident reviews", File.ReadAllText(folder["output/job-families/engineering/development/backend/senior/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_stored_build_When_a_role_is_renamed_Then_every_family_is_built_and_the_site_is_as_built_without_cache()
    {
        // Given
        using var folder = await StoredBuildAsync();

        // When: a role name other pages could extend by name changes.
        Edit(folder, Payroll, "## Payroll Specialist\n", "## Payroll Coordinator\n");
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        var reuse = Assert.IsType<FamilyReuseOutcome>(report.FamilyReuse);
        Assert.Equal($"the names of {Payroll} changed", reuse.FullBuildReason);
        Assert.Empty(reuse.Restored);
        await AssertSameAsUncachedBuildAsync(folder, report);
    }

    [Fact]
    public async Task Given_a_stored_build_When_a_family_gets_a_statement_that_extends_a_restored_family_Then_every_family_is_built()
    {
        // Given
        using var folder = await StoredBuildAsync();

        // When: security-analyst now extends the payroll page, which the plan restores (it has no tree to copy from).
        Edit(folder, SecurityAnalyst, "* Improve runbooks after each investigation", "* Improve runbooks after each investigation\n* Extends the [Payroll Specialist](/job-families/finance/payroll/#payroll-specialist) responsibilities");
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        var reuse = Assert.IsType<FamilyReuseOutcome>(report.FamilyReuse);
        Assert.Equal($"{SecurityAnalyst} now extends a family that was restored", reuse.FullBuildReason);
        await AssertSameAsUncachedBuildAsync(folder, report);
    }

    [Theory]
    [InlineData("data/job-grades.yml", "the build-wide key changed")]
    [InlineData("includes/_hiring-process.md", "the build-wide key changed")]
    [InlineData("job-families/security/new-family.md", "the build-wide key changed")] // the family pages' paths are in it
    public async Task Given_a_stored_build_When_the_grade_table_a_partial_or_an_erb_listed_folder_changes_Then_every_family_is_built(string file, string reason)
    {
        // Given
        using var folder = await StoredBuildAsync();

        // When: an edit outside the family pages, or a new page in a folder an ERB page lists.
        if (File.Exists(folder["input/" + file]))
        {
            File.AppendAllText(folder["input/" + file], file.EndsWith(".yml", StringComparison.Ordinal) ? "\n# edited\n" : "\nOne more sentence.\n");
        }
        else
        {
            folder.Write("input/" + file, "---\ntitle: New family\n---\n\n## Levels\n\n### New Role\n\nText.\n");
        }

        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        var reuse = Assert.IsType<FamilyReuseOutcome>(report.FamilyReuse);
        Assert.Equal(reason, reuse.FullBuildReason);
        Assert.Empty(reuse.Restored);
        await AssertSameAsUncachedBuildAsync(folder, report);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("rewritten")]
    [InlineData("deleted")]
    public async Task Given_damaged_stored_families_When_one_family_changes_Then_every_family_is_built_without_error_and_the_site_is_right(string damage)
    {
        // Given: every stored entry damaged (a crash, a full disk, a stray edit).
        using var folder = await StoredBuildAsync();
        foreach (var entry in Entries(folder))
        {
            switch (damage)
            {
                case "truncated":
                    File.WriteAllBytes(entry, File.ReadAllBytes(entry)[..(int)(new FileInfo(entry).Length / 2)]);
                    break;
                case "rewritten":
                    var bytes = File.ReadAllBytes(entry);
                    bytes[^1] ^= 0x5a;
                    File.WriteAllBytes(entry, bytes);
                    break;
                default:
                    File.Delete(entry);
                    break;
            }
        }

        // When
        Edit(folder, SecurityAnalyst, "* Calm under pressure", "* Calm under pressure\n* Curious");
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        var reuse = Assert.IsType<FamilyReuseOutcome>(report.FamilyReuse);
        Assert.Equal("a stored family state is missing or damaged", reuse.FullBuildReason);
        await AssertSameAsUncachedBuildAsync(folder, report);

        // … and the store works again after it
        Edit(folder, SecurityAnalyst, "* Curious", "* Curious and careful");
        Assert.Null((await BuildAsync(folder, "output", folder["cache"])).FamilyReuse!.FullBuildReason);
    }

    [Fact]
    public async Task Given_a_damaged_index_When_built_Then_every_family_is_built_and_the_site_is_right()
    {
        // Given
        using var folder = await StoredBuildAsync();
        foreach (var index in Directory.EnumerateFiles(Path.Combine(new FamilyReuseStore(folder["cache"]).Folder, "index"), "*", SearchOption.AllDirectories))
        {
            File.WriteAllText(index, "not an index");
        }

        // When
        Edit(folder, SecurityAnalyst, "* Calm under pressure", "* Calm under pressure\n* Curious");
        var report = await BuildAsync(folder, "output", folder["cache"]);

        // Then
        Assert.Equal("no stored family state", report.FamilyReuse!.FullBuildReason);
        await AssertSameAsUncachedBuildAsync(folder, report);
    }

    [Fact]
    public async Task Given_several_edits_When_built_after_each_Then_the_store_holds_one_entry_per_family_at_most()
    {
        // Given
        using var folder = await StoredBuildAsync();
        // Every family page has a stored state, ERB pages included.
        var families = Directory.EnumerateFiles(folder["input/job-families"], "*.md", SearchOption.AllDirectories).Count()
            + Directory.EnumerateFiles(folder["input/job-families"], "*.md.erb", SearchOption.AllDirectories).Count();

        // When: five builds, each after a different edit of the same two families.
        for (var round = 0; round < 5; round++)
        {
            File.AppendAllText(folder["input/" + SecurityAnalyst], $"\n* Round {round}\n");
            File.AppendAllText(folder["input/" + BackendEngineer], $"\nRound {round}.\n");
            await BuildAsync(folder, "output", folder["cache"]);
        }

        // Then: the old entries of the edited families were pruned.
        var entries = Entries(folder);
        Assert.InRange(entries.Count, 1, families);
    }

    [Fact]
    public async Task Given_cache_builds_without_reuse_families_When_one_family_changes_Then_no_family_state_is_stored_or_restored()
    {
        // Given a build with --cache but without --reuse-families (the default: storing costs a cold build)
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        var first = await SiteBuild.RunAsync(new BuildRequest { InputFolder = folder["input"], OutputFolder = folder["output"], ThemeFolder = TestTheme.Folder, CacheFolder = folder["cache"] });

        // When one family changes and it builds again the same way
        Edit(folder, SecurityAnalyst, "* Keep the incident log complete and readable", "* Keep the incident log complete and readable\n* Share what an investigation taught");
        var second = await SiteBuild.RunAsync(new BuildRequest { InputFolder = folder["input"], OutputFolder = folder["output"], ThemeFolder = TestTheme.Folder, CacheFolder = folder["cache"] });

        // Then neither build planned reuse, no family state was written, and the edit is on the page
        Assert.Null(first.FamilyReuse);
        Assert.Null(second.FamilyReuse);
        Assert.False(Directory.Exists(new FamilyReuseStore(folder["cache"]).Folder));
        Assert.Contains("Share what an investigation taught", File.ReadAllText(folder["output/job-families/security/security-analyst/index.html"]), StringComparison.Ordinal);
    }

    private static async Task<TempFolder> StoredBuildAsync()
    {
        var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        var first = await BuildAsync(folder, "output", folder["cache"]);
        Assert.Equal("no stored family state", first.FamilyReuse!.FullBuildReason);
        Assert.NotEmpty(Entries(folder));
        return folder;
    }

    private static List<string> Entries(TempFolder folder) =>
        Directory.EnumerateFiles(new FamilyReuseStore(folder["cache"]).EntriesFolder, "*", SearchOption.AllDirectories).ToList();

    /// <summary>The reused build's output and diagnostics are those of a build of the same input without a cache.</summary>
    private static async Task AssertSameAsUncachedBuildAsync(TempFolder folder, BuildReport reused)
    {
        Assert.False(reused.FromCache);
        var reference = await BuildAsync(folder, "reference", cache: null);
        Assert.Equal(Formatted(reference), Formatted(reused));
        Assert.Equal((reference.PageCount, reference.FamilyCount, reference.OutputWritten), (reused.PageCount, reused.FamilyCount, reused.OutputWritten));
        Assert.True(reused.OutputWritten);
        var names = Files(folder["reference"]);
        Assert.Equal(names, Files(folder["output"]));
        foreach (var name in names)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(folder["reference"], name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder["output"], name))), $"{name} differs");
        }
    }

    private static void Edit(TempFolder folder, string page, string text, string replacement)
    {
        var path = folder["input/" + page];
        var content = File.ReadAllText(path);
        Assert.Contains(text, content, StringComparison.Ordinal);
        File.WriteAllText(path, content.Replace(text, replacement, StringComparison.Ordinal));
    }

    private static Task<BuildReport> BuildAsync(TempFolder folder, string output, string? cache) =>
        SiteBuild.RunAsync(new BuildRequest { InputFolder = folder["input"], OutputFolder = folder[output], ThemeFolder = TestTheme.Folder, CacheFolder = cache, ReusesFamilies = true });

    private static List<string> Formatted(BuildReport report) => report.Diagnostics.Select(d => d.Format() + "|" + d.Detail).ToList();

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();
}
