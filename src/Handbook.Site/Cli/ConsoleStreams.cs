namespace Handbook.Site.Cli;

/// <summary>
/// Where a command writes: results and progress to <see cref="Out"/>, diagnostics, summaries and errors to
/// <see cref="Error"/>. <see cref="IsTerminal"/> is true when stdout is an interactive terminal (progress is only
/// shown then). Tests pass string writers.
/// </summary>
public sealed record ConsoleStreams(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    public static ConsoleStreams System() => new(Console.Out, Console.Error, !Console.IsOutputRedirected);
}
