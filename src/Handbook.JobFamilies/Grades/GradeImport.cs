namespace Handbook.JobFamilies.Grades;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// The one call behind <c>handbook-site import-grades &lt;page.md&gt; [--output FILE]</c>: compensation-calculator
/// Markdown in, <c>job-grades.yml</c> text out. The caller reads and writes the files.
/// </summary>
public static class GradeImport
{
    /// <summary>
    /// Imports the grade tables of <paramref name="markdown"/>. Returns false (and sets <paramref name="yaml"/> to
    /// an empty string) when no grade could be imported; diagnostics say why.
    /// </summary>
    /// <param name="sourceName">How the page is named in the file header and diagnostics, e.g. its path.</param>
    public static bool Run(string markdown, string sourceName, out string yaml, ICollection<Diagnostic> diagnostics)
    {
        var table = CalculatorImporter.Import(markdown, diagnostics, sourceName);
        if (table.Grades.Count == 0)
        {
            yaml = string.Empty;
            return false;
        }

        yaml = GradeTableWriter.Write(table);
        return true;
    }
}
