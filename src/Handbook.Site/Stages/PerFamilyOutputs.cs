namespace Handbook.Site.Stages;

using System.Buffers;
using System.Collections.Concurrent;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Site.Building;
using Handbook.Site.Caching;
using Handbook.Site.Catalog;
using Handbook.Site.Export;
using Handbook.Site.Search;
using Handbook.Site.Theming;
using Handbook.Site.Versions;

/// <summary>
/// One-shot builds that stage their output: what the late half makes of each family's bullets, made while
/// <see cref="RenderTheme"/> renders the family (<see cref="Record"/>, on the thread that rendered its page) – its
/// compare page (rendered and staged), its part of <c>api/job-families.json</c> (spooled to a temporary file,
/// <see cref="FragmentSpool"/>) and its search record (<see cref="SearchFamilyRecord"/>, its texts spooled too:
/// <see cref="SpooledTexts"/>). The stages that wrote
/// those from the whole set of families (<see cref="RenderComparePages"/>, <see cref="WriteJobFamiliesExport"/>,
/// <see cref="WriteSearchIndex"/>) take them from here in their own order, so no later stage reads a recorded family's
/// bullets and <see cref="ReleaseFamilyBullets"/> runs right after the theme (issue 9: the bullets and their texts were
/// about half of what the late half held, at N = 10000 ≈ 440 MiB, until the export).
/// </summary>
/// <remarks>
/// What needs the whole site is still done by those stages: the order of the compare pages among the documents, the
/// order of families in both files, the search texts' numbers (first met by URL) and the department titles. A family
/// the theme did not render through here (an incremental run, a page the theme leaves as it is) is not recorded: the
/// stages make its outputs as before, and its bullets are kept (<see cref="MayReleaseBullets"/>).
/// </remarks>
/// <param name="themePages">With <c>--cache</c> where families are reused: compare pages whose views are unchanged are
/// left in place in the output instead of rendered (<see cref="ThemePageCache"/>).</param>
public sealed partial class PerFamilyOutputs(Theme theme, SiteSettings settings, StageFinishedPages finishedPages, ThemePageCache? themePages = null) : IDisposable
{
    private readonly ConcurrentDictionary<JobFamily, bool> _recorded = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<JobFamily, Document> _comparePages = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<JobFamily, FragmentSpool.Fragment> _exportFragments = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<JobFamily, (SearchFamilyRecord Record, FragmentSpool.Fragment Texts)> _searchRecords = new(ReferenceEqualityComparer.Instance);
    private readonly FragmentSpool _exportSpool = new();
    private readonly FragmentSpool _searchSpool = new();
    private ReaderPageViews? _views;
    private bool _comparePagesTaken;
    private bool _exportTaken;
    private bool _searchTaken;

    // One buffer per thread for the fragment being made (copied into its spool right away).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_fragment;

    /// <summary>
    /// Called by the theme before it renders pages: the compare pages' views need the site's catalogue. Compare pages
    /// made in the batches used the catalogue of the folder index pages alone (<see cref="Record(IReadOnlyList{Document}, Handbook.Pipeline.Stages.StageContext)"/>),
    /// which must give the same breadcrumb trails: it must have the same index pages.
    /// </summary>
    public void Begin(FamilyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ThrowIfIndexPagesDiffer(catalog);
        _views = new ReaderPageViews(catalog, settings);
    }

    /// <summary>
    /// Makes the outputs of <paramref name="family"/> (its page <paramref name="document"/> was just rendered and
    /// staged): nothing for a folder index page, which none of them lists. Thread-safe.
    /// </summary>
    public void Record(Document document, JobFamily family, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(family);
        if (family.IsDepartmentIndex || Holds(family))
        {
            return; // an index page has none of these outputs; a family recorded in its batch has them already
        }

        var views = _views ?? throw new InvalidOperationException("Begin must be called with the catalogue before families are recorded.");
        RecordWith(views, document, family, cancellationToken);
    }

    // The outputs of one family, its page's views from the catalogue given.
    private void RecordWith(ReaderPageViews views, Document document, JobFamily family, CancellationToken cancellationToken)
    {
        if (ReaderPageViews.CompareUrlOf(family) is not null)
        {
            _comparePages[family] = RenderComparePages.RenderPage(theme, views, finishedPages, family, cancellationToken, themePages, document.Metadata.GetOrDefault(FamilyReuseSession.StateKey));
        }

        var fragment = t_fragment ??= new ArrayBufferWriter<byte>(64 * 1024);
        JobFamiliesExport.WriteFragment(family, document.TryGet(VersionKeys.Published, out var versions) ? versions : null, fragment);
        _exportFragments[family] = _exportSpool.Add(fragment.WrittenSpan);

        // The record without its texts (most of its size): they wait in the spool, and the bullets' strings can go.
        var search = SearchFamilyRecord.Of(family);
        SpooledTexts.Write(search.Texts, fragment);
        _searchRecords[family] = (search with { Texts = [] }, _searchSpool.Add(fragment.WrittenSpan));
        _recorded[family] = true;
    }

