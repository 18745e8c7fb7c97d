namespace Handbook.Site.Versions;

using System.Text.Json.Serialization;
using Handbook.Site.Theming.Views;
using Handbook.Site.Versions.Views;

/// <summary>
/// Source-generated System.Text.Json metadata of the views a version or history page's template reads, hashed into the
/// page's key in <see cref="VersionPageKeys"/>: every public property a template can read is a property the serialiser
/// writes, so a field added to a view later is part of the key without anyone having to remember it.
/// </summary>
/// <remarks>Metadata mode, as <see cref="VersionCacheJsonContext"/>: the generated fast path writes a null <c>byte[]</c> as <c>""</c>.
/// Source-generated, not reflection: the reflection resolver compiles its getters at run time in every build (issue 9).</remarks>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(PageView))]
[JsonSerializable(typeof(FamilyView))]
[JsonSerializable(typeof(VersionBannerView))]
[JsonSerializable(typeof(List<HistoryEntryView>))]
internal sealed partial class VersionPageJsonContext : JsonSerializerContext;
