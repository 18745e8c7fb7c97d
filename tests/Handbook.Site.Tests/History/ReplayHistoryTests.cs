namespace Handbook.Site.Tests.History;

using System.Diagnostics;
using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History;
using Handbook.Site.History.Settings;
using Xunit.Abstractions;

/// <summary>
/// Replays upstream's real job-families history (REPLAY.tsv: 92 commits, renames, a deletion) into a git
/// repository and checks that version discovery finds every page change.
/// </summary>
[Collection(Handbook.Site.Tests.Versions.ReplayedSite.Collection)]
public sealed class ReplayHistoryTests(Handbook.Site.Tests.Versions.ReplayedSite replayed, ITestOutputHelper output)
{
    private readonly string _target = replayed.Repository;

    [ReplayFact]
    public async Task Every_page_change_of_the_real_history_is_a_version_and_renamed_families_keep_one_identity()
    {
        // Given the replayed history
        await replayed.Replayed;
        output.WriteLine(replayed.Log);
        var plan = ReadPlan();
        var diagnostics = new DiagnosticBag();

        // When versions are discovered (nothing limited, so every version is visible)
        var clock = Stopwatch.StartNew();
        using var found = VersionDiscovery.Discover(_target, HistorySettings.Default with { MaxVersions = int.MaxValue }, diagnostics);
        output.WriteLine($"discovery (walk + folding) of {found.Walk.CommitCount} commits: {clock.ElapsedMilliseconds} ms (walk alone {found.WalkTime.TotalMilliseconds:F0} ms)");
        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(plan.Select(r => r.Order).Distinct().Count(), found.Walk.CommitCount);

        // Then every added/modified page of the plan is a version of some family at its commit (or folded into one)
        var commitsOldestFirst = replayed.ShasOldestFirst;
        var byCommitAndPath = found.Families
            .SelectMany(f => f.Versions.SelectMany(v => v.Folded.Select(x => x.Version).Prepend(v)).Select(v => (f.CurrentPath, v)))
            .ToLookup(x => (x.v.CommitSha, x.v.PathAtCommit));
        var orders = plan.Select(r => r.Order).Distinct().ToList();
        var checkedRows = 0;
        var folded = 0;
        var notAtHead = 0;
        foreach (var row in plan.Where(r => r.Op != "D" && r.Path.StartsWith("job-families/", StringComparison.Ordinal)))
        {
            var sha = commitsOldestFirst[orders.IndexOf(row.Order)];
            if (byCommitAndPath.Contains((sha, row.Path)))
            {
                checkedRows++;
                folded += found.Families.Any(f => f.Versions.Any(v => v.Folded.Any(x => x.Version.CommitSha == sha && x.Version.PathAtCommit == row.Path))) ? 1 : 0;
                continue;
            }

            // Only a page that no longer exists at HEAD (deleted, not renamed) may be missing.
            Assert.DoesNotContain(found.Families, f => f.CurrentPath == row.Path);
            notAtHead++;
        }

        output.WriteLine($"{checkedRows} page changes found as versions ({folded} of them folded into an older one), {notAtHead} belong to pages deleted before HEAD");
        Assert.True(checkedRows > 150, $"only {checkedRows} rows checked");

        // And the technical-account-manager page renamed to customer-success-management keeps its old versions
        var renamed = found.Walk.Find("job-families/sales/customer-success-management/index.html.md");
        Assert.NotNull(renamed);
        Assert.Contains(renamed.Versions, v => v.PathAtCommit == "job-families/sales/technical-account-manager/index.html.md");
        Assert.DoesNotContain(found.Families, f => f.CurrentPath.Contains("technical-account-manager", StringComparison.Ordinal));

        // And every family's newest version is the page as it is at HEAD
        foreach (var family in found.Walk.Families)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(_target, family.CurrentPath)), found.ReadPage(family.Versions[0]));
        }
    }

    [ReplayFact]
    public async Task Versions_before_the_regrade_of_2022_09_15_come_with_the_grade_table_that_still_had_9_5()
    {
        await replayed.Replayed;
        output.WriteLine(replayed.Log);
        var diagnostics = new DiagnosticBag();
        using var history = RepositoryHistory.Open(_target, diagnostics)!;
        var walk = history.Walk();
        var regrade = new DateTimeOffset(2022, 9, 15, 18, 31, 29, TimeSpan.Zero);

        // The grade data (imported from the calculator page of each commit) changed in the first commit and on
        // 2022-09-15, when 9.5 was dropped; the calculator's 2022-08-30 edit left the grade tables as they were
        Assert.Equal(
            ["2022-08-12", "2022-09-15"],
            walk.GradeDataChanges.Select(c => c.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        var versions = walk.Families.SelectMany(f => f.Versions).ToList();
        Assert.Contains(versions, v => v.Date < regrade);
        Assert.Contains(versions, v => v.Date >= regrade);
        foreach (var version in versions)
        {
            var grades = history.ReadBlobText(version.GradeDataBlobSha!)!;
            Assert.True(
                grades.Contains("9.5", StringComparison.Ordinal) == version.Date < regrade,
                $"{version.Id} {version.PathAtCommit}: grade table of the wrong date");
        }
    }

    [ReplayFact]
    public async Task Two_walks_of_the_real_history_give_identical_results()
    {
        await replayed.Replayed;
        output.WriteLine(replayed.Log);
        var diagnostics = new DiagnosticBag();
        using var history = RepositoryHistory.Open(_target, diagnostics)!;

        var times = new List<long>();
        var descriptions = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var clock = Stopwatch.StartNew();
            descriptions.Add(RepositoryHistoryTests.Describe(history.Walk()));
            times.Add(clock.ElapsedMilliseconds);
        }

        output.WriteLine($"walk times: {string.Join(", ", times)} ms");
        Assert.Equal(descriptions[0], descriptions[1]);
        Assert.NotEmpty(descriptions[0]);
    }

    private static List<(int Order, string Op, string Path)> ReadPlan() =>
        File.ReadLines(ReplayFactAttribute.ReplayPlan)
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(f => (int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), f[4], f[5]))
            .ToList();
}
