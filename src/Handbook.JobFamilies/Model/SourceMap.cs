namespace Handbook.JobFamilies.Model;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Maps a position in the text that was parsed (after ERB partials were expanded) back to the file and line
/// it came from, so a diagnostic inside an included partial points at the partial. Without segments it is the
/// identity on <see cref="Path"/>.
/// </summary>
public sealed class SourceMap(string path)
{
    private readonly List<Segment> _segments = [];

    public string Path { get; } = path;

    /// <summary>
    /// Declares that <paramref name="lineCount"/> parsed lines starting at 1-based <paramref name="parsedStartLine"/>
    /// come from <paramref name="sourcePath"/> starting at its 1-based line <paramref name="sourceStartLine"/>.
    /// Segments must be added in increasing <paramref name="parsedStartLine"/> order.
    /// </summary>
    public void Add(int parsedStartLine, int lineCount, string sourcePath, int sourceStartLine) =>
        _segments.Add(new Segment(parsedStartLine, lineCount, sourcePath, sourceStartLine));

    /// <summary>Maps Markdig's 0-based line and column to a 1-based source location.</summary>
    public SourceLocation Locate(int zeroBasedLine, int zeroBasedColumn)
    {
        var line = zeroBasedLine + 1;
        var column = Math.Max(zeroBasedColumn, 0) + 1;
        for (var i = _segments.Count - 1; i >= 0; i--)
        {
            var s = _segments[i];
            if (line >= s.ParsedStartLine && line < s.ParsedStartLine + s.LineCount)
            {
                return new SourceLocation(s.SourcePath, s.SourceStartLine + (line - s.ParsedStartLine), column);
            }
        }

        return new SourceLocation(Path, line, column);
    }

    /// <summary>The segments as added (<see cref="Add"/>), for storing the map (<c>Reuse/StoredFamilyMapping</c>).</summary>
    internal IReadOnlyList<Segment> Segments => _segments;

    internal sealed record Segment(int ParsedStartLine, int LineCount, string SourcePath, int SourceStartLine);
}
