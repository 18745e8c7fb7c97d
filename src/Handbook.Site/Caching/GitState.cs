namespace Handbook.Site.Caching;

/// <summary>
/// A cheap fingerprint of the git history a build with versions reads: the HEAD file of the repository around the
/// input folder, the ref it names and the packed refs. A new commit, a checkout or a fetch changes it; it is empty
/// outside a repository. Reads the files directly (no repository is opened), so it costs next to nothing.
/// </summary>
public static class GitState
{
    public static string Of(string inputFolder)
    {
        var gitDir = FindGitDirectory(Path.GetFullPath(inputFolder));
        if (gitDir is null)
        {
            return string.Empty;
        }

        try
        {
            var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
            var parts = new List<string> { gitDir, head };
            if (head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                var reference = Path.Combine(gitDir, head[5..].Replace('/', Path.DirectorySeparatorChar));
                parts.Add(File.Exists(reference) ? File.ReadAllText(reference).Trim() : string.Empty);
                var common = CommonDirectory(gitDir);
                var shared = Path.Combine(common, head[5..].Replace('/', Path.DirectorySeparatorChar));
                parts.Add(File.Exists(shared) ? File.ReadAllText(shared).Trim() : string.Empty);
                var packed = Path.Combine(common, "packed-refs");
                parts.Add(File.Exists(packed) ? File.ReadAllText(packed) : string.Empty);
            }

            return string.Join('\n', parts);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unknown state: a key no other build has, so the cache is never used with a history it cannot vouch for.
            return "unreadable:" + Guid.NewGuid().ToString("N");
        }
    }

    /// <summary>Whether <paramref name="inputFolder"/> lies in a git repository (a work tree, a linked worktree or a submodule).</summary>
    public static bool HasRepository(string inputFolder) => FindGitDirectory(Path.GetFullPath(inputFolder)) is not null;

    private static string? FindGitDirectory(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return dotGit;
            }

            if (File.Exists(dotGit))
            {
                // A worktree or submodule: ".git" is a file "gitdir: <path>".
                var line = File.ReadAllText(dotGit).Trim();
                if (line.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, line[7..].Trim()));
                }
            }
        }

        return null;
    }

    /// <summary>A worktree's git dir names the shared repository in <c>commondir</c>; branches live there.</summary>
    private static string CommonDirectory(string gitDir)
    {
        var file = Path.Combine(gitDir, "commondir");
        return File.Exists(file) ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(file).Trim())) : gitDir;
    }
}
