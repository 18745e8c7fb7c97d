namespace Handbook.Site.Export;

using System.Text.Json.Serialization;
using Handbook.JobFamilies.Grades;
using Handbook.Site.Export.Schema;

/// <summary>
/// Source-generated System.Text.Json metadata of the files under <c>api/</c> (<see cref="ExportJson.Options"/> uses
/// it as its only type resolver).
/// </summary>
/// <remarks>
/// Why: the reflection resolver emits a getter method per property and creates every built-in converter on first
/// use, all of it compiled by the JIT in every build (~380 methods at synthetic N = 100, issue 9). The names, order,
/// null handling and enum spelling still come from <see cref="ExportJson.Options"/> and the schema's attributes, so
/// the bytes are the same (tests compare both resolvers on the sample site and the real corpus).
/// </remarks>
[JsonSerializable(typeof(ExportRoot))]
[JsonSerializable(typeof(FamilyExport))]
[JsonSerializable(typeof(JobGradesJson))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
