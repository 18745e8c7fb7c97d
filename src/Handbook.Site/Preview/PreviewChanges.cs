namespace Handbook.Site.Preview;

/// <summary>
/// One coalesced burst of file changes: paths relative to the input folder and to the theme folder (with '/').
/// <see cref="Overflowed"/> means the watcher lost events (too many at once): rebuild everything.
/// </summary>
public sealed record PreviewChanges(IReadOnlySet<string> InputPaths, IReadOnlySet<string> ThemePaths, bool Overflowed)
{
    /// <summary>Both bursts as one (the changes of a rebuild that was superseded, and the newer ones).</summary>
    public static PreviewChanges Union(PreviewChanges first, PreviewChanges second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new PreviewChanges(
            new HashSet<string>(first.InputPaths.Concat(second.InputPaths), StringComparer.Ordinal),
            new HashSet<string>(first.ThemePaths.Concat(second.ThemePaths), StringComparer.Ordinal),
            first.Overflowed || second.Overflowed);
    }
}
