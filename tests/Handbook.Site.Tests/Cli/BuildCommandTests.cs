namespace Handbook.Site.Tests.Cli;

using Handbook.Site.Cli;
using Handbook.Site.Tests.Support;

public class BuildCommandTests
{
    [Fact]
    public void Empty_input_builds_the_section_index_404_sitemap_export_and_assets_with_exit_0()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["input"]);

        // (--no-history: outside a git repository the build would add an info line saying so)
        var run = Run.Tool("build", "--input", folder["input"], "--output", folder["output"], "--theme", TestTheme.Folder, "--no-history");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"^built 3 pages from 0 families in \d+\.\d\d s: 0 errors, 0 warnings\n$", run.Error);
        foreach (var file in new[] { "job-families/index.html", "404.html", "sitemap.xml", "api/job-families.json", "assets/site.css" })
        {
            Assert.True(File.Exists(folder["output/" + file]), file + " was not written");
        }
    }

    [Fact]
    public void Verbose_build_reports_stage_times_and_the_runtime_costs_gc_and_jit()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["input"]);

        var run = Run.Tool("build", "--input", folder["input"], "--output", folder["output"], "--theme", TestTheme.Folder, "--no-history", "--verbose");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"(?m)^WriteOutput +\d+\.\d ms", run.Error);
        Assert.Matches(@"(?m)^gc: \d+ gen0, \d+ gen1, \d+ gen2 collections, \d+ ms paused, \d+ MiB allocated$", run.Error);
        Assert.Matches(@"(?m)^jit: \d+ methods compiled, \d+ ms compiling, \d+ KiB of IL$", run.Error);
    }

    [Fact]
    public void No_command_means_build()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["input"]);

        var run = Run.Tool("--input", folder["input"], "--output", folder["output"], "--theme", TestTheme.Folder);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(folder["output/404.html"]));
    }

    [Fact]
    public void Missing_input_folder_is_an_error_diagnostic_with_exit_1_and_no_output()
    {
        using var folder = new TempFolder();

        var run = Run.Tool("build", "--input", folder["nope"], "--output", folder["output"], "--theme", TestTheme.Folder);

        Assert.Equal(ExitCodes.ErrorsReported, run.ExitCode);
        Assert.Contains("error IO005: input folder 'nope' does not exist", run.Error, StringComparison.Ordinal);
        Assert.Contains("output not written", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder["output"]));
    }

    [Fact]
    public void Errors_leave_the_previous_output_untouched_unless_keep_going()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("input/job-families/sales/broken.md", [0x2D, 0x2D, 0x2D, 0x0A, 0xC3, 0x28, 0x0A]);
        folder.Write("output/previous.html", "old");

        var stopped = Run.Tool("build", "--input", folder["input"], "--output", folder["output"], "--theme", TestTheme.Folder);

        Assert.Equal(ExitCodes.ErrorsReported, stopped.ExitCode);
        Assert.True(File.Exists(folder["output/previous.html"]));

        var kept = Run.Tool("build", "--input", folder["input"], "--output", folder["output"], "--theme", TestTheme.Folder, "--keep-going");

        Assert.Equal(ExitCodes.ErrorsReported, kept.ExitCode);
        Assert.False(File.Exists(folder["output/previous.html"]));
        Assert.True(File.Exists(folder["output/404.html"]));
    }

    [Fact]
    public void Check_reports_like_build_but_writes_nothing()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["input"]);

        var run = Run.Tool("check", "--input", folder["input"], "--theme", TestTheme.Folder, "--no-history");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"^checked 0 families in \d+\.\d\d s: 0 errors, 0 warnings\n$", run.Error);
        Assert.Equal(["input"], Directory.EnumerateFileSystemEntries(folder.Path).Select(Path.GetFileName));
        Assert.False(Directory.Exists("output"), "check wrote the default output folder"); // no other test uses the working folder
    }

    [Fact]
    public void Missing_theme_template_is_an_error_diagnostic()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["input"]);
        folder.Write("mytheme/layouts/base.liquid", "{{ content }}");

        var run = Run.Tool("build", "--input", folder["input"], "--output", folder["output"], "--theme", folder["mytheme"]);

        Assert.Equal(ExitCodes.ErrorsReported, run.ExitCode);
        Assert.Contains("mytheme/job-family.liquid:1:1: error THEME001: theme template 'job-family.liquid' is missing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Liquid_syntax_error_in_the_theme_is_an_error_diagnostic()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["input"]);
        foreach (var file in Directory.EnumerateFiles(TestTheme.Folder, "*.liquid", SearchOption.AllDirectories))
        {
            folder.Write("t/" + Path.GetRelativePath(TestTheme.Folder, file), File.ReadAllText(file));
        }

        folder.Write("t/404.liquid", "{% if %}");

        var run = Run.Tool("build", "--input", folder["input"], "--output", folder["output"], "--theme", folder["t"]);

        Assert.Equal(ExitCodes.ErrorsReported, run.ExitCode);
        Assert.Contains("t/404.liquid:1:1: error THEME002: Liquid syntax error", run.Error, StringComparison.Ordinal);
    }
}
