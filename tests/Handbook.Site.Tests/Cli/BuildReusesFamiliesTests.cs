namespace Handbook.Site.Tests.Cli;

using Handbook.Site.Cli;
using Handbook.Site.Tests.History;
using Handbook.Site.Tests.Support;
using Handbook.Site.Tests.Versions;
using Handbook.Testing;

/// <summary>
/// <c>build --cache</c> reuses families without <c>--reuse-families</c> when it reads git history (twenty-first session):
/// a versioned build renders every body before the theme anyway, so storing the states costs it nothing measurable. A
/// build without history keeps reuse opt-in (storing would cost its batched, deferred bodies). Either way the output is
/// the output of a build without a cache.
/// </summary>
public sealed class BuildReusesFamiliesTests
{
    private const string Keeper = "job-families/garden/plant-keeper.md";
    private const string Digger = "job-families/garden/digger.md";

    [Fact]
    public void Given_a_versioned_build_with_a_cache_When_a_commit_edits_one_family_Then_the_other_is_restored_without_being_asked_and_the_site_is_as_built_without_cache()
    {
        // Given a repository with two families and a cached build of it
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants"));
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig")).Commit("Add the garden");
        using var folder = new TempFolder();
        var first = Build(repo.InputFolder, folder["output"], "--cache", folder["cache"]);
        Assert.Contains("families: 2 built, 0 restored from the cache (no stored family state)", first.Error, StringComparison.Ordinal);

        // When one family is edited in a new commit and the site is built again the same way
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill the holes")).Commit("Diggers fill");
        var second = Build(repo.InputFolder, folder["output"], "--cache", folder["cache"]);

        // Then only the edited family is built, and the output is that of a build without a cache
        Assert.Contains("families: 1 built, 1 restored from the cache", second.Error, StringComparison.Ordinal);
        Assert.Contains("version and history pages: ", second.Error, StringComparison.Ordinal);
        var reference = Build(repo.InputFolder, folder["reference"]);
        Assert.DoesNotContain("families: ", reference.Error, StringComparison.Ordinal);
        Assert.Equal(Diagnostics(reference), Diagnostics(second));
        OutputFolders.AssertSameFiles(folder["reference"], folder["output"]);
        Assert.Contains("Fill the holes", File.ReadAllText(folder["output/job-families/garden/digger/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_build_without_history_with_a_cache_When_built_Then_families_are_reused_only_when_asked()
    {
        // Given the sample input outside any repository (no history)
        using var folder = new TempFolder();
        FolderCopy.Copy(Path.Combine(SharedCorpus.RepositoryRoot, "input"), folder["input"]);

        // When built with a cache, without and then with --reuse-families
        var plain = Build(folder["input"], folder["plain"], "--cache", folder["plain-cache"]);
        var asked = Build(folder["input"], folder["asked"], "--cache", folder["asked-cache"], "--reuse-families");

        // Then only the build that asked stored family states
        Assert.DoesNotContain("families: ", plain.Error, StringComparison.Ordinal);
        Assert.Contains("families: ", asked.Error, StringComparison.Ordinal);
        OutputFolders.AssertSameFiles(folder["plain"], folder["asked"]);
    }

    private static Run Build(string input, string output, params string[] options)
    {
        var run = Run.Tool(["build", "--input", input, "--output", output, "--theme", TestTheme.Folder, "--keep-going", "--verbose", .. options]);
        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.ErrorsReported, run.Error);
        return run;
    }

    // The diagnostic lines of a run's stderr (not --verbose's timings and counts, which differ by design).
    private static List<string> Diagnostics(Run run) =>
        run.Error.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": warning ", StringComparison.Ordinal) || l.StartsWith("  hint: ", StringComparison.Ordinal)).ToList();
}
