namespace Handbook.Site.Tests.Cli;

using System.Text;
using Handbook.Site.Cli;
using Handbook.Site.Tests.Support;

/// <summary>Hostile or broken input through the whole tool: always diagnostics or correct pages, never a crash.</summary>
public class BadInputTests
{
    private static Run Build(TempFolder folder) =>
        Run.Tool("build", "--input", folder["input"], "--output", folder["output"], "--theme", TestTheme.Folder, "--keep-going");

    private static void AssertNoCrash(Run run)
    {
        Assert.NotEqual(ExitCodes.InternalError, run.ExitCode);
        Assert.DoesNotContain("INTERNAL", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_becomes_a_page_titled_from_its_name()
    {
        using var folder = new TempFolder();
        folder.Write("input/job-families/sales/empty.md", string.Empty);

        var run = Build(folder);

        AssertNoCrash(run);
        Assert.True(File.Exists(folder["output/job-families/sales/empty/index.html"]), run.Error);
    }

    [Fact]
    public void Binary_file_is_reported_and_skipped()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("input/job-families/sales/image.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]);
        folder.Write("input/job-families/sales/fine.md", "---\ntitle: Fine\n---\nText.\n");

        var run = Build(folder);

        AssertNoCrash(run);
        Assert.Equal(ExitCodes.ErrorsReported, run.ExitCode);
        Assert.Contains("job-families/sales/image.md:1:1: error IO001", run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(folder["output/job-families/sales/fine/index.html"]));
        Assert.False(File.Exists(folder["output/job-families/sales/image/index.html"]));
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_position()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("input/job-families/sales/latin1.md", Encoding.Latin1.GetBytes("---\ntitle: Caf\u00e9\n---\n"));

        var run = Build(folder);

        AssertNoCrash(run);
        Assert.Equal(ExitCodes.ErrorsReported, run.ExitCode);
        Assert.Contains("job-families/sales/latin1.md:2:", run.Error, StringComparison.Ordinal);
        Assert.Contains("error IO002", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_front_matter_is_reported_and_the_page_still_builds()
    {
        using var folder = new TempFolder();
        folder.Write("input/job-families/sales/open.md", "---\ntitle: Open\ndescription: never closed\n\n## Responsibilities\n\n* Sell\n");

        var run = Build(folder);

        AssertNoCrash(run);
        Assert.Matches(@"job-families/sales/open\.md:\d+:\d+: (error|warning) FM\d+", run.Error);
        Assert.True(File.Exists(folder["output/job-families/sales/open/index.html"]));
    }

    [Fact]
    public void Five_megabyte_page_is_refused_with_a_limit_diagnostic()
    {
        using var folder = new TempFolder();
        var line = "* " + new string('x', 98) + "\n";
        folder.Write("input/job-families/sales/huge.md", "---\ntitle: Huge\n---\n" + string.Concat(Enumerable.Repeat(line, 50_000)));

        var run = Build(folder);

        AssertNoCrash(run);
        Assert.Contains("job-families/sales/huge.md:1:1: error LIMIT001", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void File_names_with_spaces_and_non_ascii_letters_build_pages_with_encoded_links()
    {
        using var folder = new TempFolder();
        folder.Write("input/job-families/ventes/ingénieur commercial.md", "---\ntitle: Ingénieur commercial\n---\n## Responsibilities\n\n* Vendre\n");

        var run = Build(folder);

        AssertNoCrash(run);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(folder["output/job-families/ventes/ingénieur commercial/index.html"]), run.Error);
        var department = File.ReadAllText(folder["output/job-families/ventes/index.html"]);
        Assert.Contains("href=\"/job-families/ventes/ing%C3%A9nieur%20commercial/\"", department, StringComparison.Ordinal);
        Assert.Contains("/job-families/ventes/ing%C3%A9nieur%20commercial/", File.ReadAllText(folder["output/sitemap.xml"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_and_liquid_in_front_matter_are_shown_as_text()
    {
        using var folder = new TempFolder();
        folder.Write("input/job-families/sales/xss.md", "---\ntitle: \"<img src=x onerror=alert(1)> {{ site.title }}\"\n---\nBody.\n");

        var run = Build(folder);

        AssertNoCrash(run);
        var html = File.ReadAllText(folder["output/job-families/sales/xss/index.html"]);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; {{ site.title }}", html, StringComparison.Ordinal);
    }
}
