namespace Handbook.Site.Versions;

using System.Reflection;
using System.Text.Json;
using Handbook.Pipeline.Caching;

/// <summary>
/// The render cache of versions: <see cref="HistoricContent"/> as JSON in the engine's <see cref="ContentCache"/>
/// (subfolder <c>versions/</c> of <c>--cache DIR</c>), content-addressed by everything a version's rendering reads:
/// its page blob and path, the grade-data blob, the blobs of the pages it links to (extends targets) and of the
/// commit's partials, the theme's hash and the tool version. A truncated or corrupted entry is dropped by the
/// engine's check; an entry that is not valid JSON of the current shape is a miss as well. Either way it is rendered again.
/// </summary>
public sealed class VersionRenderCache(string cacheFolder)
{
    public const string SubFolder = "versions";

    // Bump when HistoricContent or the way it is produced changes (on top of the assembly version).
    private const string PayloadVersion = "1";

    private static readonly string ToolVersion =
        (typeof(VersionRenderCache).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0") + "/" + PayloadVersion;

    private readonly ContentCache _cache = new(Path.Combine(cacheFolder, SubFolder));

    public CacheStatistics Statistics => _cache.Statistics;

    /// <summary>The entry file of a key (tests corrupt it on purpose).</summary>
    public string PathOf(CacheKey key) => _cache.PathOf(key);

    public static CacheKey KeyOf(VersionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return CacheKey.Create("HistoricVersion", ToolVersion, inputs.Parts());
    }

    public bool TryGet(CacheKey key, out HistoricContent content)
    {
        content = null!;
        if (!_cache.TryGetString(key, out var json))
        {
            return false;
        }

        try
        {
            content = JsonSerializer.Deserialize<HistoricContent>(json)!;
            return content is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Set(CacheKey key, HistoricContent content) => _cache.SetString(key, JsonSerializer.Serialize(content));
}
