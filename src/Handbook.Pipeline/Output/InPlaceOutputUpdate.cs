namespace Handbook.Pipeline.Output;

/// <summary>
/// The last step of a write that updates the output folder in place (<see cref="OutputStaging.InPlace"/>): once every
/// new file is written to its temporary, the output is made exactly the plan – files and folders the plan does not
/// have are deleted (files the previous build wrote and this one drops, and anything else found there), each temporary
/// is renamed over its destination, and folders left empty go.
/// </summary>
/// <remarks>
/// <para>Why not the swap (issue 9): after one commit nearly every file is the output's own file already; a fresh copy
/// of the output made ≈ 640 folders and ≈ 520 hard links, and made the build after one commit a tenth slower. Here a
/// build touches only what changed.</para>
/// <para>What is given up, and why it is safe: the renames are each atomic, but not all of them at once, so a process
/// killed during this step (it takes a few milliseconds) leaves some files new and some old. A failed or cancelled build
/// never gets here (its temporaries are deleted and the output is as it was), and the next build repairs a killed one:
/// it leaves in place only files whose length and last-write time are still those the cache recorded after the last
/// complete write, and deletes whatever the plan does not have. The preview never updates through here (it swaps or
/// updates its own writer in place).</para>
/// </remarks>
internal static class InPlaceOutputUpdate
{
    /// <summary>
    /// Makes <paramref name="output"/> hold exactly <paramref name="planned"/>: the files there now that the plan keeps
    /// stay, <paramref name="temporaries"/> (destination → temporary file) are renamed into place, everything else goes.
    /// </summary>
    public static void Apply(string output, IReadOnlyList<PlannedFile> planned, IReadOnlyDictionary<string, string> temporaries)
    {
        var files = new HashSet<string>(planned.Count, StringComparer.Ordinal);
        var neededFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in planned)
        {
            files.Add(file.Destination);
            neededFolders.UnionWith(OutputPath.FoldersOf(file.Destination));
        }

        // What is there now, without following links (a link to a folder is an entry to delete, not a tree to walk).
        var (existingFiles, existingFolders) = List(output);
        foreach (var file in existingFiles)
        {
            if (!files.Contains(file) || neededFolders.Contains(file))
            {
                File.Delete(Path.Combine(output, file));
            }
        }

        foreach (var folder in existingFolders.Where(files.Contains).ToList())
        {
            // A folder where a file goes now: nothing under it is planned (a plan never has both).
            Directory.Delete(Path.Combine(output, folder), recursive: true);
            existingFolders.RemoveWhere(f => f == folder || f.StartsWith(folder + "/", StringComparison.Ordinal));
        }

        foreach (var (destination, temporary) in temporaries.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var slash = destination.LastIndexOf('/');
            if (slash > 0 && !existingFolders.Contains(destination[..slash]))
            {
                Directory.CreateDirectory(Path.Combine(output, destination[..slash]));
                existingFolders.UnionWith(OutputPath.FoldersOf(destination));
            }

            File.Move(temporary, Path.Combine(output, destination), overwrite: true);
        }

        // Folders no planned file needs hold nothing planned (their files were deleted above); outermost first, each with what is under it.
        foreach (var folder in existingFolders.Where(f => !neededFolders.Contains(f)).OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal))
        {
            var full = Path.Combine(output, folder);
            if (Directory.Exists(full))
            {
                Directory.Delete(full, recursive: true);
            }
        }
    }

    /// <summary>The output-relative paths ('/'-separated) of the files (and links) and of the real folders under <paramref name="root"/>.</summary>
    private static (List<string> Files, HashSet<string> Folders) List(string root)
    {
        var files = new List<string>();
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(string.Empty);
        while (pending.Count > 0)
        {
            var relative = pending.Pop();
            foreach (var entry in new DirectoryInfo(relative.Length == 0 ? root : Path.Combine(root, relative)).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }))
            {
                var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (entry is DirectoryInfo && entry.LinkTarget is null)
                {
                    folders.Add(path);
                    pending.Push(path);
                }
                else
                {
                    files.Add(path);
                }
            }
        }

        return (files, folders);
    }
}
