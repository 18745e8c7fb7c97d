namespace Handbook.Site.Theming;

using System.Collections.Concurrent;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

/// <summary>
/// The theme folder as Fluid's <c>{% include %}</c> and <c>{% render %}</c> see it, with each partial looked up on
/// disk once per <see cref="Theme"/>: the first lookup of a path takes a snapshot of what the folder's
/// <see cref="PhysicalFileProvider"/> says about it (exists, length, last modified), and every later lookup of the
/// same path gets that snapshot.
/// </summary>
/// <remarks>
/// Every include asked the physical provider again, which made a new <see cref="FileInfo"/> and <c>stat</c>ed the
/// partial twice (exclusion filters, then existence and time): ≈ 6,500 <c>stat</c>s in a versioned build of the
/// replayed history, whose ≈ 290 version and history pages include the same few partials as every other page (issue 9).
/// Holding the snapshot for the theme's lifetime is safe because a theme's files are read once per theme: a one-shot
/// build loads the theme once, and <c>preview</c> loads a new <see cref="Theme"/> (and so a new instance of this) after
/// any change of a theme file that is not an asset, and after a burst of changes the watcher lost track of. Fluid's
/// template cache, keyed by path and the snapshot's time, then parses each partial once per theme as before.
/// </remarks>
public sealed class MemoizedThemeFiles(IFileProvider folder) : IFileProvider
{
    private readonly ConcurrentDictionary<string, IFileInfo> _files = new(StringComparer.Ordinal);

    public IFileInfo GetFileInfo(string subpath) =>
        _files.TryGetValue(subpath, out var known) ? known : _files.GetOrAdd(subpath, SnapshotOf(subpath));

    // Listings and change tokens are not asked for by Fluid; they go to the folder as they are.
    public IDirectoryContents GetDirectoryContents(string subpath) => folder.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => folder.Watch(filter);

    private FileSnapshot SnapshotOf(string subpath)
    {
        var file = folder.GetFileInfo(subpath);
        return new FileSnapshot(file, file.Exists, file.Exists ? file.Length : -1, file.PhysicalPath, file.Name, file.LastModified, file.IsDirectory);
    }

    /// <summary>What the folder said about one path when first asked; the content is still read from the file.</summary>
    private sealed record FileSnapshot(IFileInfo File, bool Exists, long Length, string? PhysicalPath, string Name, DateTimeOffset LastModified, bool IsDirectory)
        : IFileInfo
    {
        public Stream CreateReadStream() => File.CreateReadStream();
    }
}
