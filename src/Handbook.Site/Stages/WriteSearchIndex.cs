namespace Handbook.Site.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Catalog;
using Handbook.Site.Search;

/// <summary>Adds <c>/search-index.json</c> (see <see cref="SearchIndex"/>), the data of the site's search box and results page.</summary>
public sealed class WriteSearchIndex : IStage
{
    public string Name => nameof(WriteSearchIndex);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        // A binary document of the UTF-8 bytes: the index is written as they are, never held as a string (issue 9).
        var json = SearchIndex.SerializeToUtf8Bytes(SearchIndex.Build(FamilyCatalog.From(documents)));
        IReadOnlyList<Document> result = [.. documents, new Document(SearchIndex.OutputPath, SearchIndex.OutputPath, string.Empty, Metadata.Empty) { Bytes = json }];
        return Task.FromResult(result);
    }
}
