namespace Handbook.JobFamilies.Tests.Fuzz;

using Handbook.Pipeline.Diagnostics;

/// <summary>Every diagnostic must point into a file that exists, at a line of that file, with a code and a message.</summary>
internal static class DiagnosticChecks
{
    /// <summary>Throws for the first diagnostic outside <paramref name="files"/> (path → text).</summary>
    public static void AssertInRange(IEnumerable<Diagnostic> diagnostics, IReadOnlyDictionary<string, string> files)
    {
        foreach (var d in diagnostics)
        {
            if (string.IsNullOrWhiteSpace(d.Code) || string.IsNullOrWhiteSpace(d.Message))
            {
                throw new InvalidOperationException($"diagnostic without code or message: {d}");
            }

            if (!files.TryGetValue(d.Location.Path, out var text))
            {
                throw new InvalidOperationException($"diagnostic in a file that was not given ({d.Location.Path}): {d}");
            }

            // +1: an "unexpected end of file" may sit on the line after the last one.
            var lines = LineCount(text) + 1;
            if (d.Location.Line < 1 || d.Location.Line > lines || d.Location.Column < 1)
            {
                throw new InvalidOperationException($"diagnostic position outside the file ({lines - 1} lines): {d}");
            }
        }
    }

    /// <summary>Lines counted by the most generous convention (CR, LF and CRLF each end a line).</summary>
    public static int LineCount(string text)
    {
        var lines = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines++;
            }
        }

        return lines;
    }
}
