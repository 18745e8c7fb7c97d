namespace Handbook.Site.Caching;

using System.Text.Json.Serialization;
using Handbook.Site.Theming.Views;
using Handbook.Site.Versions.Views;

/// <summary>
/// Source-generated System.Text.Json metadata of the views the templates of cached pages read – version and history
/// pages (<see cref="Versions.VersionPageKeys"/>), family and compare pages (<see cref="ThemePageKeys"/>) – hashed into
/// each page's key (<see cref="PageKeyHash.AddView"/>): every public property a template can read is a property the
/// serialiser writes, so a field added to a view later is part of the key without anyone having to remember it. One
/// context for both, so the views they share are described (and compiled into the tool) once.
/// </summary>
/// <remarks>Metadata mode, as <see cref="Versions.VersionCacheJsonContext"/>: the generated fast path writes a null <c>byte[]</c> as <c>""</c>.
/// Source-generated, not reflection: the reflection resolver compiles its getters at run time in every build (issue 9).</remarks>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(PageView))]
[JsonSerializable(typeof(FamilyView))]
[JsonSerializable(typeof(ComparePageView))]
[JsonSerializable(typeof(VersionBannerView))]
[JsonSerializable(typeof(List<HistoryEntryView>))]
[JsonSerializable(typeof(Handbook.JobFamilies.Versions.PageVersion))]
internal sealed partial class PageKeyJsonContext : JsonSerializerContext;
