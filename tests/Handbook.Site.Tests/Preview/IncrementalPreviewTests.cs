namespace Handbook.Site.Tests.Preview;

using System.Text.Json;

/// <summary>
/// The running preview over a copy of the sample site: an edit on disk is rebuilt incrementally, the browsers are
/// told which page changed, and the new content is served; what is recomputed is only what depends on the edit.
/// </summary>
public sealed class IncrementalPreviewTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string AnalystPage = "job-families/security/security-analyst.md";
    private const string AnalystUrl = "/job-families/security/security-analyst/";

    [Fact]
    public async Task Given_a_served_page_When_its_Markdown_is_edited_Then_a_reload_event_names_it_and_the_new_content_is_served()
    {
        await using var preview = await LivePreview.StartAsync();
        using var events = await EventStreamReader.ConnectAsync(preview.Client);
        Assert.Contains("Calm under pressure", await preview.Client.GetStringAsync(new Uri(AnalystUrl, UriKind.Relative)), StringComparison.Ordinal);

        await preview.EditAsync(AnalystPage, text => text.Replace("Calm under pressure", "Calm and kind under pressure", StringComparison.Ordinal));
        var reload = await events.ReadUntilAsync(line => line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains(AnalystUrl, StringComparison.Ordinal), Patience);

        using var json = JsonDocument.Parse(reload["data: ".Length..]);
        Assert.Contains(AnalystUrl, json.RootElement.GetProperty("urls").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains("Calm and kind under pressure", await preview.Client.GetStringAsync(new Uri(AnalystUrl, UriKind.Relative)), StringComparison.Ordinal);
        // (the page is published, and its event sent, before the build ends and is reported; a slow machine may have
        // split the save into two bursts)
        var report = await preview.WaitForReportAsync(afterBuild: 1, r => r.ChangedFiles.Contains("job-families/security/security-analyst/index.html"), Patience);
        Assert.Single(preview.Reports.Skip(1), r => r.ChangedFiles.Contains("job-families/security/security-analyst/index.html"));
        Assert.Contains("job-families/security/security-analyst/index.html", report.PublishedEarly);
        Assert.True(report.WasIncremental, report.FullRebuildReason);
        Assert.Empty(preview.Errors);
    }

    [Fact]
    public async Task Given_a_family_that_others_extend_When_it_is_edited_Then_it_and_its_extenders_are_parsed_again_and_the_rest_is_at_most_rendered()
    {
        // Given senior.md extends the Senior Backend Engineer of backend-engineer.md, and staff extends senior.md
        await using var preview = await LivePreview.StartAsync();
        var total = preview.Reports[0].RebuiltPages;

        // When a responsibility of the Senior Backend Engineer changes
        await preview.EditAsync("job-families/engineering/backend-engineer.md", text => ReplaceInSection(text, "### Senior Backend Engineer", "* ", "* Mentor two engineers a year\n* "));
        var report = await preview.WaitForBuildAsync(2, Patience);

        // Then the edited page and the pages that inherit from it (directly or through another) are parsed again,
        // the department page that lists it is expanded again, and nothing else is parsed
        Assert.True(report.WasIncremental, report.FullRebuildReason);
        var recomputed = preview.Session.Build.LastResult!.RecomputedFrom;
        var parsedAgain = recomputed.Where(kv => kv.Value is "ReadInput" or "ReadFrontMatter" or "ExpandErb" or "ParseJobFamilies").Select(kv => kv.Key).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "job-families/engineering/backend-engineer.md",
                "job-families/engineering/development/backend/senior.md",
                "job-families/engineering/development/backend/staff/index.html.md",
                "job-families/engineering/index.html.md.erb",
            ],
            parsedAgain);
        Assert.Equal("ParseJobFamilies", recomputed["job-families/engineering/development/backend/staff/index.html.md"]);

        // And the rest of what was recomputed was only rendered: engineering pages (their breadcrumbs show the
        // department page) and the generated indexes – never a page of another department
        Assert.All(recomputed.Where(kv => !parsedAgain.Contains(kv.Key)), kv => Assert.True(kv.Value == "RenderTheme" || !kv.Key.EndsWith(".md", StringComparison.Ordinal) && !kv.Key.EndsWith(".erb", StringComparison.Ordinal), $"{kv.Key} from {kv.Value}"));
        Assert.DoesNotContain(recomputed.Keys, path => path.StartsWith("job-families/sales/", StringComparison.Ordinal));
        Assert.InRange(report.RebuiltPages, 4, total - 1);

        // And the inherited bullet reaches the page two extends away
        var staff = await preview.Client.GetStringAsync(new Uri("/job-families/engineering/development/backend/staff/", UriKind.Relative));
        Assert.Contains("Mentor two engineers a year", staff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_running_preview_When_a_template_changes_Then_every_page_is_rendered_again_and_nothing_is_parsed()
    {
        await using var preview = await LivePreview.StartAsync();
        var pages = preview.Reports[0].RebuiltPages;

        var template = Path.Combine(preview.ThemeFolder, "job-family.liquid");
        await File.WriteAllTextAsync(template, (await File.ReadAllTextAsync(template)).Replace("<article class=\"job-family\">", "<article class=\"job-family\" data-edited=\"yes\">", StringComparison.Ordinal));
        var report = await preview.WaitForBuildAsync(2, Patience);

        Assert.True(report.WasIncremental, report.FullRebuildReason);
        Assert.Equal(pages, report.RebuiltPages);
        var timings = preview.Session.Build.LastResult!.Timings;
        Assert.Equal(0, timings.Single(t => t.Stage == "ParseJobFamilies").DocumentsIn);
        Assert.Equal(0, timings.Single(t => t.Stage == "RenderBodyHtml").DocumentsIn);
        Assert.Contains("data-edited=\"yes\"", await preview.Client.GetStringAsync(new Uri(AnalystUrl, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_running_preview_When_the_grade_data_changes_Then_every_family_resolves_grades_again_without_reading_its_file_again()
    {
        await using var preview = await LivePreview.StartAsync();
        var families = preview.Reports[0].Report.FamilyCount;

        await preview.EditAsync("data/job-grades.yml", text => text.Replace("title: \"Intermediate\"", "title: \"Intermediate (renamed)\"", StringComparison.Ordinal));
        var report = await preview.WaitForBuildAsync(2, Patience);

        Assert.True(report.WasIncremental, report.FullRebuildReason);
        var result = preview.Session.Build.LastResult!;
        Assert.Equal(1, result.Timings.Single(t => t.Stage == "ReadFrontMatter").DocumentsIn); // the data file itself
        Assert.InRange(result.Timings.Single(t => t.Stage == "ParseJobFamilies").DocumentsIn, families, int.MaxValue);
        Assert.Equal("ReadInput", result.RecomputedFrom["data/job-grades.yml"]);
        Assert.Equal("ParseJobFamilies", result.RecomputedFrom[AnalystPage]);
        Assert.Contains("Intermediate (renamed)", await preview.Client.GetStringAsync(new Uri("/handbook/total-rewards/compensation/compensation-calculator/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_served_page_When_its_front_matter_breaks_Then_the_overlay_gets_the_error_and_the_fix_clears_it_and_reloads()
    {
        await using var preview = await LivePreview.StartAsync();
        using var events = await EventStreamReader.ConnectAsync(preview.Client);

        await preview.EditAsync(AnalystPage, text => text.Replace("title: Security Analyst", "title: \"Security Analyst", StringComparison.Ordinal));
        var errors = await events.NextEventAsync("errors", Patience);
        var broken = await preview.WaitForBuildAsync(2, Patience);

        using (var json = JsonDocument.Parse(errors))
        {
            var first = json.RootElement.GetProperty("errors")[0];
            Assert.Equal(AnalystPage, first.GetProperty("path").GetString());
            Assert.True(first.GetProperty("line").GetInt32() >= 1);
            Assert.StartsWith("FM", first.GetProperty("code").GetString(), StringComparison.Ordinal);
        }

        Assert.False(broken.Report.OutputWritten);
        Assert.Contains("<h1>Security Analyst</h1>", await preview.Client.GetStringAsync(new Uri(AnalystUrl, UriKind.Relative)), StringComparison.Ordinal);

        await preview.EditAsync(AnalystPage, text => text.Replace("title: \"Security Analyst", "title: Security Analyst, Operations", StringComparison.Ordinal));
        await events.NextEventAsync("clear", Patience);
        var reload = await events.NextEventAsync("reload", Patience);

        Assert.Contains(AnalystUrl, reload, StringComparison.Ordinal);
        Assert.Contains("<h1>Security Analyst, Operations</h1>", await preview.Client.GetStringAsync(new Uri(AnalystUrl, UriKind.Relative)), StringComparison.Ordinal);
    }

    /// <summary>Replaces the first <paramref name="find"/> after <paramref name="heading"/> (a test edit inside one role).</summary>
    private static string ReplaceInSection(string text, string heading, string find, string replacement)
    {
        var start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no heading '{heading}'");
        var at = text.IndexOf(find, start, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + find.Length)..];
    }
}
