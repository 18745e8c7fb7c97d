namespace Handbook.Site.Tests.Versions;

using System.Text;
using System.Text.Json;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Tests.Support;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;
using Handbook.Site.Versions;

/// <summary>
/// The historic renders keep each version's body as the UTF-8 bytes the sanitiser writes (issue 9: no body string,
/// and the render cache stores the bytes as they are). The renders that keep the string are the oracle: the same
/// body, the same everything else, and the same HTML where the theme places the family.
/// </summary>
public sealed class HistoricUtf8BodyTests
{
    [Fact]
    public async Task Given_the_sample_pages_When_rendered_with_UTF8_bodies_Then_each_version_is_the_string_renders_content()
    {
        // Given every sample page and the sample grade data
        var pages = SampleHistoricBatch.Pages();
        var gradeData = SampleHistoricBatch.GradeData();
        var views = SampleHistoricBatch.NewViews();

        // When they are rendered keeping the bodies as UTF-8 (as versioned builds do) and as strings (the oracle)
        var utf8 = await SampleHistoricBatch.RenderAsync(SampleHistoricBatch.Build(new HistoricGradeTables(), views: views), pages, gradeData, maxDegreeOfParallelism: 2);
        var strings = await SampleHistoricBatch.RenderAsync(SampleHistoricBatch.Build(new HistoricGradeTables(), bodiesAsUtf8: false, views: views), pages, gradeData, maxDegreeOfParallelism: 2);

        // Then every page has the same content, its body as the bytes of the oracle's string
        Assert.Equal(strings.Keys.Order(StringComparer.Ordinal), utf8.Keys.Order(StringComparer.Ordinal));
        Assert.True(strings.Count > 10);
        var theme = Theme.Load(TestTheme.Folder, new DiagnosticBag())!;
        foreach (var (path, oracle) in strings)
        {
            var content = utf8[path];
            Assert.Null(oracle.Family.BodyHtmlUtf8);
            Assert.NotEmpty(oracle.Family.BodyHtml);
            Assert.Equal(string.Empty, content.Family.BodyHtml);
            Assert.Equal(oracle.Family.BodyHtml, Encoding.UTF8.GetString(content.Family.BodyHtmlUtf8!));
            var withoutBody = content with { Family = content.Family with { BodyHtml = oracle.Family.BodyHtml, BodyHtmlUtf8 = null } };
            Assert.Equal(JsonSerializer.Serialize(oracle), JsonSerializer.Serialize(withoutBody));

            // ...and the theme places the family the same way
            Assert.Equal(Fragment(theme, views, oracle.Family), Fragment(theme, views, content.Family));
        }
    }

    private static string Fragment(Theme theme, PageViews views, FamilyView family)
    {
        var page = new PageView(family.Title, family.Description, family.Url, family.Url, []);
        return theme.RenderFragment(ThemeTemplates.JobFamily, views.Site, page, new Dictionary<string, object?> { ["family"] = family });
    }
}
