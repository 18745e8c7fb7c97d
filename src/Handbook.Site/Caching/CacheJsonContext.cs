namespace Handbook.Site.Caching;

using System.Text.Json.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata of the render cache's records (<see cref="CachedBuild"/>,
/// <see cref="OutputStamp"/>), the only type resolver of their options.
/// </summary>
/// <remarks>
/// Why: every <c>--cache</c> build reads or writes these records, and the reflection resolver emitted a getter per
/// property and created every built-in converter for the JIT to compile; a warm build is mostly such fixed cost
/// (issue 9). Names and shapes still come from the records' attributes, so the records are the same bytes (tests
/// compare both resolvers, both ways).
/// </remarks>
[JsonSerializable(typeof(CachedBuild))]
[JsonSerializable(typeof(OutputStamp))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
