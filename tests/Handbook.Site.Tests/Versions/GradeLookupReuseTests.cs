namespace Handbook.Site.Tests.Versions;

using Handbook.Site.Building;
using Handbook.Site.Tests.History;
using Handbook.Site.Versions;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// A version whose page text is the current page's but whose grade data is another text takes the current page's
/// result when both tables answer every grade lookup of the page (and of the pages expanded into it) alike
/// (<see cref="Handbook.Site.Versions.GradeLookupAgreement"/>, issue 9). The oracle is the same build with that reuse
/// off (<see cref="BuildRequest.ReusesVersionsOfAgreeingGrades"/>), which renders such versions: both must write the
/// same bytes and report the same diagnostics; the counts say which versions were taken from the current page.
/// </summary>
public sealed class GradeLookupReuseTests
{
    private const string Keeper = "job-families/garden/plant-keeper.md";
    private const string Digger = "job-families/garden/digger.md";
    private const string Lead = "job-families/garden/lead-plant-keeper.md";

    [Fact]
    public async Task Given_a_new_grade_table_that_changes_only_a_grade_no_page_names_When_built_Then_the_older_versions_are_the_current_pages_byte_for_byte()
    {
        // Given two pages at grade 7, then a commit that renames only grade 8
        using var repo = GardenWithGrade8Renamed();
        using var folder = new TempFolder();

        // When built with the reuse and without it (the oracle renders both versions)
        var (reusing, oracle) = await BuildBothWaysAsync(repo.InputFolder, folder);

        // Then both versions are taken from the current pages instead of being rendered, with the oracle's bytes
        Assert.Equal((0, 0, 2), reusing);
        Assert.Equal((2, 0, 0), oracle);
    }

    [Fact]
    public async Task Given_a_new_grade_table_that_renames_the_grade_a_page_names_When_built_Then_its_version_is_rendered()
    {
        // Given two pages at grade 7 and at grade 8, then a commit that renames grade 7
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Grades());
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants"));
        repo.Write(Digger, Fixtures.Family("Digger", "8", "Dig")).Commit("Add the garden");
        repo.Write(Fixtures.GradesPath, Grades(title7: "Gardener")).Commit("Rename grade 7");
        using var folder = new TempFolder();

        // When built both ways
        var (reusing, oracle) = await BuildBothWaysAsync(repo.InputFolder, folder);