    /// <summary>Whether <paramref name="family"/>'s outputs were made here (and are taken from here).</summary>
    public bool Holds(JobFamily family) => _recorded.ContainsKey(family);

    /// <summary>
    /// Whether no later stage reads <paramref name="family"/>'s bullets: its outputs were made here, or it is none of
    /// the families those stages list (a folder index page, or a page without a rendered body).
    /// </summary>
    public bool MayReleaseBullets(Document document, JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(family);
        return Holds(family) || family.IsDepartmentIndex || !document.Metadata.Contains(JobFamilyKeys.BodyHtml);
    }

    /// <summary>The compare page made for <paramref name="family"/>; false when it was not recorded (make it now).</summary>
    public bool TryGetComparePage(JobFamily family, out Document page)
    {
        Taken(_comparePagesTaken, "compare pages");
        if (_comparePages.TryGetValue(family, out page!))
        {
            return true;
        }

        ThrowIfRecorded(family, "compare page");
        return false;
    }

    /// <summary>The compare pages are all taken: let them go.</summary>
    public void ComparePagesTaken()
    {
        _comparePagesTaken = true;
        _comparePages.Clear();
    }

    /// <summary>
    /// The search record made for <paramref name="family"/>, its texts read back as <paramref name="texts"/>' strings;
    /// false when it was not recorded (make it now).
    /// </summary>
    public bool TryGetSearchRecord(JobFamily family, TextPool texts, out SearchFamilyRecord record)
    {
        Taken(_searchTaken, "search records");
        if (_searchRecords.TryGetValue(family, out var spooled))
        {
            var bytes = ArrayPool<byte>.Shared.Rent(spooled.Texts.Length);
            try
            {
                var spooledTexts = bytes.AsSpan(0, spooled.Texts.Length);
                _searchSpool.Read(spooled.Texts, spooledTexts);
                record = spooled.Record with { Texts = SpooledTexts.Read(spooledTexts, texts) };
                return true;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        ThrowIfRecorded(family, "search record");
        record = null!;
        return false;
    }

    /// <summary>
    /// The search record made for <paramref name="family"/> without its texts (<see cref="SearchFamilyRecord.Texts"/>
    /// empty) and where its texts are in the spool (<see cref="SpooledTexts"/>, read with <see cref="ReadSearchTexts"/>);
    /// false when it was not recorded.
    /// </summary>
    public bool TryGetSpooledSearchRecord(JobFamily family, out SearchFamilyRecord record, out FragmentSpool.Fragment texts)
    {
        Taken(_searchTaken, "search records");
        if (_searchRecords.TryGetValue(family, out var spooled))
        {
            (record, texts) = spooled;
            return true;
        }

        ThrowIfRecorded(family, "search record");
        (record, texts) = (null!, default);
        return false;
    }

    /// <summary>Reads bytes of the search texts' spool: a family's texts (<see cref="TryGetSpooledSearchRecord"/>) or part of them.</summary>
    public void ReadSearchTexts(FragmentSpool.Fragment range, Span<byte> target)
    {
        Taken(_searchTaken, "search records");
        _searchSpool.Read(range, target);
    }

    /// <summary>The search index is written: the records and their spool go.</summary>
    public void SearchRecordsTaken()
    {
        _searchTaken = true;
        _searchRecords.Clear();
        _searchSpool.Dispose();
    }

    /// <summary>
    /// Copies the export part made for <paramref name="family"/> into <paramref name="target"/> (cleared first); false
    /// when it was not recorded (make it now). Thread-safe.
    /// </summary>
    public bool TryCopyExportFragment(JobFamily family, ArrayBufferWriter<byte> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Taken(_exportTaken, "export parts");
        if (!_exportFragments.TryGetValue(family, out var fragment))
        {
            ThrowIfRecorded(family, "export part");
            return false;
        }

        target.ResetWrittenCount();
        _exportSpool.Read(fragment, target.GetSpan(fragment.Length)[..fragment.Length]);
        target.Advance(fragment.Length);
        return true;
    }

    /// <summary>The export is written: its spool goes.</summary>
    public void ExportFragmentsTaken()
    {
        _exportTaken = true;
        _exportFragments.Clear();
        _exportSpool.Dispose();
    }

    public void Dispose()
    {
        _exportSpool.Dispose();
        _searchSpool.Dispose();
        _occupationSpool.Dispose();
    }

    // A recorded family without the output asked for would be made again from bullets that may be gone: never.
    private void ThrowIfRecorded(JobFamily family, string output)
    {
        if (Holds(family))
        {
            throw new InvalidOperationException($"'{family.SourcePath}' was recorded without its {output}.");
        }
    }

    private static void Taken(bool taken, string outputs)
    {
        if (taken)
        {
            throw new InvalidOperationException($"The {outputs} were taken already: the stage that takes them runs once per build.");
        }
    }
}
