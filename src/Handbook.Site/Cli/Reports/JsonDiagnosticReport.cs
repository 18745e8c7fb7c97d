namespace Handbook.Site.Cli.Reports;

using System.Text.Json;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// <c>--format json</c>: the diagnostics for tools (editors, bots), schema <c>handbook-site-check/1</c>
/// (documented in README.md):
/// <code>
/// { "schema": "handbook-site-check/1", "input": "input", "strict": false,
///   "summary": { "errors": 1, "warnings": 2, "infos": 0, "pages": 30, "failed": true },
///   "diagnostics": [ { "code", "severity", "path", "repository_path", "line", "column", "message", "hint" } ] }
/// </code>
/// <c>path</c> is input-relative (as in the text format), <c>repository_path</c> is relative to the folder
/// <c>check</c> ran in; <c>hint</c> is null when there is none. Diagnostics are in the text format's order.
/// </summary>
public sealed class JsonDiagnosticReport : IDiagnosticReport
{
    public const string Schema = "handbook-site-check/1";

    public void Write(CheckFindings findings, TextWriter writer) => ReportJson.Write(writer, json =>
    {
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("input", findings.Paths.InputPrefix.Length == 0 ? "." : findings.Paths.InputPrefix);
        json.WriteBoolean("strict", findings.Strict);

        json.WriteStartObject("summary");
        json.WriteNumber("errors", findings.ErrorCount);
        json.WriteNumber("warnings", findings.WarningCount);
        json.WriteNumber("infos", findings.InfoCount);
        json.WriteNumber("pages", findings.CheckedPages.Count);
        json.WriteBoolean("failed", findings.Failed);
        json.WriteEndObject();

        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in findings.Diagnostics)
        {
            WriteDiagnostic(json, diagnostic, findings.Paths);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic, RepositoryPaths paths)
    {
        json.WriteStartObject();
        json.WriteString("code", diagnostic.Code);
        json.WriteString("severity", diagnostic.SeverityText);
        json.WriteString("path", diagnostic.Location.Path);
        json.WriteString("repository_path", paths.Of(diagnostic));
        json.WriteNumber("line", diagnostic.Location.Line);
        json.WriteNumber("column", diagnostic.Location.Column);
        json.WriteString("message", diagnostic.Message);
        if (diagnostic.Hint is null)
        {
            json.WriteNull("hint");
        }
        else
        {
            json.WriteString("hint", diagnostic.Hint);
        }

        json.WriteEndObject();
    }
}
