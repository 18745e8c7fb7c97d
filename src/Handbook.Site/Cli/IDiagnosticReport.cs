namespace Handbook.Site.Cli;

using Handbook.Pipeline.Diagnostics;

/// <summary>Writes a build's diagnostics in one format (text for people; json/codequality/junit for CI later).</summary>
public interface IDiagnosticReport
{
    void Write(IReadOnlyList<Diagnostic> diagnostics, ConsoleStreams console);
}
