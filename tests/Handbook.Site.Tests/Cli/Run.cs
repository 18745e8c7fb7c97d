namespace Handbook.Site.Tests.Cli;

using Handbook.Site.Cli;

/// <summary>Runs the tool in-process, capturing stdout and stderr.</summary>
public sealed record Run(int ExitCode, string Out, string Error)
{
    public static Run Tool(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.RunAsync(args, new ConsoleStreams(stdout, stderr, IsTerminal: false)).GetAwaiter().GetResult();
        return new Run(code, stdout.ToString(), stderr.ToString());
    }
}
