namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.Testing;

/// <summary>
/// Finds the real corpus for the extends tests: <see cref="SharedCorpus.Folder"/>, or else the nearest
/// <c>shared/corpus</c> beside any folder above the repository (a git worktree sits one level deeper than the
/// main checkout, so the plain sibling lookup misses it there).
/// </summary>
internal static class ExtendsCorpus
{
    private static readonly Lazy<string?> Root = new(Find);

    public static string? Folder => Root.Value;

    public static string Families => Path.Combine(Folder ?? throw new InvalidOperationException("the shared corpus is missing"), "gitlab-job-families");

    private static string? Find()
    {
        if (SharedCorpus.Folder is { } direct)
        {
            return direct;
        }

        for (var dir = new DirectoryInfo(SharedCorpus.RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
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

/// <summary>A fact that needs the real corpus: skipped with the reason when it is absent, except under <c>CI=true</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ExtendsCorpusFactAttribute : FactAttribute
{
    public ExtendsCorpusFactAttribute()
    {
        if (ExtendsCorpus.Folder is null && !SharedCorpus.IsCi)
        {
            Skip = "the real corpus shared/corpus is not on this machine";
        }
    }
}
