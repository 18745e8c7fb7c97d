namespace Handbook.Site.Tests.Hugo;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Site.Building;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// Pages of the Hugo-era handbook (2023+): a family split into <c>_index.md</c> and one file per level, links written
/// as <c>ref</c> shortcodes, theme shortcodes. Our own minimal pages; the real ones are read from the shared corpus.
/// </summary>
public sealed class HugoPagesBuildTests
{
    private static async Task<(IReadOnlyList<Document> Documents, IReadOnlyList<Diagnostic> Diagnostics)> BuildAsync(string input)
    {
        var request = new BuildRequest { InputFolder = input, OutputFolder = "unused", ThemeFolder = TestTheme.Folder, WriteOutput = false };
        var result = await SiteBuild.Compose(request, TestTheme.Instance, new SiteSettings()).RunAsync([]);
        return (result.Documents, result.Diagnostics);
    }

    private static string Html(IReadOnlyList<Document> documents, string destination) =>
        Assert.Single(documents, d => d.Destination == destination).Content;

    private static TempFolder SplitFamily()
    {
        var input = new TempFolder();
        input.Write("job-families/greenhouse/seed-keeper/_index.md", """
            ---
            title: "Seed Keeper"
            ---

            Seed Keepers look after the seed vault. Senior ones are on [their own page]({{< ref "senior" >}}).

            {{< level-list >}}

            ## Hiring Process

            - A walk through the [pruning team]({{< ref "/job-families/greenhouse/pruner" >}}) beds
            - A chat about the [old vault]({{< ref "/job-families/greenhouse/vault-clerk" >}})
            """);
        input.Write("job-families/greenhouse/seed-keeper/senior.md", """
            ---
            title: "Senior Seed Keeper"
            weight: 30
            ---

            The Senior Seed Keeper reports to the Head of Seeds.

            ### Responsibilities

            - Label every drawer
            - Back to the [family]({{< relref "_index.md" >}})
            """);
        input.Write("job-families/greenhouse/pruner.md", """
            ---
            title: "Pruner"
            ---

            ## Responsibilities

            - Prune
            """);
        input.Write("job-families/greenhouse/_care.md", "Water before noon.\n");
        input.Write("job-families/greenhouse/waterer/index.html.md.erb", """
            ---
            title: "Waterer"
            ---

            ## Responsibilities

            <%= partial("job-families/greenhouse/care") %>
            """);
        return input;
    }

