namespace Handbook.Pipeline.Diagnostics;

/// <summary>How bad a diagnostic is. Errors fail the build (exit code 1); warnings fail it only under --strict.</summary>
public enum Severity
{
    Error,
    Warning,
    Info,
}
