namespace Handbook.Site.Caching;

using System.Text.Json.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata of the family reuse index (<see cref="FamilyReuseIndex"/>): no reflection
/// (issue 9: fixed costs), and a missing or null field fails the read, so a damaged index is a miss, never a half index.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(FamilyReuseIndex))]
internal sealed partial class FamilyReuseJsonContext : JsonSerializerContext;