        // Then the keeper's version (grade 7) is rendered, the digger's (grade 8) is the current page
        Assert.Equal((1, 0, 1), reusing);
        Assert.Equal((2, 0, 0), oracle);
    }

    [Fact]
    public async Task Given_a_new_grade_table_with_another_track_When_built_Then_no_version_is_taken_from_the_current_page()
    {
        // Given a page at grade 7, then a commit that adds a track (which could choose other titles)
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Grades());
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants")).Commit("Add the keeper");
        repo.Write(Fixtures.GradesPath, "tracks:\n  - id: general\n    name: General\n  - id: growing\n    name: Growing\n    departments: [garden]\n" + Grades()).Commit("Add a track");
        using var folder = new TempFolder();

        // When built both ways
        var (reusing, oracle) = await BuildBothWaysAsync(repo.InputFolder, folder);

        // Then the version is rendered, as without the reuse
        Assert.Equal((1, 0, 0), reusing);
        Assert.Equal(oracle, reusing);
    }

    [Fact]
    public async Task Given_a_page_extending_one_whose_grade_was_renamed_When_built_Then_the_extending_page_is_rendered_too()
    {
        // Given a lead page (grade 8) that extends the keeper page (grade 7), then a commit that renames grade 7: the
        // lead names only grade 8, but the keeper's lookups are part of the lead's render
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Grades());
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants"));
        repo.Write(Lead, LeadPage("Plan the beds")).Commit("Add the garden");
        repo.Write(Fixtures.GradesPath, Grades(title7: "Gardener")).Commit("Rename grade 7");
        using var folder = new TempFolder();

        // When built both ways
        var (reusing, oracle) = await BuildBothWaysAsync(repo.InputFolder, folder);

        // Then both versions are rendered
        Assert.Equal((2, 0, 0), reusing);
        Assert.Equal(oracle, reusing);
    }

    [Fact]
    public async Task Given_a_page_extending_one_whose_grades_agree_When_built_Then_both_are_taken_from_the_current_pages()
    {
        // Given the same two pages, then a commit that renames only grade 9 (neither names it)
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Grades());
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants"));
        repo.Write(Lead, LeadPage("Plan the beds")).Commit("Add the garden");
        repo.Write(Fixtures.GradesPath, Grades(title9: "Garden Director")).Commit("Rename grade 9");
        using var folder = new TempFolder();

        // When built both ways
        var (reusing, oracle) = await BuildBothWaysAsync(repo.InputFolder, folder);

        // Then neither is rendered, with the oracle's bytes
        Assert.Equal((0, 0, 2), reusing);
        Assert.Equal((2, 0, 0), oracle);
    }

    [Fact]
    public async Task Given_agreeing_grades_but_a_linked_page_edited_since_When_built_Then_the_extending_version_is_rendered()
    {
        // Given the lead extending the keeper; grade 9 renamed, then the keeper edited (so the lead's version expanded
        // another keeper text than the current one)
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Grades());
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants"));
        repo.Write(Lead, LeadPage("Plan the beds")).Commit("Add the garden");
        repo.Write(Fixtures.GradesPath, Grades(title9: "Garden Director")).Commit("Rename grade 9");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants", "Prune")).Commit("Keepers prune");
        using var folder = new TempFolder();

        // When built both ways
        var (reusing, oracle) = await BuildBothWaysAsync(repo.InputFolder, folder);

        // Then the lead's version is rendered (its linked page differs), the keeper's older version too (its text
        // differs), and the keeper's newest is the current page either way
        Assert.Equal((2, 0, 1), reusing);
        Assert.Equal(oracle, reusing);
    }

    [Fact]
    public async Task Given_a_build_reusing_families_When_a_commit_edits_another_page_Then_the_restored_familys_agreeing_version_is_still_its_current_page()
    {
        // Given two pages at grade 7, a commit that renames only grade 8, and a build that stores each family's state
        using var repo = GardenWithGrade8Renamed();
        using var folder = new TempFolder();
        var request = new BuildRequest { InputFolder = repo.InputFolder, OutputFolder = folder["reusing"], ThemeFolder = TestTheme.Folder, KeepGoing = true, CacheFolder = folder["cache"], ReusesFamilies = true };
        Assert.Equal((0, 0, 2), (await SiteBuild.RunAsync(request)).Versions);

        // When the digger is edited and the site built again: the keeper is restored from its stored state (and its
        // history made anew: without the memo of the families' histories, which would take the keeper's pages as they
        // were without looking at its contents – the version-page tests cover that)
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill the holes")).Commit("Diggers fill");
        Directory.Delete(Path.Combine(folder["cache"], FamilyHistoryMemo.SubFolder), recursive: true);
        var reusing = await SiteBuild.RunAsync(request);
        var oracle = await SiteBuild.RunAsync(request with { OutputFolder = folder["oracle"], CacheFolder = null, ReusesFamilies = false, ReusesVersionsOfAgreeingGrades = false });

        // Then the keeper's version still agrees with its current page (the restored state kept what its grades looked
        // up; without them it was rendered again), only the digger's older version is rendered, and the bytes are the oracle's
        Assert.Contains(Keeper, Assert.IsType<FamilyReuseOutcome>(reusing.FamilyReuse).Restored);
        Assert.Equal((1, 0, 2), reusing.Versions);
        Assert.Equal((2, 0, 1), oracle.Versions);
        Assert.Equal(oracle.Diagnostics.Select(d => d.ToString()), reusing.Diagnostics.Select(d => d.ToString()));
        OutputFolders.AssertSameFiles(folder["oracle"], folder["reusing"]);
    }

    [Fact]
    public async Task Given_the_sample_input_and_its_history_When_built_both_ways_Then_the_bytes_are_the_same()
    {
        using var folder = new TempFolder();
        var (reusing, oracle) = await BuildBothWaysAsync(Path.Combine(SharedCorpus.RepositoryRoot, "input"), folder);

        Assert.Equal(oracle.Rendered + oracle.Current, reusing.Rendered + reusing.Current);
    }

    // Grades 7, 8 and 9 (titles overridable); no tracks (the general one).
    private static string Grades(string title7 = "Gardener Seven", string title8 = "Gardener Eight", string title9 = "Gardener Nine") =>
        $"grades:\n  - id: 7\n    title: \"{title7}\"\n  - id: 8\n    title: \"{title8}\"\n  - id: 9\n    title: \"{title9}\"\n";

    private static string LeadPage(params string[] responsibilities) =>
        "---\ntitle: \"Lead Plant Keeper\"\ndescription: \"People who lead the plant keepers.\"\n---\n\n"
        + "## Levels\n\n### Lead Plant Keeper\n\nThe Lead Plant Keeper is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n"
        + "#### Responsibilities\n\n* Extends the [Senior Plant Keeper](/job-families/garden/plant-keeper/#senior-plant-keeper) responsibilities\n"
        + string.Concat(responsibilities.Select(r => $"* {r}\n"));

    // Builds the input one-shot with the reuse and without it; asserts the same files and diagnostics and returns each
    // build's (rendered, from the cache, same as the current page).
    private static async Task<((int Rendered, int FromCache, int Current) Reusing, (int Rendered, int FromCache, int Current) Oracle)> BuildBothWaysAsync(string input, TempFolder folder)
    {
        var request = new BuildRequest { InputFolder = input, OutputFolder = folder["reusing"], ThemeFolder = TestTheme.Folder, KeepGoing = true };
        var reusing = await SiteBuild.RunAsync(request);
        var oracle = await SiteBuild.RunAsync(request with { OutputFolder = folder["oracle"], ReusesVersionsOfAgreeingGrades = false });

        Assert.Equal(oracle.Diagnostics.Select(d => d.ToString()), reusing.Diagnostics.Select(d => d.ToString()));
        var files = OutputFolders.AssertSameFiles(folder["oracle"], folder["reusing"]);
        Assert.Contains(files.Keys, f => f.Contains("/versions/", StringComparison.Ordinal));
        return (reusing.Versions, oracle.Versions);
    }

    // Two pages at grade 7, then a commit that renames only grade 8 (a grade neither page names).
    private static TestRepository GardenWithGrade8Renamed()
    {
        var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Grades());
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants"));
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig")).Commit("Add the garden");
        repo.Write(Fixtures.GradesPath, Grades(title8: "Head Gardener")).Commit("Rename grade 8");
        return repo;
    }
}
