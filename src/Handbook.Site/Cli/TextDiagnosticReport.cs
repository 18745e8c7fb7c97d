namespace Handbook.Site.Cli;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// The compiler-style text format: <c>path:line:col: severity CODE: message</c> with the hint indented on the next
/// line, in the sorted order the build returns. Paths are input-relative, as every diagnostic is.
/// </summary>
public sealed class TextDiagnosticReport : IDiagnosticReport
{
    /// <summary>Writes the diagnostics to stderr (what <c>build</c>, <c>preview</c> and <c>import-grades</c> print).</summary>
    public void Write(IReadOnlyList<Diagnostic> diagnostics, ConsoleStreams console) => Write(diagnostics, console.Error);

    public void Write(CheckFindings findings, TextWriter writer) => Write(findings.Diagnostics, writer);

    private static void Write(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var diagnostic in diagnostics)
        {
            writer.Write(diagnostic.Format());
            writer.Write('\n');
        }
    }
}
