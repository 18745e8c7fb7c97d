namespace Handbook.Pipeline.Output;

using System.IO.Enumeration;

/// <summary>
/// The folder tree of a replaced output kept as the next build's staging folder (issue 9): a build after one commit
/// created the ≈ 640 folders of the replayed history's output in its staging folder and then deleted the ≈ 640 folders
/// of the output it replaced – the same tree, made and unmade in every build. Builds that link unchanged files from the
/// previous output (<see cref="PreviousOutputFiles"/>, <c>--cache</c>) keep the replaced output as a spare
/// (<c>.&lt;output&gt;.spare</c>, beside the output) instead of deleting it; the next such build takes the spare, deletes
/// every file in it and stages into the folders that are left.
/// </summary>
/// <remarks>
/// Exact: before anything is staged, every entry of the taken spare that is not a real folder (files, links to files or
/// folders) is deleted, so the staging folder holds only empty folders, as a fresh one holds none; a spare whose files
/// cannot all be deleted is not used (it is deleted, and a fresh folder made). Deleting a name never changes the bytes
/// another name of the same file shows, so the output's files linked from the replaced output stay as they are. The
/// folders the final plan does not need are deleted before the swap (<see cref="OutputStaging.RemoveUnplannedFolders"/>),
/// and a kept folder where a file must go is deleted first (it holds only folders). A failed build deletes the staging
/// folder as before, spare included. The spare holds the replaced output's files until the next build takes it: with
/// <c>--cache</c> nearly all are further names of the output's own files, so it costs little space.
/// </remarks>
internal static class RecycledStagingFolder
{
    /// <summary>The spare's path beside the output: hidden, one per output folder.</summary>
    public static string SpareOf(string parent, string name) => Path.Combine(parent, $".{name}.spare");

    /// <summary>
    /// Makes the replaced output <paramref name="replaced"/> the spare of its output folder (an older spare is deleted
    /// first); when it cannot be kept it is deleted, as a write that does not recycle does.
    /// </summary>
    public static void Keep(string replaced, string parent, string name, int deletionThreads)
    {
        var spare = SpareOf(parent, name);
        FolderTreeDeletion.Delete(spare, deletionThreads);
        try
        {
            Directory.Move(replaced, spare);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            FolderTreeDeletion.Delete(replaced, deletionThreads);
        }
    }

    /// <summary>
    /// Takes the spare of the output folder as the staging folder <paramref name="staging"/> (a fresh path): renames it,
    /// deletes every file in it and returns the output-relative paths of the folders left ('/'-separated); null when
    /// there is no spare or it could not be used (then the caller stages into a fresh folder of another name).
    /// </summary>
    public static HashSet<string>? TryTake(string parent, string name, string staging, int deletionThreads)
    {
        var spare = SpareOf(parent, name);
        try
        {
            if (!Directory.Exists(spare))
            {
                return null;
            }

            Directory.Move(spare, staging);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            var (folders, files) = List(staging);
            DeleteAll(files, deletionThreads);
            return folders;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or AggregateException)
        {
            // A file that would not go (or a listing that failed) could end up in the output: the caller starts from a
            // fresh folder of another name; what is left here is a hidden leftover a later write removes once stale.
            OutputWriter.TryDeleteFolder(staging);
            return null;
        }
    }

    /// <summary>Every real folder under <paramref name="root"/> (relative, '/'-separated) and every other entry (full paths).</summary>
    private static (HashSet<string> Folders, List<string> Files) List(string root)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
        var entries = new FileSystemEnumerable<(string Path, bool IsFolder)>(root, ToEntry, options)
        {
            // Links to folders are entries to delete, never folders to walk into.
            ShouldRecursePredicate = IsRealFolder,
        };
        foreach (var (path, isFolder) in entries)
        {
            if (isFolder)
            {
                folders.Add(Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'));
            }
            else
            {
                files.Add(path);
            }
        }

        return (folders, files);
    }

    private static (string Path, bool IsFolder) ToEntry(ref FileSystemEntry entry) => (entry.ToFullPath(), IsRealFolder(ref entry));

    private static bool IsRealFolder(ref FileSystemEntry entry) =>
        entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0;

    // Unlinks wait on the disk rather than the processor: several in flight, as for a replaced output (FolderTreeDeletion).
    private static void DeleteAll(List<string> files, int threads) =>
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, File.Delete);
}
