namespace Handbook.Site.Preview;

using Handbook.Pipeline.Diagnostics;

/// <summary>A diagnostic as the overlay and <c>/__preview/status</c> receive it (JSON, camelCase).</summary>
public sealed record DiagnosticPayload(string Path, int Line, int Column, string Severity, string Code, string Message, string? Hint)
{
    public static DiagnosticPayload From(Diagnostic diagnostic) =>
        new(diagnostic.Location.Path, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.SeverityText,
            diagnostic.Code, diagnostic.Message, diagnostic.Hint);
}
