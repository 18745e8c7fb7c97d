namespace Handbook.Site.Tests.Versions;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline;
using Handbook.Pipeline.Documents;

/// <summary>
/// An old version of a page shows what the page showed: a "tag" that is no HTML element (<c>&lt;Speciality&gt;</c> in
/// running text, as on GitLab's pages) is shown as text in a version as in the current build, not dropped by the
/// sanitizer because the historic render skips the checks that only report.
/// </summary>
public sealed class HistoricStrayTagTests
{
    private const string Page = "job-families/engineering/evangelist.md";

    private static string Text(string line) =>
        "---\ntitle: Evangelist\n---\n\n## Evangelist\n\n### Responsibilities\n\n- " + line + "\n- Speak at events\n";

    [Fact]
    public async Task Given_a_page_with_a_placeholder_tag_When_rendered_as_an_old_version_Then_its_body_is_the_current_build_s()
    {
        // Given a page whose responsibilities name a placeholder in angle brackets
        var text = Text("Titles will be <Speciality> Evangelist");

        // When it is rendered as a version (a historic batch) and by the current build's stages (the oracle)
        var version = await SampleHistoricBatch.RenderAsync(
            SampleHistoricBatch.Build(bodiesAsUtf8: false), [Document.FromSource(Page, text)], SampleHistoricBatch.GradeData(), maxDegreeOfParallelism: 1);
        var current = await CurrentBodyAsync(text);

        // Then the version's body is the current one, and both show the placeholder as text
        var body = version[Page].Family.BodyHtml;
        Assert.Equal(current, body);
        Assert.Contains("Titles will be &lt;Speciality&gt; Evangelist", body, StringComparison.Ordinal);
    }

    private static async Task<string> CurrentBodyAsync(string text)
    {
        var site = new Site { KeepsRunRecord = false }.AddJobFamilies(new JobFamiliesOptions());
        var documents = (await site.RunAsync([Document.FromSource(SampleHistoricBatch.GradeDataPath, SampleHistoricBatch.GradeData()), Document.FromSource(Page, text)])).Documents;
        return documents.Single(d => d.SourcePath == Page).Get(JobFamilyKeys.BodyHtml);
    }
}
