namespace Handbook.Pipeline.Incremental;

/// <summary>
/// Something a document's output was computed from besides its own content: another document (its
/// <see cref="Documents.Document.SourcePath"/>, e.g. the family a page extends or a partial it includes) or an input
/// that is no document at all, named by the app (e.g. <c>theme:templates</c>).
/// </summary>
/// <param name="Input">A source path of another document, or an external input name.</param>
/// <param name="RecomputeFrom">
/// The stage from which the document must be computed again when <paramref name="Input"/> changed; null means the
/// stage that declared the dependency. Name an earlier stage when the declaring stage changes objects that an
/// earlier stage created (e.g. a pass that edits a parsed model in place must be redone from the parse).
/// </param>
public sealed record Dependency(string Input, string? RecomputeFrom = null);
