namespace Handbook.Site.Caching;

using System.Text.Json.Serialization;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// What a build produced, as stored under its <see cref="BuildFingerprint"/>: the counts for the summary line, every
/// diagnostic, and each output file as (source, destination, SHA-256 of its bytes); the bytes themselves are
/// content-addressed blobs, so identical files are stored once and unchanged files are shared between builds.
/// </summary>
public sealed record CachedBuild(
    [property: JsonPropertyName("pages")] int PageCount,
    [property: JsonPropertyName("families")] int FamilyCount,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<CachedDiagnostic> Diagnostics,
    [property: JsonPropertyName("files")] IReadOnlyList<CachedFile> Files);

/// <summary>One output file of a cached build.</summary>
public sealed record CachedFile(
    [property: JsonPropertyName("source")] string SourcePath,
    [property: JsonPropertyName("destination")] string Destination,
    [property: JsonPropertyName("sha256")] string Blob);

/// <summary>A diagnostic as stored; gives back an equal <see cref="Diagnostic"/>.</summary>
public sealed record CachedDiagnostic(
    [property: JsonPropertyName("severity")] Severity Severity,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("hint")] string? Hint,
    [property: JsonPropertyName("detail")] string? Detail)
{
    public static CachedDiagnostic From(Diagnostic d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Severity, d.Code, d.Message, d.Location.Path, d.Location.Line, d.Location.Column, d.Hint, d.Detail);
    }

    public Diagnostic ToDiagnostic() =>
        new(Severity, Code, Message, new SourceLocation(Path, Line, Column), Hint) { Detail = Detail };
}
