namespace Handbook.JobFamilies.Tests.Versions;

using Handbook.JobFamilies.Versions.Diff;

public sealed class VersionDiffTests
{
    [Fact]
    public void A_grade_change_is_called_out_per_role()
    {
        var before = Model(Role("Senior Product Manager", "9", ("Responsibilities", ["Owns the roadmap"])));
        var after = Model(Role("Senior Product Manager", "8", ("Responsibilities", ["Owns the roadmap"])));

        var role = Assert.Single(VersionDiff.Compare(before, after).Roles);

        Assert.Equal(ChangeKind.Changed, role.Kind);
        Assert.Equal("grade 9 → 8", role.Grade!.Describe());
        Assert.Empty(role.Sections);
    }

    [Fact]
    public void Grades_are_compared_as_numbers()
    {
        var before = Model(Role("Manager", "9.0", ("Requirements", ["Leads"])));
        var after = Model(Role("Manager", "9", ("Requirements", ["Leads"])));

        Assert.True(VersionDiff.Compare(before, after).IsEmpty);
    }

    [Fact]
    public void An_inserted_item_is_reported_once_not_as_a_shift_of_every_following_item()
    {
        var before = Model(Role("Writer", null, ("Responsibilities", ["Writes", "Edits", "Publishes"])));
        var after = Model(Role("Writer", null, ("Responsibilities", ["Writes", "Plans", "Edits", "Publishes"])));

        var section = Assert.Single(Assert.Single(VersionDiff.Compare(before, after).Roles).Sections);

        Assert.Equal(["Plans"], section.Added);
        Assert.Empty(section.Removed);
        Assert.Empty(section.Changed);
    }

    [Fact]
    public void Reworded_removed_and_added_items_and_sections_are_reported()
    {
        var before = Model(Role("Writer", "7",
            ("Responsibilities", ["Writes docs", "Edits", "Publishes"]),
            ("Nice to haves", ["Knows Markdown"])));
        var after = Model(Role("Writer", "7",
            ("Responsibilities", ["Writes and tests docs", "Edits"]),
            ("Requirements", ["Five years of writing"])));

        var role = Assert.Single(VersionDiff.Compare(before, after).Roles);

        Assert.Null(role.Grade);
        var responsibilities = role.Sections.Single(s => s.Section == "Responsibilities");
        Assert.Equal([new ItemChange("Writes docs", "Writes and tests docs")], responsibilities.Changed);
        Assert.Equal(["Publishes"], responsibilities.Removed);
        Assert.Equal(ChangeKind.Added, role.Sections.Single(s => s.Section == "Requirements").Kind);
        Assert.Equal(["Knows Markdown"], role.Sections.Single(s => s.Section == "Nice to haves").Removed);
    }

    [Fact]
    public void Added_and_removed_roles_are_listed_with_their_grades()
    {
        var before = Model(Role("Intermediate", "6", ("Responsibilities", ["Does"])), Role("Principal", "9.5", ("Responsibilities", ["Leads"])));
        var after = Model(Role("Intermediate", "6", ("Responsibilities", ["Does"])), Role("Staff", "8", ("Responsibilities", ["Guides"])));

        var diff = VersionDiff.Compare(before, after);

        Assert.Equal(
            "Added role Staff: grade 8 added\n  Added section Responsibilities:\n    + Guides\n"
            + "Removed role Principal: grade 9.5 removed\n  Removed section Responsibilities:\n    - Leads\n",
            VersionDiffText.Format(diff));
    }

    [Fact]
    public void Roles_and_sections_are_matched_ignoring_case()
    {
        var before = Model(Role("senior writer", "7", ("responsibilities", ["Writes"])));
        var after = Model(Role("Senior Writer", "7", ("Responsibilities", ["Writes"])));

        Assert.Equal("no changes to roles, grades or items\n", VersionDiffText.Format(VersionDiff.Compare(before, after)));
    }

    private static VersionModel Model(params RoleModel[] roles) => new(roles);

    private static RoleModel Role(string name, string? grade, params (string Title, string[] Items)[] sections) =>
        new(name, grade, sections.Select(s => new SectionModel(s.Title, s.Items)).ToList());
}
