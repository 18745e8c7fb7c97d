namespace Handbook.Site.Stages;

using System.Collections.Concurrent;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Catalog;
using Handbook.Site.Metadata;
using Handbook.Site.Theming;

/// <summary>
/// Batched builds (<see cref="ProcessFamiliesInBatches"/>): each family's outputs are made in its batch, right after
/// the batch is rendered, and its bullets let go there (issue 9: at synthetic N = 10000 the bullets of every family,
/// ≈ 550 MiB, were alive at the end of the batches, the build's peak, because these outputs were made in the theme).
/// </summary>
/// <remarks>
/// The theme's catalogue does not exist yet, but a compare page reads only the breadcrumb trail from it: the section,
/// the department's title (its index page's title, else one made from the slug) and the title of each folder index
/// page above the family. A catalogue of the folder index pages alone gives the same trails, once every index page is
/// in it: they go in the first batches (<see cref="GoesFirst"/>), and an index page that comes after a compare page was
/// made sends the build to the whole-set path (it cannot, as the path decides what is an index page); the theme checks
/// the full catalogue has the same index pages (<see cref="Begin"/>). The family page's JSON-LD lists bullets of one
/// role: those are kept (<see cref="OccupationOf"/>).
/// </remarks>
public sealed partial class PerFamilyOutputs : IFamilyBatchOutputs
{
    // The occupation lists of the families released in their batch, spooled (OccupationSpool): what the family page's
    // JSON-LD lists, kept off the heap from the batch to the theme.
    private readonly ConcurrentDictionary<JobFamily, OccupationSpool.Entry> _occupations = new(ReferenceEqualityComparer.Instance);
    private readonly OccupationSpool _occupationSpool = new();
    private readonly List<Document> _indexPages = [];
    private FamilyCatalog? _indexCatalog;
    private ReaderPageViews? _batchViews;

    /// <summary>Families whose bullets went in their batch (for <c>--verbose</c> and the tests).</summary>
    public int ReleasedInBatches => _occupations.Count;

    /// <inheritdoc/>
    public bool GoesFirst(FamilyPathInfo page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.IsDepartmentIndex;
    }

    /// <inheritdoc/>
    public string? Record(IReadOnlyList<Document> batch, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(context);
        var families = new List<(Document Document, JobFamily Family)>();
        foreach (var document in batch)
        {
            if (!document.TryGet(JobFamilyKeys.Family, out var family) || !document.Metadata.Contains(JobFamilyKeys.BodyHtml))
            {
                continue; // not in the theme's catalogue: its outputs are the stages' (none today)
            }

            if (!family.IsDepartmentIndex)
            {
                families.Add((document, family));
            }
            else if (_batchViews is not null)
            {
                return "a folder index page came after the first compare page was made";
            }
            else
            {
                _indexPages.Add(document);
            }
        }

        if (families.Count == 0)
        {
            return null;
        }

        _indexCatalog ??= FamilyCatalog.From(_indexPages);
        var views = _batchViews ??= new ReaderPageViews(_indexCatalog, settings);
        Parallel.For(
            0,
            families.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            i => RecordAndRelease(views, families[i].Document, families[i].Family, context.CancellationToken));
        return null;
    }

    /// <inheritdoc/>
    public void Discard()
    {
        // The whole-set run's families are other objects; these are garbage with their outputs (the spools keep the
        // bytes written, which nothing reads; a compare page staged here is staged again or written by the final write).
        foreach (var family in _occupations.Keys)
        {
            _recorded.TryRemove(family, out _);
            _comparePages.TryRemove(family, out _);
            _exportFragments.TryRemove(family, out _);
            _searchRecords.TryRemove(family, out _);
        }

        _occupations.Clear();
        _indexPages.Clear();
        _indexCatalog = null;
        _batchViews = null;
    }

    /// <summary>The occupation lists kept for <paramref name="family"/>'s JSON-LD when its bullets went in its batch; null when they did not.</summary>
    /// <remarks>Read back from the spool on each call (the theme asks once per page). Thread-safe.</remarks>
    public OccupationItems? OccupationOf(JobFamily family) =>
        _occupations.TryGetValue(family, out var spooled) ? _occupationSpool.Read(spooled) : null;

    private void RecordAndRelease(ReaderPageViews views, Document document, JobFamily family, CancellationToken cancellationToken)
    {
        RecordWith(views, document, family, cancellationToken);
        _occupations[family] = _occupationSpool.Add(OccupationItems.Of(family));
        BulletRelease.Release(family);
    }

    // The trails of the compare pages made in the batches came from the index pages alone: the theme's catalogue must
    // have exactly those (a bug otherwise; those pages' bullets are gone, so they cannot be made again).
    private void ThrowIfIndexPagesDiffer(FamilyCatalog catalog)
    {
        if (_indexCatalog is not { } made)
        {
            return;
        }

        var same = made.IndexPages.Count == catalog.IndexPages.Count
            && made.IndexPages.All(p => catalog.IndexPages.TryGetValue(p.Key, out var entry) && ReferenceEquals(entry.Family, p.Value.Family));
        if (!same)
        {
            throw new InvalidOperationException("The compare pages made in the batches saw other folder index pages than the theme's catalogue.");
        }
    }
}
