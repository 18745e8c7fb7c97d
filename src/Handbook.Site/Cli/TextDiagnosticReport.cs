namespace Handbook.Site.Cli;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// The compiler-style text format on stderr: <c>path:line:col: severity CODE: message</c> with the hint indented on
/// the next line, in the sorted order the build returns.
/// </summary>
public sealed class TextDiagnosticReport : IDiagnosticReport
{
    public void Write(IReadOnlyList<Diagnostic> diagnostics, ConsoleStreams console)
    {
        foreach (var diagnostic in diagnostics)
        {
            console.Error.Write(diagnostic.Format());
            console.Error.Write('\n');
        }
    }
}
