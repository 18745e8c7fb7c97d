namespace Handbook.Site.Tests.Cli;

using Handbook.Site.Cli;
using Handbook.Site.Tests.Support;

public class CommandLineTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("Build")]
    public void Unknown_command_is_bad_usage_with_the_tool_usage_on_stderr(string command)
    {
        var run = Run.Tool(command);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"unknown command '{command}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: handbook-site [command]", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("build", "--frobnicate")]
    [InlineData("--frobnicate")]
    [InlineData("check", "--keep-going")]
    [InlineData("build", "--input")]
    [InlineData("build", "--input", "--verbose")]
    [InlineData("build", "--input=")]
    [InlineData("build", "--verbose=yes")]
    [InlineData("build", "--input", "a", "--input", "b")]
    [InlineData("build", "stray")]
    [InlineData("import-grades")]
    [InlineData("import-grades", "a.md", "b.md")]
    [InlineData("check", "--format", "xml")]
    [InlineData("build", "--base-url", "not a url")]
    [InlineData("build", "--reuse-families")]
    [InlineData("check", "--reuse-families", "--cache", "c")]
    public void Bad_arguments_are_bad_usage_with_the_command_usage_on_stderr(params string[] args)
    {
        var run = Run.Tool(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("handbook-site: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: handbook-site ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tool_help_lists_every_command_and_the_exit_codes()
    {
        var run = Run.Tool("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var command in new[] { "build", "check", "preview", "import-grades" })
        {
            Assert.Contains("  " + command + " ", run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("70 internal error", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("build", "--input,--output,--theme,--keep-going,--base-url,--verbose,--help")]
    [InlineData("check", "--input,--theme,--base-url,--format,--output,--strict,--verbose,--help")]
    [InlineData("preview", "--input,--theme,--help")]
    [InlineData("import-grades", "--output,--help")]
    public void Command_help_documents_every_option(string command, string options)
    {
        var run = Run.Tool(command, "-h");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith($"usage: handbook-site {command}", run.Out, StringComparison.Ordinal);
        foreach (var option in options.Split(','))
        {
            Assert.Contains("  " + option, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Preview_of_a_missing_input_folder_is_bad_usage()
    {
        var run = Run.Tool("preview", "--input", "no-such-folder", "--no-open");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("input folder 'no-such-folder' does not exist", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("http")]
    public void Preview_with_a_bad_port_is_bad_usage(string port)
    {
        var run = Run.Tool("preview", "--port", port, "--no-open");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"port '{port}' is not a number from 0 to 65535", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_exception_is_reported_as_a_bug_with_exit_code_70()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CommandLine.RunAsync([new ThrowingCommand()], ["explode"], new ConsoleStreams(stdout, stderr, false), CancellationToken.None);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.StartsWith("handbook-site: internal error (this is a bug): InvalidOperationException: boom", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_theme_path_that_is_a_file_is_reported_as_a_diagnostic_not_a_crash()
    {
        using var folder = new TempFolder();
        var theme = folder.Write("theme-file-not-folder", "x");

        // A theme path that is a file makes Directory.Exists false → a THEME001 diagnostic, not an exception.
        var run = Run.Tool("build", "--input", folder.Path, "--output", folder["out"], "--theme", theme);

        Assert.Equal(ExitCodes.ErrorsReported, run.ExitCode);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
        Assert.Contains("error THEME001", run.Error, StringComparison.Ordinal);
    }

    private sealed class ThrowingCommand : ICommand
    {
        public CommandSpec Spec { get; } = new("explode", "throws", [], []);

        public Task<int> RunAsync(ParsedArguments arguments, ConsoleStreams console, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}
