namespace Handbook.JobFamilies.Tests.Reuse;

using Handbook.JobFamilies.Reuse;

/// <summary>
/// <see cref="RebuildPlanner"/>: the families whose text changed, the pages with no stored state, their inheritors and
/// the inheritors' targets are rebuilt; every other family (ERB pages too) is restored; a changed set of families is a
/// full build.
/// </summary>
public sealed class RebuildPlannerTests
{
    // base ← mid ← top (top extends mid, which extends base); lone extends nothing; the previous build stored no state
    // for unstored.md; list.html.md.erb is an ERB page with a stored state.
    private static readonly StoredFamilyRecord[] Stored =
    [
        new("job-families/base.md", "h-base", []),
        new("job-families/mid.md", "h-mid", ["job-families/base.md"]),
        new("job-families/top.md", "h-top", ["job-families/mid.md", "job-families/base.md"]),
        new("job-families/lone.md", "h-lone", []),
        new("job-families/other.md", "h-other", []),
        new("job-families/unstored.md", "h-unstored", []),
        new("job-families/list.html.md.erb", "h-list", []),
    ];

    private static readonly HashSet<string> Unstored = new(StringComparer.Ordinal) { "job-families/unstored.md" };

    [Fact]
    public void Given_nothing_changed_When_planned_Then_only_the_unstored_pages_are_rebuilt()
    {
        // When
        var plan = RebuildPlanner.Plan(Stored, Current(), Unstored);

        // Then
        Assert.False(plan.IsFull);
        Assert.Equal(["job-families/unstored.md"], plan.Rebuild);
        Assert.Equal(6, plan.Restore.Count);
        Assert.Contains("job-families/list.html.md.erb", plan.Restore);
    }

    [Fact]
    public void Given_one_family_nobody_extends_changed_When_planned_Then_it_and_the_unstored_pages_are_rebuilt_and_the_rest_restored()
    {
        // When
        var plan = RebuildPlanner.Plan(Stored, Current(("job-families/lone.md", "h-lone-2")), Unstored);

        // Then
        Assert.Equal(["job-families/lone.md", "job-families/unstored.md"], plan.Rebuild.Order(StringComparer.Ordinal));
        Assert.Equal(["job-families/base.md", "job-families/list.html.md.erb", "job-families/mid.md", "job-families/other.md", "job-families/top.md"], plan.Restore.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_a_family_others_extend_changed_When_planned_Then_its_inheritors_and_their_targets_are_rebuilt()
    {
        // When: base changes; mid and top inherit from it (top through mid).
        var plan = RebuildPlanner.Plan(Stored, Current(("job-families/base.md", "h-base-2")), Unstored);

        // Then
        Assert.Equal(
            ["job-families/base.md", "job-families/mid.md", "job-families/top.md", "job-families/unstored.md"],
            plan.Rebuild.Order(StringComparer.Ordinal));
        Assert.Equal(["job-families/list.html.md.erb", "job-families/lone.md", "job-families/other.md"], plan.Restore.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_an_extending_family_changed_When_planned_Then_its_targets_are_rebuilt_with_it_but_not_their_other_inheritors()
    {
        // When: mid changes; it copies bullets from base's tree, so base is parsed too; top inherits from mid.
        var plan = RebuildPlanner.Plan(Stored, Current(("job-families/mid.md", "h-mid-2")), Unstored);

        // Then
        Assert.Equal(
            ["job-families/base.md", "job-families/mid.md", "job-families/top.md", "job-families/unstored.md"],
            plan.Rebuild.Order(StringComparer.Ordinal));

        // When: top changes; its targets (mid, base) are parsed for their trees, nothing inherits from top.
        var topOnly = RebuildPlanner.Plan(Stored, Current(("job-families/top.md", "h-top-2")), Unstored);

        // Then
        Assert.Equal(["job-families/list.html.md.erb", "job-families/lone.md", "job-families/other.md"], topOnly.Restore.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_an_erb_page_changed_When_planned_Then_it_is_rebuilt_like_any_changed_page()
    {
        // When
        var plan = RebuildPlanner.Plan(Stored, Current(("job-families/list.html.md.erb", "h-list-2")), Unstored);

        // Then
        Assert.Equal(["job-families/list.html.md.erb", "job-families/unstored.md"], plan.Rebuild.Order(StringComparer.Ordinal));
        Assert.Contains("job-families/lone.md", plan.Restore);
    }

    [Theory]
    [InlineData("added")]
    [InlineData("deleted")]
    public void Given_the_set_of_families_changed_When_planned_Then_it_is_a_full_build(string change)
    {
        // Given
        var current = Current();
        if (change == "added")
        {
            current["job-families/new.md"] = "h-new";
        }
        else
        {
            current.Remove("job-families/other.md");
        }

        // When
        var plan = RebuildPlanner.Plan(Stored, current, Unstored);

        // Then
        Assert.True(plan.IsFull);
        Assert.Equal("the set of family pages changed", plan.Reason);
        Assert.Equal(current.Keys.Order(StringComparer.Ordinal), plan.Rebuild.Order(StringComparer.Ordinal));
        Assert.Empty(plan.Restore);
    }

    [Fact]
    public void Given_a_stored_state_naming_a_family_twice_When_planned_Then_it_is_a_full_build()
    {
        // When
        var plan = RebuildPlanner.Plan([.. Stored, new("job-families/lone.md", "h-lone", [])], Current(), Unstored);

        // Then
        Assert.True(plan.IsFull);
    }

    [Fact]
    public void Given_a_partial_plan_When_a_rebuilt_family_now_resolves_to_a_restored_one_Then_it_is_not_covered()
    {
        // Given: lone changed and is rebuilt; other is restored.
        var plan = RebuildPlanner.Plan(Stored, Current(("job-families/lone.md", "h-lone-2")), Unstored);

        // Then: a statement of lone that now finds other (restored: no tree) is not covered; one that finds nothing is.
        Assert.False(plan.Covers(["job-families/other.md"]));
        Assert.True(plan.Covers([]));
        Assert.True(plan.Covers(["job-families/unstored.md"]));
        Assert.True(RebuildPlan.Full("test", ["a"]).Covers(["b"]));
    }

    private static Dictionary<string, string> Current(params (string Path, string Hash)[] changes)
    {
        var current = Stored.ToDictionary(r => r.SourcePath, r => r.TextHash, StringComparer.Ordinal);
        foreach (var (path, hash) in changes)
        {
            current[path] = hash;
        }

        return current;
    }
}
