namespace Handbook.Pipeline.Documents;

using System.Text;
using Handbook.Pipeline.Output;

/// <summary>
/// A unit of work flowing through the stages: where it came from (input-relative, '/'-separated), where it goes
/// (output-relative, null until a stage decides), its current content and typed metadata. Immutable: stages
/// return changed copies, so parallel stages never share mutable state through documents.
/// </summary>
/// <remarks>
/// Text documents carry <see cref="Content"/>. Binary documents (images, fonts, downloads) carry
/// <see cref="Bytes"/> instead and have an empty <see cref="Content"/>; the output writer writes whichever is set.
/// </remarks>
public sealed record Document(string SourcePath, string? Destination, string Content, Metadata Metadata)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>How <see cref="Content"/> becomes bytes: UTF-8 without BOM, lone surrogates replaced.</summary>
    internal static Encoding OutputEncoding => Utf8NoBom;

    /// <summary>Raw content of a binary document; null for text documents.</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>True when the document carries <see cref="Bytes"/> rather than text.</summary>
    public bool IsBinary => Bytes is not null;

    /// <summary>
    /// Set when a one-shot build already wrote this document's bytes into the output it is building
    /// (<see cref="OutputStaging"/>) and released its text: <see cref="Content"/> is then empty and the bytes are
    /// read back from <see cref="StagedFile"/> when someone asks (<see cref="ToOutputBytes"/>). Null for every other document.
    /// </summary>
    public StagedFile? Staged { get; init; }

    public static Document FromSource(string sourcePath, string content) =>
        new(sourcePath, null, content, Metadata.Empty);

    /// <summary>A binary document, e.g. an image copied to the output unchanged.</summary>
    public static Document FromBytes(string sourcePath, byte[] bytes) =>
        new(sourcePath, null, string.Empty, Metadata.Empty) { Bytes = bytes };

    public Document With<T>(MetadataKey<T> key, T value) => this with { Metadata = Metadata.With(key, value) };

    public Document WithDestination(string destination) => this with { Destination = destination };

    public T Get<T>(MetadataKey<T> key) => Metadata.Get(key);

    public bool TryGet<T>(MetadataKey<T> key, out T value) => Metadata.TryGet(key, out value);

    /// <summary>
    /// The bytes to write: <see cref="Bytes"/> as they are, or <see cref="Content"/> as UTF-8 without BOM with
    /// CRLF turned into LF, so the same document gives the same bytes on every platform; a staged document's bytes
    /// are read back from its staged file.
    /// </summary>
    public byte[] ToOutputBytes() =>
        Bytes ?? Staged?.ReadAllBytes() ?? OutputEncoding.GetBytes(Content.Contains('\r', StringComparison.Ordinal) ? Content.Replace("\r\n", "\n", StringComparison.Ordinal) : Content);
}
