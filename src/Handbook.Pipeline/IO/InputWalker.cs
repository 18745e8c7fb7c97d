namespace Handbook.Pipeline.IO;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Finds the files under the input folder that a <see cref="GlobSet"/> selects. Symbolic links are followed only
/// while they stay inside the input folder: a link leading outside is refused with IO003, so a page can never pull
/// in <c>/etc/passwd</c> or a file from another checkout. A link back to a folder above it is not walked again.
/// </summary>
public sealed class InputWalker(string realRoot, GlobSet globs, DiagnosticBag diagnostics)
{
    // Folders on the current path from the root: a link back to one of them is a loop and is not walked again.
    private readonly HashSet<string> _ancestors = new(StringComparer.Ordinal);
    private readonly List<InputFile> _files = [];

    /// <summary>The selected files, sorted by ordinal relative path.</summary>
    public IReadOnlyList<InputFile> Walk(CancellationToken cancellationToken)
    {
        WalkFolder(realRoot, string.Empty, cancellationToken);
        _files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return _files;
    }

    private void WalkFolder(string realFolder, string relativeFolder, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_ancestors.Add(realFolder))
        {
            return;
        }

        try
        {
            WalkEntries(realFolder, relativeFolder, cancellationToken);
        }
        finally
        {
            _ancestors.Remove(realFolder);
        }
    }

    private void WalkEntries(string realFolder, string relativeFolder, CancellationToken cancellationToken)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(realFolder).GetFileSystemInfos();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(EngineDiagnostics.ReadFailed(relativeFolder.Length == 0 ? "." : relativeFolder, ex));
            return;
        }

        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var relative = relativeFolder.Length == 0 ? entry.Name : relativeFolder + "/" + entry.Name;
            if (entry.LinkTarget is null)
            {
                Visit(entry is DirectoryInfo, entry.FullName, relative, cancellationToken);
                continue;
            }

            VisitLink(entry, relative, cancellationToken);
        }
    }

    private void VisitLink(FileSystemInfo link, string relative, CancellationToken cancellationToken)
    {
        string target;
        try
        {
            target = RealPath.Resolve(link.FullName);
        }
        catch (IOException ex)
        {
            if (globs.Matches(relative) || globs.CouldMatchBelow(relative))
            {
                diagnostics.Report(EngineDiagnostics.ReadFailed(relative, ex));
            }

            return;
        }

        var isFolder = Directory.Exists(target);
        var relevant = isFolder ? globs.CouldMatchBelow(relative) : globs.Matches(relative);
        if (!relevant)
        {
            return;
        }

        if (!RealPath.IsInside(target, realRoot))
        {
            diagnostics.Report(EngineDiagnostics.SymlinkEscapes(relative));
            return;
        }

        if (!isFolder && !File.Exists(target))
        {
            diagnostics.Report(EngineDiagnostics.ReadFailed(relative, new FileNotFoundException("the symbolic link is broken")));
            return;
        }

        Visit(isFolder, target, relative, cancellationToken);
    }

    private void Visit(bool isFolder, string realPath, string relative, CancellationToken cancellationToken)
    {
        if (isFolder)
        {
            if (globs.CouldMatchBelow(relative))
            {
                WalkFolder(realPath, relative, cancellationToken);
            }
        }
        else if (globs.Matches(relative))
        {
            _files.Add(new InputFile(relative, realPath));
        }
    }
}
