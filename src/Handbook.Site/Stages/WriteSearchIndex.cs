namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Stages;
using Handbook.Site.Catalog;
using Handbook.Site.Search;

/// <summary>Adds <c>/search-index.json</c> (see <see cref="SearchIndex"/>), the data of the site's search box and results page.</summary>
/// <remarks>
/// Incremental runs (the preview): when every recomputed page shows the same in the index as in the previous run
/// (<see cref="SearchIndex.ShowsTheSame"/>: an edit of prose, not of a title, role or bullet) and no department
/// index page was recomputed (department titles), the previous run's file is handed back as it is instead of building
/// and serialising the whole index again (19 MB at N = 1000).
/// </remarks>
/// <remarks>
/// One-shot builds that write output pass their <see cref="OutputStaging"/>: the index is then serialised straight
/// into its file in the output being built (the same bytes), never held (197 MB at N = 10000).
/// </remarks>
/// <param name="perFamilyOutputs">One-shot builds that stage their output: the families' search records the theme
/// already made (<see cref="PerFamilyOutputs"/>, the families' bullets are gone by now). When every family has one the
/// file is written straight from their spooled texts (<see cref="SpooledSearchIndex"/>); otherwise the index is
/// assembled from them and records made here. Null makes every record here.</param>
public sealed class WriteSearchIndex(OutputStaging? staging = null, PerFamilyOutputs? perFamilyOutputs = null) : IStage
{
    public string Name => nameof(WriteSearchIndex);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        var index = Unchanged(documents, context) ?? Build(documents, context);
        IReadOnlyList<Document> result = [.. documents, index];
        return Task.FromResult(result);
    }

    private Document Build(IReadOnlyList<Document> documents, StageContext context)
    {
        var catalog = FamilyCatalog.From(documents);
        if (staging is not null && perFamilyOutputs is not null && SpooledSearchIndex.CanWrite(catalog, perFamilyOutputs))
        {
            // Every family's record is spooled: the file is written from the spool, its texts never made strings.
            var file = staging.StageFile(SearchIndex.OutputPath, SearchIndex.OutputPath, Metadata.Empty, stream => SpooledSearchIndex.Write(stream, catalog, perFamilyOutputs), context.CancellationToken);
            perFamilyOutputs.SearchRecordsTaken();
            return file;
        }

        var texts = new TextPool();
        var root = perFamilyOutputs is null ? SearchIndex.Build(catalog) : SearchIndex.Assemble(catalog, family => RecordOf(family, texts));
        perFamilyOutputs?.SearchRecordsTaken();
        if (staging is not null)
        {
            return staging.StageFile(SearchIndex.OutputPath, SearchIndex.OutputPath, Metadata.Empty, stream => SearchIndex.WriteUtf8(root, stream), context.CancellationToken);
        }

        // A binary document of the UTF-8 bytes: the index is written as they are, never held as a string (issue 9).
        return new Document(SearchIndex.OutputPath, SearchIndex.OutputPath, string.Empty, Metadata.Empty) { Bytes = SearchIndex.SerializeToUtf8Bytes(root) };
    }

    // The theme's record of a family, or one made now for a family it did not record (which keeps its bullets).
    private SearchFamilyRecord RecordOf(JobFamily family, TextPool texts) =>
        perFamilyOutputs!.TryGetSearchRecord(family, texts, out var record) ? record : SearchFamilyRecord.Of(family);

    /// <summary>The previous run's index when nothing it shows can have changed; null when it must be built.</summary>
    private static Document? Unchanged(IReadOnlyList<Document> documents, StageContext context)
    {
        if (context.Incremental is not { } incremental)
        {
            return null;
        }

        Document? index = null;
        var before = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var document in incremental.PreviousOutput)
        {
            if (string.Equals(document.SourcePath, SearchIndex.OutputPath, StringComparison.Ordinal))
            {
                index = document;
            }
            else if (!before.TryAdd(document.SourcePath, document))
            {
                return null; // several documents of one source (older versions): not worth telling apart
            }
        }

        if (index is null)
        {
            return null;
        }

        foreach (var now in documents)
        {
            if (!context.MustProcess(now))
            {
                continue;
            }

            if (!before.TryGetValue(now.SourcePath, out var then) || !ShowsTheSame(then, now))
            {
                return null;
            }
        }

        return index;
    }

    // The same membership in the catalog (a parsed page with a body) and the same fields of the family.
    private static bool ShowsTheSame(Document then, Document now)
    {
        var wasListed = then.TryGet(JobFamilyKeys.Family, out var before) && then.Metadata.Contains(JobFamilyKeys.BodyHtml);
        var isListed = now.TryGet(JobFamilyKeys.Family, out var family) && now.Metadata.Contains(JobFamilyKeys.BodyHtml);
        if (wasListed != isListed)
        {
            return false;
        }

        return !isListed || (!family.IsDepartmentIndex && !before.IsDepartmentIndex && SearchIndex.ShowsTheSame(before, family));
    }
}
