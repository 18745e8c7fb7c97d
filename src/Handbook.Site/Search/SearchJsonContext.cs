namespace Handbook.Site.Search;

using System.Text.Json.Serialization;
using Handbook.Site.Search.Schema;

/// <summary>
/// Source-generated System.Text.Json metadata of <c>/search-index.json</c> (the only type resolver of
/// <see cref="SearchIndex"/>'s options): no reflection-emitted getters for the JIT to compile in every build (issue 9).
/// Names, null handling and enum spelling still come from the index's options and the schema's attributes.
/// </summary>
[JsonSerializable(typeof(SearchIndexRoot))]
internal sealed partial class SearchJsonContext : JsonSerializerContext;
