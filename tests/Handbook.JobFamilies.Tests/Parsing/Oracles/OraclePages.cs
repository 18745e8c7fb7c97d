namespace Handbook.JobFamilies.Tests.Parsing.Oracles;

using Handbook.Testing;

/// <summary>
/// The real pages the fast paths are compared with their oracles on: every page of the sample input and, when this
/// machine has it, every page of the real corpus (read in place).
/// </summary>
internal static class OraclePages
{
    /// <summary>(path, text) of every sample page, then of every real page.</summary>
    public static IEnumerable<(string Path, string Text)> All()
    {
        var sample = Path.Combine(SharedCorpus.RepositoryRoot, "input", "job-families");
        foreach (var page in PagesUnder(sample))
        {
            yield return page;
        }

        if (SharedCorpus.Folder is not null)
        {
            foreach (var page in PagesUnder(SharedCorpus.PathOf("gitlab-job-families")))
            {
                yield return page;
            }
        }
    }

    private static IEnumerable<(string Path, string Text)> PagesUnder(string root) =>
        Directory.GetFiles(root, "*.md*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => ("job-families/" + Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)));
}
