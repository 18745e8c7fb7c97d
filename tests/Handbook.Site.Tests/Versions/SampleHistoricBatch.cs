namespace Handbook.Site.Tests.Versions;

using Handbook.JobFamilies;
using Handbook.Pipeline.Documents;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Theming;
using Handbook.Site.Versions;
using Handbook.Testing;

/// <summary>
/// The sample input's family pages (and a grade file) as one commit batch of historic renders, as the version tests
/// render it: every page wanted except partials, an empty catalogue.
/// </summary>
internal static class SampleHistoricBatch
{
    public const string GradeDataPath = "data/job-grades.yml";

    /// <summary>Views as the batches render with them: an empty catalogue and default settings.</summary>
    public static PageViews NewViews() => new(FamilyCatalog.From([]), new SiteSettings());

    /// <summary>The sample's family pages and partials, in path order, with LF line ends.</summary>
    public static List<Document> Pages()
    {
        var root = Path.Combine(SharedCorpus.RepositoryRoot, "input");
        return Directory.GetFiles(Path.Combine(root, "job-families"), "*.md*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(p => Document.FromSource(p, File.ReadAllText(Path.Combine(root, p)).Replace("\r\n", "\n", StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>The sample's own grade file.</summary>
    public static string GradeData() => File.ReadAllText(Path.Combine(SharedCorpus.RepositoryRoot, "input", GradeDataPath));

    /// <summary>Renders <paramref name="pages"/> with <paramref name="gradeData"/> as one batch of <paramref name="build"/>.</summary>
    public static Task<IReadOnlyDictionary<string, HistoricContent>> RenderAsync(HistoricBuild build, List<Document> pages, string gradeData, int maxDegreeOfParallelism)
    {
        var documents = pages.Append(Document.FromSource(GradeDataPath, gradeData)).OrderBy(d => d.SourcePath, StringComparer.Ordinal).ToList();
        var wanted = pages.Select(p => p.SourcePath).Where(p => !Path.GetFileName(p).StartsWith('_')).ToHashSet(StringComparer.Ordinal);
        return build.RenderAsync(documents, wanted, hasGradeData: true, maxDegreeOfParallelism, CancellationToken.None);
    }

    /// <summary>A historic build with default options, over <paramref name="views"/> (new ones when null).</summary>
    public static HistoricBuild Build(
        HistoricGradeTables? gradeTables = null, bool bodiesAsUtf8 = true, PageViews? views = null, bool runsStagesInSite = false, bool skipsUnreachedPages = true) =>
        new(new JobFamiliesOptions(), views ?? NewViews(), gradeTables, bodiesAsUtf8, runsStagesInSite, skipsUnreachedPages);
}
