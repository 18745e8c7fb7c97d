namespace Handbook.Site.Cli;

/// <summary>The report formats of <c>check --format</c>. Only <c>text</c> exists yet; each new one is a new <see cref="IDiagnosticReport"/>.</summary>
public static class DiagnosticFormat
{
    public const string Text = "text";

    public static IDiagnosticReport? Create(string name) => name switch
    {
        Text => new TextDiagnosticReport(),
        _ => null,
    };

    public static IReadOnlyList<string> Names { get; } = [Text];
}
