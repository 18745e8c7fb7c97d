namespace Handbook.Site.Cli.Reports;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// <c>--format codequality</c>: GitLab's Code Quality report (a Code Climate JSON array), so findings show on the
/// changed lines of a merge request. Each entry has <c>type</c>, <c>check_name</c> (the code), <c>description</c>
/// (code, message and hint), <c>severity</c>, <c>fingerprint</c> and <c>location.path</c> / <c>location.lines.begin</c>.
/// </summary>
/// <remarks>
/// <para>Severity: error → <c>critical</c> (it fails the check job), warning → <c>minor</c>, info → <c>info</c>.</para>
/// <para>
/// Fingerprint: the first 32 hex digits of SHA-256 over code, repository path, message and the occurrence index
/// (0 for the first diagnostic with that code, path and message in line order, 1 for the second…). It leaves out the
/// line and column, so lines added above a finding do not make GitLab report it as fixed and new again; the
/// occurrence index keeps two identical findings in one file apart (fingerprints are unique in a report).
/// </para>
/// </remarks>
public sealed class CodeQualityReport : IDiagnosticReport
{
    public void Write(CheckFindings findings, TextWriter writer)
    {
        var issues = Issues(findings);
        ReportJson.Write(writer, json =>
        {
            json.WriteStartArray();
            foreach (var issue in issues)
            {
                WriteIssue(json, issue);
            }

            json.WriteEndArray();
        });
    }

    /// <summary>Each diagnostic with its repository path and fingerprint (occurrences counted in the sorted order).</summary>
    public static IReadOnlyList<Issue> Issues(CheckFindings findings)
    {
        var occurrences = new Dictionary<(string Code, string Path, string Message), int>();
        var issues = new List<Issue>(findings.Diagnostics.Count);
        foreach (var diagnostic in findings.Diagnostics)
        {
            var path = findings.Paths.Of(diagnostic);
            var key = (diagnostic.Code, path, diagnostic.Message);
            var occurrence = occurrences.GetValueOrDefault(key);
            occurrences[key] = occurrence + 1;
            issues.Add(new Issue(diagnostic, path, Fingerprint(diagnostic.Code, path, diagnostic.Message, occurrence)));
        }

        return issues;
    }

    /// <summary>The Code Climate severity of a diagnostic (see the class remarks).</summary>
    public static string SeverityOf(Severity severity) => severity switch
    {
        Severity.Error => "critical",
        Severity.Warning => "minor",
        _ => "info",
    };

    public static string Fingerprint(string code, string repositoryPath, string message, int occurrence)
    {
        var text = string.Join('\n', code, repositoryPath, message, occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    private static void WriteIssue(Utf8JsonWriter json, Issue issue)
    {
        var (diagnostic, path, fingerprint) = issue;
        json.WriteStartObject();
        json.WriteString("type", "issue");
        json.WriteString("check_name", diagnostic.Code);
        json.WriteString("description", Describe(diagnostic));
        json.WriteString("severity", SeverityOf(diagnostic.Severity));
        json.WriteString("fingerprint", fingerprint);
        json.WriteStartObject("location");
        json.WriteString("path", path);
        json.WriteStartObject("lines");
        json.WriteNumber("begin", diagnostic.Location.Line);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Describe(Diagnostic diagnostic) =>
        diagnostic.Hint is null
            ? $"{diagnostic.Code}: {diagnostic.Message}"
            : $"{diagnostic.Code}: {diagnostic.Message} (hint: {diagnostic.Hint})";

    /// <summary>One entry of the report.</summary>
    public sealed record Issue(Diagnostic Diagnostic, string Path, string Fingerprint);
}
