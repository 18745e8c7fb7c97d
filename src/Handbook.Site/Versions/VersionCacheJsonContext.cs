namespace Handbook.Site.Versions;

using System.Text.Json.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata of the JSON part of the version render cache's entries
/// (<see cref="HistoricContent"/> without its body: the family view, the diff model and the unknown grades).
/// </summary>
/// <remarks>
/// Why: every versioned build with <c>--cache</c> writes an entry per rendered version (a build after one commit reads
/// nearly all of them), and the reflection resolver emitted a getter per property of ~15 view records and created
/// every built-in converter, all compiled at run time (~150 methods, ~60 of them fully optimised) in every such build
/// (issue 9). Default options, as the reflection serialiser had: the same JSON (tested).
/// Metadata mode only: the generated fast-path serialiser writes a null <c>byte[]</c> (<c>FamilyView.BodyHtmlUtf8</c>)
/// as <c>""</c>, which would read back as an empty body.
/// </remarks>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(HistoricContent))]
internal sealed partial class VersionCacheJsonContext : JsonSerializerContext;
