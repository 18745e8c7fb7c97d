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
        var json = SearchIndex.Serialize(SearchIndex.Build(FamilyCatalog.From(documents)));
        IReadOnlyList<Document> result = [.. documents, new Document(SearchIndex.OutputPath, SearchIndex.OutputPath, json, Metadata.Empty)];
        return Task.FromResult(result);
    }
}
