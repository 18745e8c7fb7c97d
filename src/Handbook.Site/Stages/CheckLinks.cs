namespace Handbook.Site.Stages;

using System.Collections.Concurrent;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Redirects;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Links;
using Handbook.Site.Urls;

/// <summary>
/// Checks every link written in every page against what the build generated (LINK0xx), and the job-family rules
/// of the redirect data against the pages (REDIR008, REDIR009, REDIR012). Runs after every stage that adds pages
/// and before the output is written, in <c>build</c> and in <c>check</c> alike, so it validates against exactly the
/// pages the site will have. Documents pass through unchanged.
/// </summary>
/// <param name="storedAnchors">With <c>--cache</c>: the anchors of page texts earlier builds read, used instead of parsing
/// those pages again and saved after the check; null parses every page a link asks about.</param>
public sealed class CheckLinks(LinkCheckOptions options, string redirectsDataPath, StoredPageAnchors? storedAnchors = null) : WholeSetStage
{
    public override string Name => nameof(CheckLinks);

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        var targets = SiteLinkTargets.From(documents, storedAnchors);
        var redirects = ReadRedirectData.Of(documents) ?? RedirectTable.Empty;
        var resolver = new LinkResolver(targets, redirects);

        var redirectDiagnostics = new List<Diagnostic>();
        RedirectChecker.Check(redirects, redirectsDataPath, targets, redirectDiagnostics);
        context.Diagnostics.ReportAll(redirectDiagnostics);

        // One family per source page: when another stage derives more documents from a page (older versions),
        // the document rendered at the page's own URL is the one whose links readers follow today.
        // In an incremental run only recomputed pages are checked: the engine replays a reused page's previous
        // diagnostics whatever this stage says about it (links are not dependencies), so checking it is wasted work.
        var families = FamiliesToCheck(documents, context);
        var found = new ConcurrentBag<Diagnostic>();
        Parallel.ForEach(
            families,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            family =>
            {
                var diagnostics = new List<Diagnostic>();
                LinkChecker.Check(family, resolver, options, diagnostics);
                foreach (var diagnostic in diagnostics)
                {
                    found.Add(diagnostic);
                }
            });
        context.Diagnostics.ReportAll(found);
        storedAnchors?.Save();
        return documents;
    }
    // Per source page (in the order pages first appear): the first document rendered at the family's own URL, else the
    // page's first document. Dictionaries over strings and documents instead of LINQ's GroupBy over (document, family)
    // tuples, whose lookup and iterators the ReadyToRun image does not hold (≈ 30 methods JIT-compiled in every build).
    private static List<JobFamily> FamiliesToCheck(IReadOnlyList<Document> documents, StageContext context)
    {
        var paths = new List<string>();
        var first = new Dictionary<string, Document>(StringComparer.Ordinal);
        var own = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (!document.TryGet(JobFamilyKeys.Family, out var family) || family is null)
            {
                continue;
            }

            if (first.TryAdd(family.SourcePath, document))
            {
                paths.Add(family.SourcePath);
            }

            if (!own.ContainsKey(family.SourcePath) && document.Destination == UrlPath.OutputFileOf(family.Url))
            {
                own.Add(family.SourcePath, document);
            }
        }

        var families = new List<JobFamily>(paths.Count);
        foreach (var path in paths)
        {
            var chosen = own.TryGetValue(path, out var atOwnUrl) ? atOwnUrl : first[path];
            if (context.MustProcess(chosen) && chosen.TryGet(JobFamilyKeys.Family, out var family) && family is not null)
            {
                families.Add(family);
            }
        }

        return families;
    }
}
