namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Parsing;

public sealed class FamilyPathTests
{
    [Theory]
    [InlineData("job-families/sales/solutions-architect.md", "sales/solutions-architect", "sales", false, false, false)]
    [InlineData("job-families/sales/solutions-architect/index.html.md", "sales/solutions-architect", "sales", false, true, false)]
    [InlineData("job-families/sales/solutions-architect/index.html.md.erb", "sales/solutions-architect", "sales", false, true, true)]
    [InlineData("job-families/sales/index.md", "sales", "sales", true, true, false)]
    [InlineData("job-families/sales/index.html.md.erb", "sales", "sales", true, true, true)]
    [InlineData("job-families/engineering/development/backend/senior.md", "engineering/development/backend/senior", "engineering", false, false, false)]
    [InlineData("job-families/engineering/development/backend/index.html.md.erb", "engineering/development/backend", "engineering", false, true, true)]
    [InlineData("job-families/engineering/development/fullstack/intermediate-fullstack-engineer.html.md", "engineering/development/fullstack/intermediate-fullstack-engineer", "engineering", false, false, false)]
    [InlineData("job-families\\finance\\payroll.md", "finance/payroll", "finance", false, false, false)]
    [InlineData("job-families/greenhouse/seed-keeper/_index.md", "greenhouse/seed-keeper", "greenhouse", false, true, false)]
    [InlineData("job-families/greenhouse/seed-keeper/senior.md", "greenhouse/seed-keeper/senior", "greenhouse", false, false, false)]
    [InlineData("job-families/greenhouse/_index.md", "greenhouse", "greenhouse", true, true, false)]
    [InlineData("job-families/greenhouse/seed-keeper/_INDEX.html.md.erb", "greenhouse/seed-keeper", "greenhouse", false, true, true)]
    public void Given_a_page_path_When_parsed_Then_slug_department_and_kind_are_derived(
        string path, string slug, string department, bool isDepartmentIndex, bool isFolderIndex, bool isErb)
    {
        var ok = FamilyPath.TryParse(path, out var info);

        Assert.True(ok);
        Assert.Equal(slug, info!.Slug);
        Assert.Equal(department, info.Department);
        Assert.Equal($"/job-families/{slug}/", info.Url);
        Assert.Equal(isDepartmentIndex, info.IsDepartmentIndex);
        Assert.Equal(isFolderIndex, info.IsFolderIndex);
        Assert.Equal(isErb, info.IsErb);
        Assert.DoesNotContain('\\', info.SourcePath);
    }

    [Theory]
    [InlineData("job-families/sales/_performance.erb")]
    [InlineData("job-families/sales/_performance.md")]
    [InlineData("job-families/sales/solutions-architect/diagram.png")]
    [InlineData("job-families/sales/notes.txt")]
    [InlineData("job-families/index.html.md")]
    [InlineData("job-families/_index.md")]
    [InlineData("job-families/sales/_index.erb")]
    [InlineData("job-families/sales/_indexes.md")]
    [InlineData("job-families/sales/_index-intro.md")]
    [InlineData("handbook/sales/solutions-architect.md")]
    [InlineData("job-families/sales/.md")]
    [InlineData("")]
    public void Given_a_path_that_is_not_a_page_When_parsed_Then_it_is_rejected(string path)
    {
        Assert.False(FamilyPath.TryParse(path, out var info));
        Assert.Null(info);
    }

    [Theory]
    [InlineData("_performance.md", true)]
    [InlineData("_performance.erb", true)]
    [InlineData("_index.md", false)]
    [InlineData("_index.html.md.erb", false)]
    [InlineData("_index.erb", true)]
    [InlineData("_indexes.md", true)]
    [InlineData("index.md", false)]
    [InlineData("senior.md", false)]
    public void Given_a_file_name_When_asked_if_partial_Then_only_underscored_names_other_than_hugo_index_are(string name, bool partial) =>
        Assert.Equal(partial, FamilyPath.IsPartialFileName(name));
}
