namespace Handbook.JobFamilies.Kramdown;

using Handbook.Pipeline.Collections;
using Handbook.Pipeline.Diagnostics;
using Markdig.Syntax;

/// <summary>
/// Diagnostics the kramdown extension found while parsing one document. A Markdig pipeline is shared by all pages, so
/// findings are kept in the document itself (with Markdig's 0-based positions) and turned into diagnostics by
/// <see cref="Report"/> once the caller knows how to locate them (source map of ERB partials).
/// </summary>
public static class KramdownFindings
{
    private static readonly object Key = new();

    /// <summary>Moves the findings recorded in <paramref name="document"/> to <paramref name="diagnostics"/>.</summary>
    public static void Report(MarkdownDocument document, Func<int, int, SourceLocation> locate, ICollection<Diagnostic> diagnostics)
    {
        if (document.GetData(Key) is not List<Finding> findings)
        {
            return;
        }

        foreach (var f in StableSort.ToSortedList(findings, static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column)))
        {
            diagnostics.Add(Diagnostic.Warning(f.Code, f.Message, locate(f.Line, f.Column), f.Hint));
        }

        document.RemoveData(Key);
    }

    internal static void Add(MarkdownDocument document, string code, string message, int line, int column, string? hint = null)
    {
        if (document.GetData(Key) is not List<Finding> findings)
        {
            findings = [];
            document.SetData(Key, findings);
        }

        findings.Add(new Finding(code, message, line, column, hint));
    }

    private sealed record Finding(string Code, string Message, int Line, int Column, string? Hint);
}
