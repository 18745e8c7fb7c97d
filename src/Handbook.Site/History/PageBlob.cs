namespace Handbook.Site.History;

/// <summary>
/// A job-family page in one commit: its input-relative path and the blob id of its content. A class, not a value
/// tuple: the history walk keeps lists of them per commit, and generic code over value types is compiled at run time
/// in every versioned build (ReadyToRun cannot hold it; issue 9).
/// </summary>
public sealed record PageBlob(string Path, string Blob);
