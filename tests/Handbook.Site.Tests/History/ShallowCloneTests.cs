namespace Handbook.Site.Tests.History;

using System.Diagnostics;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History;

public sealed class ShallowCloneTests
{
    private const string Writer = "job-families/engineering/technical-writer/index.html.md";

    [Fact]
    public void A_shallow_clone_is_reported_once_and_its_visible_commits_are_used()
    {
        // Given a repository with three versions of a page, cloned with depth 1 (as CI runners do by default)
        using var origin = new TestRepository();
        origin.Write(Writer, Pages.Family("Technical Writer", "One")).Commit("First");
        origin.Write(Writer, Pages.Family("Technical Writer", "One", "Two")).Commit("Second");
        var last = origin.Write(Writer, Pages.Family("Technical Writer", "One", "Two", "Three")).Commit("Third");
        var clone = Path.Combine(Path.GetTempPath(), "hb-shallow-" + Guid.NewGuid().ToString("N"));
        try
        {
            Git("clone", "--quiet", "--depth", "1", new Uri(origin.Root).AbsoluteUri, clone);
            var diagnostics = new DiagnosticBag();

            // When the history of the clone is walked
            using var history = RepositoryHistory.Open(clone, diagnostics);
            Assert.NotNull(history);
            var walk = history.Walk();

            // Then the shallow clone is said once, and the only visible commit is the page's only version
            Assert.True(history.IsShallow);
            var message = Assert.Single(diagnostics.Sorted());
            Assert.Equal(HistoryCodes.ShallowClone, message.Code);
            Assert.Equal(Severity.Info, message.Severity);
            Assert.Equal(1, walk.CommitCount);
            var version = Assert.Single(Assert.Single(walk.Families).Versions);
            Assert.Equal(last.Sha, version.CommitSha);
            Assert.True(version.AtShallowBoundary);
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
