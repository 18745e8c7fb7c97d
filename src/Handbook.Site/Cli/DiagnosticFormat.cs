namespace Handbook.Site.Cli;

using Handbook.Site.Cli.Reports;

/// <summary>
/// The report formats of <c>check --format</c>: <c>text</c> for people, <c>json</c> for tools, <c>codequality</c>
/// (GitLab Code Quality) and <c>junit</c> (GitLab's test widget) for merge requests. Each is one
/// <see cref="IDiagnosticReport"/> class.
/// </summary>
public static class DiagnosticFormat
{
    public const string Text = "text";

    public const string Json = "json";

    public const string CodeQuality = "codequality";

    public const string JUnit = "junit";

    public static IDiagnosticReport? Create(string name) => name switch
    {
        Text => new TextDiagnosticReport(),
        Json => new JsonDiagnosticReport(),
        CodeQuality => new CodeQualityReport(),
        JUnit => new JUnitReport(),
        _ => null,
    };

    public static IReadOnlyList<string> Names { get; } = [Text, Json, CodeQuality, JUnit];
}
