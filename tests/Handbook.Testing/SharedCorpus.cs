namespace Handbook.Testing;

/// <summary>
/// Finds the read-only real corpus at <c>../shared/corpus</c> beside the repository root. Tests read it in place
/// (it is CC BY-SA and is never copied into the project).
/// </summary>
public static class SharedCorpus
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The <c>shared/corpus</c> folder, or null when this machine does not have it.</summary>
    public static string? Folder => Root.Value;

    /// <summary>The <c>shared/bench</c> folder, or null.</summary>
    public static string? BenchFolder => Root.Value is null ? null : Path.Combine(Path.GetDirectoryName(Root.Value)!, "bench");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Absolute path of a file or folder below the corpus; only call when <see cref="Folder"/> is not null.</summary>
    public static string PathOf(string relative) =>
        Path.Combine(Folder ?? throw new InvalidOperationException("the shared corpus is missing"), relative);

    /// <summary>The repository root (the folder holding handbook-site.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "handbook-site.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("handbook-site.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindRoot()
    {
        // Walk up from the repository root: a git worktree (e.g. /work/wt/<name>) sits deeper than the main checkout.
        for (var dir = new DirectoryInfo(FindRepositoryRoot()).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
