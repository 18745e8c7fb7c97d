namespace Handbook.Site.Cli.Reports;

using System.Globalization;
using System.Text;
using System.Xml;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// <c>--format junit</c>: a JUnit XML report for GitLab's test widget, one test case per checked page (and per other
/// file a diagnostic points at: data files, partials, theme templates, <c>(site)</c> as the input folder).
/// A test case fails when its file has a diagnostic that fails the check (an error; a warning too with
/// <c>--strict</c>); the failure lists every diagnostic of the file as <c>path:line:col: severity CODE: message</c>
/// with repository paths. Diagnostics that do not fail (warnings without <c>--strict</c>, infos) go to the test
/// case's <c>system-out</c>, so the widget's failure count matches the check's exit code.
/// </summary>
public sealed class JUnitReport : IDiagnosticReport
{
    public const string SuiteName = "handbook-site check";

    public void Write(CheckFindings findings, TextWriter writer)
    {
        var cases = Cases(findings);
        var failures = cases.Count(c => c.Diagnostics.Any(findings.Fails));

        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true };
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartElement("testsuites");
            WriteCounts(xml, cases.Count, failures);
            xml.WriteStartElement("testsuite");
            WriteCounts(xml, cases.Count, failures);
            foreach (var testCase in cases)
            {
                WriteCase(xml, testCase, findings);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        writer.Write(text.ToString());
        writer.Write('\n');
    }

    /// <summary>The test cases: every checked page and every file with a diagnostic, by repository path.</summary>
    private static List<TestCase> Cases(CheckFindings findings)
    {
        var byPath = findings.Diagnostics
            .GroupBy(findings.Paths.Of, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return findings.CheckedPages.Select(findings.Paths.OfInputFile)
            .Concat(byPath.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCase(path, byPath.GetValueOrDefault(path) ?? []))
            .ToList();
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures)
    {
        xml.WriteAttributeString("name", SuiteName);
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
    }

    private static void WriteCase(XmlWriter xml, TestCase testCase, CheckFindings findings)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", ClassName(testCase.Path));
        xml.WriteAttributeString("name", testCase.Path);
        xml.WriteAttributeString("file", testCase.Path);
        xml.WriteAttributeString("time", "0");

        var failing = testCase.Diagnostics.Where(findings.Fails).ToList();
        if (failing.Count > 0)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", failing[0].Code);
            xml.WriteAttributeString("message", Message(failing));
            xml.WriteString(Lines(testCase.Path, testCase.Diagnostics));
            xml.WriteEndElement();
        }
        else if (testCase.Diagnostics.Count > 0)
        {
            xml.WriteElementString("system-out", Lines(testCase.Path, testCase.Diagnostics));
        }

        xml.WriteEndElement();
    }

    /// <summary>The folder of the file (<c>input/job-families/sales</c>), so the widget groups pages by department.</summary>
    private static string ClassName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
    }

    private static string Message(IReadOnlyList<Diagnostic> failing)
    {
        var first = failing[0];
        var text = $"line {first.Location.Line.ToString(CultureInfo.InvariantCulture)}: {first.Code}: {first.Message}";
        return failing.Count == 1 ? text : $"{text} (and {(failing.Count - 1).ToString(CultureInfo.InvariantCulture)} more)";
    }

    private static string Lines(string path, IEnumerable<Diagnostic> diagnostics) =>
        string.Concat(diagnostics.Select(d => (d with { Location = d.Location with { Path = path } }).Format() + "\n"));

    private sealed record TestCase(string Path, IReadOnlyList<Diagnostic> Diagnostics);
}
