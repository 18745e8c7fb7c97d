namespace Handbook.Site.Tests.Versions;

using System.Diagnostics;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History;
using Handbook.Site.Tests.History;

public sealed class ShallowCloneBuildTests
{
    private const string Keeper = "job-families/garden/plant-keeper.md";

    [Fact]
    public async Task A_shallow_clone_builds_says_so_once_and_marks_the_oldest_visible_version()
    {
        // Given a page with three versions, cloned with depth 2 (as CI runners do)
        using var origin = new TestRepository();
        origin.Write(Fixtures.GradesPath, Fixtures.Grades("7"));
        origin.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "One")).Commit("First");
        origin.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "One", "Two")).Commit("Second");
        origin.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "One", "Two", "Three")).Commit("Third");
        var clone = Path.Combine(Path.GetTempPath(), "hb-shallow-build-" + Guid.NewGuid().ToString("N"));
        try
        {
            Git("clone", "--quiet", "--depth", "2", new Uri(origin.Root).AbsoluteUri, clone);

            // When the clone is built
            using var build = await VersionedBuild.RunAsync(clone);

            // Then the build succeeds, says "shallow clone" once, and shows the two visible versions
            Assert.True(build.Report.OutputWritten);
            var said = Assert.Single(build.Report.Diagnostics, d => d.Code.StartsWith("HIST", StringComparison.Ordinal));
            Assert.Equal((HistoryCodes.ShallowClone, Severity.Info), (said.Code, said.Severity));
            Assert.Equal(2, build.VersionIds("/job-families/garden/plant-keeper/").Count);
            Assert.Contains("earlier history is not available", build.Read("/job-families/garden/plant-keeper/history/"), StringComparison.Ordinal);
        }
        finally
        {
            TestRepository.DeleteFolder(clone);
        }
    }

    private static void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git failed: " + error);
    }
}