    [Fact]
    public async Task Given_a_family_split_into_index_and_level_files_When_built_Then_each_is_a_page_at_its_own_url()
    {
        using var input = SplitFamily();

        var (documents, _) = await BuildAsync(input.Path);

        Assert.Contains("Seed Keeper", Html(documents, "job-families/greenhouse/seed-keeper/index.html"), StringComparison.Ordinal);
        Assert.Contains("Label every drawer", Html(documents, "job-families/greenhouse/seed-keeper/senior/index.html"), StringComparison.Ordinal);
        Assert.Contains("Water before noon.", Html(documents, "job-families/greenhouse/waterer/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain(documents, d => d.Destination?.Contains("_care", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("job-families/greenhouse/seed-keeper/index.md", "job-families/greenhouse/seed-keeper/_index.md", "keep '_index.md'")]
    [InlineData("job-families/greenhouse/pruner/index.html.md", "job-families/greenhouse/pruner.md", "merge the two files")]
    public async Task Given_two_files_for_one_page_When_built_Then_PAGE001_at_the_second_and_no_internal_error(string second, string kept, string hint)
    {
        using var input = SplitFamily();
        input.Write(second, "---\ntitle: \"Old Copy\"\n---\n\n## Responsibilities\n\n- Forgotten\n");

        var (documents, diagnostics) = await BuildAsync(input.Path);

        Assert.DoesNotContain(diagnostics, d => d.Code.StartsWith("INTERNAL", StringComparison.Ordinal));
        var d = Assert.Single(diagnostics, d => d.Code == "PAGE001");
        Assert.Equal((Severity.Error, second, 1, 1), (d.Severity, d.Location.Path, d.Location.Line, d.Location.Column));
        Assert.Contains($"only '{kept}' is built", d.Message, StringComparison.Ordinal);
        Assert.Contains(hint, d.Hint, StringComparison.Ordinal);
        var destination = kept.Contains("seed-keeper", StringComparison.Ordinal) ? "job-families/greenhouse/seed-keeper/index.html" : "job-families/greenhouse/pruner/index.html";
        Assert.DoesNotContain("Forgotten", Html(documents, destination), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "job-families/greenhouse/seed-keeper/junior.md", "and 1 other level page are in 'job-families/greenhouse/seed-keeper/', which has no '_index.md'", "add 'job-families/greenhouse/seed-keeper/_index.md'")]
    [InlineData(true, "job-families/greenhouse/seed-keeper/index.md", "Hugo reads 'index.md' as a page with nothing under it", "rename it 'job-families/greenhouse/seed-keeper/_index.md'")]
    public async Task Given_level_pages_whose_family_page_is_missing_or_named_index_md_When_built_Then_PAGE002(bool renamed, string path, string message, string hint)
    {
        using var input = SplitFamily();
        input.Write("job-families/greenhouse/seed-keeper/junior.md", "---\ntitle: \"Junior Seed Keeper\"\nweight: 10\n---\n\nSorts seeds.\n");
        var family = input["job-families/greenhouse/seed-keeper/_index.md"];
        if (renamed)
        {
            File.Move(family, input["job-families/greenhouse/seed-keeper/index.md"]);
        }
        else
        {
            File.Delete(family);
        }

        var (_, diagnostics) = await BuildAsync(input.Path);

        var d = Assert.Single(diagnostics, d => d.Code == "PAGE002");
        Assert.Equal((Severity.Warning, path, 1), (d.Severity, d.Location.Path, d.Location.Line));
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        Assert.StartsWith(hint, d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_page_saved_with_a_mistyped_ending_beside_an_image_When_built_Then_PAGE003_at_that_file_only_and_no_page_for_it()
    {
        using var input = SplitFamily();
        input.Write("job-families/greenhouse/vault-clerk.mb", "---\ntitle: \"Vault Clerk\"\n---\n\nKeeps the vault's ledger.\n");
        input.Write("job-families/greenhouse/seed-keeper/ladder.png", "not really an image");

        var (documents, diagnostics) = await BuildAsync(input.Path);

        var d = Assert.Single(diagnostics, d => d.Code.StartsWith("PAGE", StringComparison.Ordinal));
        Assert.Equal(("PAGE003", Severity.Warning, "job-families/greenhouse/vault-clerk.mb"), (d.Code, d.Severity, d.Location.Path));
        Assert.StartsWith("did you mean 'job-families/greenhouse/vault-clerk.md'?", d.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain(documents, doc => doc.Destination == "job-families/greenhouse/vault-clerk/index.html");
    }

    [Fact]
    public async Task Given_a_split_family_with_its_index_page_When_built_Then_no_PAGE_diagnostic()
    {
        using var input = SplitFamily();

        var (_, diagnostics) = await BuildAsync(input.Path);

        Assert.DoesNotContain(diagnostics, d => d.Code.StartsWith("PAGE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_level_pages_with_weights_When_the_family_page_lists_them_Then_lighter_first_and_unweighted_last_by_title()
    {
        using var input = SplitFamily();
        input.Write("job-families/greenhouse/seed-keeper/junior.md", "---\ntitle: \"Junior Seed Keeper\"\nweight: 10\n---\n\nSorts seeds.\n");
        input.Write("job-families/greenhouse/seed-keeper/apprentice.md", "---\ntitle: \"Apprentice Seed Keeper\"\n---\n\nWatches.\n");

        var (documents, _) = await BuildAsync(input.Path);

        var page = Html(documents, "job-families/greenhouse/seed-keeper/index.html");
        var family = page[page.IndexOf("class=\"folder-families\"", StringComparison.Ordinal)..];
        var junior = family.IndexOf("href=\"/job-families/greenhouse/seed-keeper/junior/\"", StringComparison.Ordinal);
        var senior = family.IndexOf("href=\"/job-families/greenhouse/seed-keeper/senior/\"", StringComparison.Ordinal);
        var apprentice = family.IndexOf("href=\"/job-families/greenhouse/seed-keeper/apprentice/\"", StringComparison.Ordinal);
        Assert.True(junior >= 0 && junior < senior && senior < apprentice, $"junior {junior}, senior {senior}, apprentice {apprentice}");
    }

    [Fact]
    public async Task Given_ref_shortcodes_When_built_Then_they_are_links_to_the_pages_and_a_missing_target_is_LINK001()
    {
        using var input = SplitFamily();

        var (documents, diagnostics) = await BuildAsync(input.Path);

        var family = Html(documents, "job-families/greenhouse/seed-keeper/index.html");
        Assert.Contains("href=\"/job-families/greenhouse/seed-keeper/senior/\"", family, StringComparison.Ordinal);
        Assert.Contains("href=\"/job-families/greenhouse/pruner/\"", family, StringComparison.Ordinal);
        Assert.Contains("href=\"/job-families/greenhouse/seed-keeper/\"", Html(documents, "job-families/greenhouse/seed-keeper/senior/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", family, StringComparison.Ordinal);

        // The broken ref is reported where it is written: line 12 of the file, at the link's text.
        var broken = Assert.Single(diagnostics, d => d.Code == "LINK001");
        Assert.Equal(("job-families/greenhouse/seed-keeper/_index.md", 12), (broken.Location.Path, broken.Location.Line));
        Assert.Contains("/job-families/greenhouse/vault-clerk/", broken.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("job-families/greenhouse/seed-keeper/_index.md", 12, 20), broken.Location);
    }

    [Fact]
    public async Task Given_bare_ref_names_When_built_Then_a_page_elsewhere_is_found_and_a_handbook_page_outside_the_input_is_text_with_HUGO005()
    {
        using var input = SplitFamily();
        input.Write("job-families/orchard/picker.md", """
            ---
            title: "Picker"
            ---

            ## Responsibilities

            - Sharpen shears with the [pruners]({{< ref "pruner#responsibilities" >}})
            - Read the [ladder guide]({{< ref "ladder-guide#rungs" >}}) first
            """);

        var (documents, diagnostics) = await BuildAsync(input.Path);

        var picker = Html(documents, "job-families/orchard/picker/index.html");
        Assert.Contains("href=\"/job-families/greenhouse/pruner/#responsibilities\"", picker, StringComparison.Ordinal);
        Assert.Contains("Read the ladder guide first", picker, StringComparison.Ordinal);
        Assert.DoesNotContain("ladder-guide", picker, StringComparison.Ordinal);
        var warning = Assert.Single(diagnostics, d => d.Code == "HUGO005");
        Assert.Equal(new SourceLocation("job-families/orchard/picker.md", 8, 27), warning.Location);
        Assert.DoesNotContain(diagnostics, d => d.Location.Path == "job-families/orchard/picker.md" && d.Severity == Severity.Error);
    }

    [Fact]
    public async Task Given_a_theme_shortcode_When_built_Then_HUGO001_at_its_place_and_no_braces_on_the_page()
    {
        using var input = SplitFamily();

        var (documents, diagnostics) = await BuildAsync(input.Path);

        var warning = Assert.Single(diagnostics, d => d.Code == "HUGO001");
        Assert.Equal(new SourceLocation("job-families/greenhouse/seed-keeper/_index.md", 7, 1), warning.Location);
        Assert.DoesNotContain("level-list", Html(documents, "job-families/greenhouse/seed-keeper/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_erb_partial_call_naming_a_hugo_index_page_When_built_Then_ERB002_not_the_pages_text()
    {
        using var input = SplitFamily();
        input.Write("job-families/greenhouse/seed-keeper/junior.html.md.erb", """
            ---
            title: "Junior Seed Keeper"
            ---

            <%= partial("job-families/greenhouse/seed-keeper/index") %>
            """);

        var (_, diagnostics) = await BuildAsync(input.Path);

        Assert.Contains(diagnostics, d => d.Code == "ERB002" && d.Location.Path == "job-families/greenhouse/seed-keeper/junior.html.md.erb");
    }

    [CorpusFact]
    public async Task Given_the_shared_hugo_sample_When_built_Then_every_file_is_a_page_without_shortcode_diagnostics()
    {
        var sample = SharedCorpus.PathOf("gitlab-job-families-hugo-sample");
        using var input = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(sample, "*.md", SearchOption.AllDirectories))
        {
            input.Write("job-families/" + Path.GetRelativePath(sample, file).Replace('\\', '/'), File.ReadAllText(file));
        }

        var (documents, diagnostics) = await BuildAsync(input.Path);

        Assert.Contains(documents, d => d.Destination == "job-families/alliances/technology-partner-manager/index.html");
        Assert.Contains(documents, d => d.Destination == "job-families/alliances/technology-partner-manager/intermediate/index.html");
        Assert.Contains(documents, d => d.Destination == "job-families/sales/professional-services-solutions-manager/index.html");
        Assert.DoesNotContain(diagnostics, d => d.Code.StartsWith("HUGO", StringComparison.Ordinal));
    }
}
