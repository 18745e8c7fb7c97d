namespace Handbook.Site.Preview;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>The data of a <c>reload</c> event: the URLs whose pages changed.</summary>
public sealed record ReloadEvent(IReadOnlyCollection<string> Urls);

/// <summary>The data of an <c>errors</c> event: the errors of the failed build the overlay shows.</summary>
public sealed record ErrorsEvent(IReadOnlyList<DiagnosticPayload> Errors);

/// <summary>What <c>/_preview/status</c> answers: the current errors and how many browsers listen.</summary>
public sealed record PreviewStatus(IReadOnlyList<DiagnosticPayload> Errors, int Clients);

/// <summary>
/// Source-generated System.Text.Json metadata of the live-reload messages, with the web defaults (camelCase names)
/// the browser script reads.
/// </summary>
/// <remarks>Named records, not anonymous objects: the published tool is compiled ahead of time (Native AOT, issue 9),
/// where reflection-based serialization is off.</remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReloadEvent))]
[JsonSerializable(typeof(ErrorsEvent))]
[JsonSerializable(typeof(PreviewStatus))]
internal sealed partial class LiveReloadJsonContext : JsonSerializerContext;
