namespace Handbook.Site.Cli;

/// <summary>
/// <c>import-grades</c>: turns GitLab's compensation-calculator page (its grade tables) into
/// <c>data/job-grades.yml</c>. The importer belongs to the grades pass; until it is part of the tool this command
/// says it is not available (exit code 2) rather than writing anything made up.
/// </summary>
public sealed class ImportGradesCommand : ICommand
{
    private static readonly OptionSpec Output = new("--output", "FILE", "where to write the grade data (default: stdout)");

    public CommandSpec Spec { get; } = new(
        "import-grades",
        "Import the grade tables of a compensation-calculator page into job-grades.yml format.",
        [Output],
        ["calculator-page.md"]);

    public Task<int> RunAsync(ParsedArguments arguments, ConsoleStreams console, CancellationToken cancellationToken)
    {
        console.Error.Write("handbook-site: import-grades is not available yet in this build\n");
        return Task.FromResult(ExitCodes.Usage);
    }
}
