namespace Handbook.Site.Preview;

/// <summary>
/// One coalesced burst of file changes: paths relative to the input folder and to the theme folder (with '/').
/// <see cref="Overflowed"/> means the watcher lost events (too many at once): rebuild everything.
/// </summary>
public sealed record PreviewChanges(IReadOnlySet<string> InputPaths, IReadOnlySet<string> ThemePaths, bool Overflowed);
