namespace Handbook.Site.Tests.Support;

using Handbook.Testing;

/// <summary>
/// Whole-site snapshots: every output file (pages, sitemap, export; not theme assets) is compared with
/// <c>Snapshots/&lt;name&gt;/&lt;path&gt;.approved.&lt;ext&gt;</c>. A mismatch or a new page writes
/// <c>.received.&lt;ext&gt;</c> beside it and the test fails listing every changed page, so one run shows the whole
/// change. Review the received files; if right, rename them to <c>.approved.</c> (scripts: see README.md).
/// </summary>
public static class SiteSnapshot
{
    public static readonly string Root = Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Handbook.Site.Tests", "Snapshots");

    public static void Verify(string outputFolder, string name)
    {
        var approvedRoot = Path.Combine(Root, name);
        var produced = Directory.EnumerateFiles(outputFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outputFolder, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith("assets/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        var problems = new List<string>();
        foreach (var page in produced)
        {
            var approved = Path.Combine(approvedRoot, SnapshotName(page, "approved"));
            var received = Path.Combine(approvedRoot, SnapshotName(page, "received"));
            var actual = File.ReadAllText(Path.Combine(outputFolder, page));
            if (File.Exists(approved) && File.ReadAllText(approved) == actual)
            {
                File.Delete(received);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(received)!);
            File.WriteAllText(received, actual);
            problems.Add(page + (File.Exists(approved) ? " (changed)" : " (new)"));
        }

        if (Directory.Exists(approvedRoot))
        {
            var expected = produced.Select(p => SnapshotName(p, "approved")).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(Directory.EnumerateFiles(approvedRoot, "*.approved.*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(approvedRoot, f).Replace('\\', '/'))
                .Where(f => !expected.Contains(f))
                .Order(StringComparer.Ordinal)
                .Select(f => f + " (approved but no longer produced)"));
        }

        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"{problems.Count} page(s) differ from the approved snapshot '{name}' (received files are in {approvedRoot}):\n  "
                + string.Join("\n  ", problems));
        }
    }

    /// <summary><c>job-families/a/index.html</c> → <c>job-families/a/index.approved.html</c>.</summary>
    private static string SnapshotName(string page, string kind)
    {
        var extension = Path.GetExtension(page);
        return page[..^extension.Length] + "." + kind + extension;
    }
}
