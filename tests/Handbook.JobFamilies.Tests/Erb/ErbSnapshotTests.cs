namespace Handbook.JobFamilies.Tests.Erb;

using ApprovalTests;
using Handbook.JobFamilies.Erb;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Markdig;

public sealed class ErbSnapshotTests
{
    [Fact]
    public void Erb_fixture_expands_the_family_list_and_both_partial_calls()
    {
        var folder = Path.Combine(SharedCorpus.RepositoryRoot, "tests/Handbook.JobFamilies.Tests/Erb/Fixtures");
        var env = new InMemoryErbEnvironment();
        env.Files["job-families/harbour/_metrics.erb"] = File.ReadAllText(Path.Combine(folder, "_metrics.erb"));
        env.Families["harbour"] =
        [
            new FamilyLink("Tide Pilot", "/job-families/harbour/tide-pilot/"),
            new FamilyLink("Dock Master", "/job-families/harbour/dock-master/"),
        ];
        var diags = new List<Diagnostic>();

        var result = ErbExpander.Expand(
            "job-families/harbour/index.html.md.erb", File.ReadAllText(Path.Combine(folder, "erb-page.html.md.erb")), env, diags);

        Assert.Empty(diags);
        Approvals.Verify(Markdown.ToHtml(result.Text));
    }
}
