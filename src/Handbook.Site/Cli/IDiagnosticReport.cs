namespace Handbook.Site.Cli;

/// <summary>
/// Writes the findings of <c>check</c> in one format (<see cref="DiagnosticFormat"/> lists them). A report writes
/// the whole document to <paramref name="writer"/> (a file with <c>--output</c>, else the console).
/// </summary>
public interface IDiagnosticReport
{
    void Write(CheckFindings findings, TextWriter writer);
}
