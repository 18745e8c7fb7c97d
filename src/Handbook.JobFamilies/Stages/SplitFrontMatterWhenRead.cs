namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.IO;

/// <summary>
/// <see cref="ReadFrontMatter"/>'s split of a job-family page, done by the reading stage as each file is decoded
/// (<see cref="ReadFilesOptions.PrepareText"/>), with the page's text emptied; <see cref="ReadFrontMatter"/> then passes
/// the page on as it is. For one-shot builds in which nothing between reading and <see cref="ReadFrontMatter"/> reads
/// a page's text (builds with versions record the texts' fingerprints in between).
/// </summary>
/// <remarks>
/// Why (issue 9): split in the next stage, every page text had been promoted to the collector's oldest generation while
/// the site was read, and all of them stayed resident, dead, next to the bodies copied out of them until a full
/// collection – the first of the three places of synthetic N = 10000's peak (≈ 1 GiB resident, 442 MiB live). Split
/// here, each text dies in the call that decoded it. The split itself is the same code, so front matter, body and
/// diagnostics (and their positions) are the same.
/// Parking (builds whose parsing runs in batches, <see cref="ProcessFamiliesInBatches"/>,
/// which read a parked body) the body is kept compressed right away (<see cref="ParkedMarkdown"/>): the bodies as
/// strings were most of what the reading stages held (issue 9, the first half's peak); with a spool its compressed bytes
/// wait there, off the heap. <see cref="ParkingWhenBatched"/> parks only when the read holds enough
/// pages for batches.
/// </remarks>
public sealed class SplitFrontMatterWhenRead : IReadTextPreparer
{
    private readonly bool _parksBody;
    private readonly ICompressedTextSpool? _spool;

    // Set by ParkingWhenBatched: the batch sizes ForRead decides with (null: parks as constructed, whatever is read).
    private readonly (int FamiliesPerBatch, int SmallestBatchedSite)? _batchSizes;

    /// <param name="parksBody">Park every page's body (<see cref="ParkedMarkdown"/>).</param>
    /// <param name="spool">Where parked bodies' compressed bytes wait, or null to keep them on the heap.</param>
    public SplitFrontMatterWhenRead(bool parksBody = false, ICompressedTextSpool? spool = null)
        : this(parksBody, spool, batchSizes: null)
    {
    }

    private SplitFrontMatterWhenRead(bool parksBody, ICompressedTextSpool? spool, (int FamiliesPerBatch, int SmallestBatchedSite)? batchSizes)
    {
        _parksBody = parksBody;
        _spool = spool;
        _batchSizes = batchSizes;
    }

    /// <summary>Whether this preparer parks page bodies (a <see cref="ParkingWhenBatched"/> one decides per read, <see cref="ForRead"/>).</summary>
    public bool ParksBody => _parksBody;

    /// <summary>
    /// A preparer whose reads park page bodies (in <paramref name="spool"/>) only when the pages read are enough for
    /// <see cref="ProcessFamiliesInBatches"/> to run in batches (<see cref="ProcessFamiliesInBatches.BatchesSiteOf"/>):
    /// a smaller site runs its stages over the whole set, which would unpark every page right away, so parking it only
    /// costs a compression and a decompression per page (issue 9: the real handbook, ≈ 170 pages, is below the
    /// 200-page threshold).
    /// </summary>
    public static SplitFrontMatterWhenRead ParkingWhenBatched(int familiesPerBatch, int smallestBatchedSite, ICompressedTextSpool? spool) =>
        new(parksBody: false, spool, (familiesPerBatch, smallestBatchedSite));

    /// <summary>
    /// Decides before reading whether this read parks: the pages are counted by their paths (<see cref="FamilyPath"/>,
    /// what <see cref="ReadFrontMatter"/> takes for a page), so the count is never below the pages the batches find (a
    /// page whose file cannot be read is counted but not read). Counted too high, pages are parked and the whole-set
    /// path unparks them, as before this decision; never too low, so a batched site always parks.
    /// </summary>
    public IReadTextPreparer ForRead(IReadOnlyList<string> relativePaths)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        if (_batchSizes is not var (familiesPerBatch, smallestBatchedSite))
        {
            return this;
        }

        var pages = PagesAmong(relativePaths);
        return ProcessFamiliesInBatches.BatchesSiteOf(pages, familiesPerBatch, smallestBatchedSite)
            ? new SplitFrontMatterWhenRead(parksBody: true, _spool)
            : new SplitFrontMatterWhenRead(parksBody: false);
    }

    /// <summary>How many of <paramref name="relativePaths"/> are job-family pages by their path.</summary>
    public static int PagesAmong(IReadOnlyList<string> relativePaths)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        var pages = 0;
        foreach (var path in relativePaths)
        {
            if (FamilyPath.TryParse(path, out _))
            {
                pages++;
            }
        }

        return pages;
    }

    public Document Prepare(Document read, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var split = ReadFrontMatter.Split(read, diagnostics, releasesSourceText: true);
        return _parksBody ? ParkedMarkdown.Park(split, _spool) : split;
    }
}
