namespace Handbook.Site.Versions;

using Handbook.Pipeline.Documents;

/// <summary>Metadata the versions stages attach to current job-family pages.</summary>
public static class VersionKeys
{
    /// <summary>
    /// The published versions of a current page, newest first, and its history URL (set by <c>RenderVersionPages</c>
    /// when history is on; read by the theme's "last changed" block and by <c>api/job-families.json</c>).
    /// </summary>
    public static readonly MetadataKey<PublishedVersions> Published = new("site.published-versions");

    /// <summary>
    /// The fingerprint of an input file's text as the domain stages parse it (set by <see cref="RecordSourceTexts"/>
    /// when history is on; read by <see cref="CurrentPages"/>, since one-shot builds empty the page texts).
    /// </summary>
    public static readonly MetadataKey<TextFingerprint> SourceText = new("site.source-text");
}
