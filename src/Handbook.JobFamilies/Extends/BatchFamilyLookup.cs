namespace Handbook.JobFamilies.Extends;

using System.Diagnostics.CodeAnalysis;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Documents;

/// <summary>
/// <see cref="IFamilyLookup"/> over one batch of families (the pages being processed and the pages they link to), for
/// a build that expands extends a batch at a time (issue 9). It answers exactly as a <see cref="FamilyLookup"/> over
/// the whole site would, or says that it cannot (<see cref="LeftBatch"/>): when a link names a family of the site that
/// is not in the batch, or another family of the batch than the whole site's lookup would find for that URL, and when
/// the resolver searched every other page for a role name (<see cref="IFamilyLookup.NoteSearchOfOtherPages"/>), whose
/// answer depends on pages outside the batch. The caller then uses the whole site instead.
/// </summary>
/// <param name="batch">The batch's families, in the site's order.</param>
/// <param name="siteUrls">Every family of the site: its normalised URL (<see cref="FamilyLookup.Normalize"/>) → the source
/// path of the family the whole site's lookup finds for it (the first with that URL, in the site's order).</param>
public sealed class BatchFamilyLookup(IReadOnlyList<JobFamily> batch, IReadOnlyDictionary<string, string> siteUrls) : IFamilyLookup
{
    private readonly FamilyLookup _inBatch = new(batch);
    private int _leftBatch;

    /// <summary>Why an answer may have depended on a page outside the batch (the first reason seen), or null.</summary>
    public string? LeftBatch => Volatile.Read(ref _leftBatch) switch
    {
        0 => null,
        1 => "a link leads to a family outside the batch",
        _ => "a role name was searched on every page",
    };

    public bool TryGet(string url, [NotNullWhen(true)] out JobFamily? family)
    {
        var found = _inBatch.TryGet(url, out family);
        var key = FamilyLookup.Normalize(url);
        var siteFinds = siteUrls.TryGetValue(key, out var sitePath);
        if (found != siteFinds || (found && !string.Equals(family!.SourcePath, sitePath, StringComparison.Ordinal)))
        {
            Interlocked.CompareExchange(ref _leftBatch, 1, 0);
        }

        return found;
    }

    public void NoteSearchOfOtherPages() => Interlocked.CompareExchange(ref _leftBatch, 2, 0);

    /// <summary>
    /// Why <paramref name="resolution"/>, made with this lookup, may differ from the whole site's (null: it cannot): an
    /// answer that depended on a page outside the batch (<see cref="LeftBatch"/>), or a broken cycle (which link goes
    /// depends on the order every page's statements are visited in).
    /// </summary>
    public string? WhyNotExact(ExtendsResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return LeftBatch ?? (resolution.BrokenCycles > 0 ? "a cycle of extends statements was broken" : null);
    }

    /// <summary>
    /// The <c>siteUrls</c> of a lookup over <paramref name="documents"/>: every page <see cref="ParseJobFamilies"/>
    /// parses, by its normalised URL (from its path, as the parser gives it to the family) → its source path, the first
    /// in the documents' order for each URL (as a lookup over them all finds it).
    /// </summary>
    public static Dictionary<string, string> SiteUrlsOf(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var urls = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in documents)
        {
            if (ParseJobFamilies.Parses(document))
            {
                urls.TryAdd(FamilyLookup.Normalize(document.Get(JobFamilyKeys.PathInfo).Url), document.SourcePath);
            }
        }

        return urls;
    }
}
