namespace Handbook.Pipeline.Documents;

/// <summary>
/// A unit of work flowing through the stages: where it came from (input-relative, '/'-separated), where it goes
/// (output-relative, null until a stage decides), its current content and typed metadata. Immutable: stages
/// return changed copies, so parallel stages never share mutable state through documents.
/// </summary>
public sealed record Document(string SourcePath, string? Destination, string Content, Metadata Metadata)
{
    public static Document FromSource(string sourcePath, string content) =>
        new(sourcePath, null, content, Metadata.Empty);

    public Document With<T>(MetadataKey<T> key, T value) => this with { Metadata = Metadata.With(key, value) };

    public T Get<T>(MetadataKey<T> key) => Metadata.Get(key);

    public bool TryGet<T>(MetadataKey<T> key, out T value) => Metadata.TryGet(key, out value);
}
