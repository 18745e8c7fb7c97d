namespace Handbook.JobFamilies.Reuse;

using System.Text.Json.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata of the stored family state (<see cref="StoredFamily"/>), the only type
/// resolver <see cref="FamilyStateCodec"/> uses: no reflection, and nothing for the JIT to compile per property in
/// the builds that read many entries (issue 9). Nulls where the shape has none and missing constructor parameters are
/// errors, so a damaged entry fails to read instead of giving a family with holes.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(StoredFamily))]
internal sealed partial class FamilyStateJsonContext : JsonSerializerContext;
