namespace Handbook.Pipeline.Diagnostics;

/// <summary>
/// A position in an input file. <see cref="Path"/> is relative to the input folder and uses '/' so that
/// diagnostics and output never leak absolute paths; <see cref="Line"/> and <see cref="Column"/> are 1-based
/// (what editors and GitLab's Code Quality widget expect).
/// </summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    /// <summary>A whole-file location, used when no better position is known.</summary>
    public static SourceLocation File(string path) => new(path, 1, 1);

    /// <summary>Builds a location from Markdig's 0-based line and column.</summary>
    public static SourceLocation FromZeroBased(string path, int line, int column) => new(path, line + 1, column + 1);

    public override string ToString() => $"{Path}:{Line}:{Column}";
}
