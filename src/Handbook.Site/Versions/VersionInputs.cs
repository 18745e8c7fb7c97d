namespace Handbook.Site.Versions;

/// <summary>
/// Everything rendering one version reads, by blob id: the key of the render cache and of in-build sharing
/// (two versions with the same inputs are rendered once). <see cref="Partials"/> are the commit's partials when the
/// page or a page it depends on is an <c>.erb</c> page (only those expand ERB), else empty.
/// </summary>
public sealed record VersionInputs(
    string PagePath,
    string PageBlob,
    string? GradeDataBlob,
    IReadOnlyList<(string Path, string Blob)> Dependencies,
    IReadOnlyList<(string Path, string Blob)> Partials,
    string ThemeHash)
{
    public IEnumerable<string> Parts()
    {
        yield return PagePath;
        yield return PageBlob;
        yield return GradeDataBlob ?? "-";
        yield return ThemeHash;
        foreach (var (path, blob) in Dependencies)
        {
            yield return "dep:" + path + ":" + blob;
        }

        foreach (var (path, blob) in Partials)
        {
            yield return "partial:" + path + ":" + blob;
        }
    }
}
