namespace Handbook.Site.Caching;

using System.Text.Json.Serialization;
using Handbook.Site.Theming.Views;

/// <summary>
/// Source-generated System.Text.Json metadata of the views a family page's and a compare page's templates read, hashed
/// into the page's key in <see cref="ThemePageKeys"/>: every public property a template can read is a property the
/// serialiser writes, so a field added to a view later is part of the key without anyone having to remember it (as
/// <see cref="Versions.VersionPageJsonContext"/> does for version pages).
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(PageView))]
[JsonSerializable(typeof(FamilyView))]
[JsonSerializable(typeof(ComparePageView))]
internal sealed partial class ThemePageJsonContext : JsonSerializerContext;
