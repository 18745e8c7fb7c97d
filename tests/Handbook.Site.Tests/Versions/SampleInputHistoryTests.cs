namespace Handbook.Site.Tests.Versions;

using Handbook.Testing;

/// <summary>
/// The sample input lives in this project's own repository, so a build of it with history on reads this
/// repository's real commits of <c>input/</c>: it must work and give the same bytes twice (dates come from git).
/// </summary>
public sealed class SampleInputHistoryTests
{
    private static readonly string Input = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    [Fact]
    public async Task The_sample_input_builds_with_its_git_history_and_twice_gives_the_same_bytes()
    {
        using var first = await VersionedBuild.RunAsync(Input);
        using var second = await VersionedBuild.RunAsync(Input);

        Assert.True(first.Report.OutputWritten, string.Join("\n", first.Report.Diagnostics));
        Assert.DoesNotContain(first.Report.Diagnostics, d => d.Code.StartsWith("INTERNAL", StringComparison.Ordinal));
        var files = Directory.EnumerateFiles(first.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first.Output, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.EnumerateFiles(second.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second.Output, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first.Output, f)), File.ReadAllBytes(Path.Combine(second.Output, f))));

        // In a checkout with history (not an exported copy) every family has versions and a history page
        if (!first.Report.Diagnostics.Any(d => d.Code == "HIST001"))
        {
            Assert.Contains(files, f => f.EndsWith(Path.Combine("history", "index.html"), StringComparison.Ordinal));
            Assert.Contains(files, f => f.Contains(Path.DirectorySeparatorChar + "versions" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            Assert.True(first.Exists("/job-families/recent-changes/"));
        }
    }
}
