namespace Handbook.Site.Caching;

using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Output;

/// <summary>
/// What the build cache knows about the files an output folder holds: the stamp of the build that last wrote the
/// folder (<see cref="OutputStamp"/>: each file's path, length and last-write time right after the write) joined with
/// that build's record (<see cref="CachedBuild"/>: each file's SHA-256). The next build leaves in place a file whose new
/// bytes hash the same instead of writing it (<see cref="PreviousOutputFiles"/>; issue 9: a build after one commit wrote
/// every one of ≈ 530 files again and deleted the old ones).
/// </summary>
public static class PreviousOutputOfCache
{
    /// <summary>The previous output's known files, or null when the cache has no stamp of <paramref name="outputFolder"/> or no record of the build it names.</summary>
    public static PreviousOutputFiles? Load(SiteOutputCache cache, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(outputFolder);
        if (!Directory.Exists(outputFolder)
            || OutputStamp.TryRead(cache.Stamps, outputFolder) is not { } stamp
            || !cache.TryLoad(new CacheKey(stamp.Fingerprint), out var build))
        {
            return null;
        }

        return new PreviousOutputFiles(outputFolder, Join(stamp, build));
    }

    /// <summary>
    /// The stamped files with their hashes. A destination the record names more than once (documents that clashed:
    /// the write kept one of them, and the record does not say which) is left out, so is a hash that is not SHA-256 hex.
    /// </summary>
    internal static Dictionary<string, PreviousOutputFiles.KnownFile> Join(OutputStamp stamp, CachedBuild build)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(build);
        var hashes = new Dictionary<string, string?>(build.Files.Count, StringComparer.Ordinal);
        foreach (var file in build.Files)
        {
            hashes[file.Destination] = hashes.ContainsKey(file.Destination) ? null : file.Blob;
        }

        var known = new Dictionary<string, PreviousOutputFiles.KnownFile>(stamp.Files.Count, StringComparer.Ordinal);
        foreach (var file in stamp.Files)
        {
            if (hashes.TryGetValue(file.Path, out var hex) && hex is { Length: 64 } && TryParseHex(hex) is { } sha256)
            {
                known[file.Path] = new PreviousOutputFiles.KnownFile(sha256, file.Length, file.LastWriteTicks);
            }
        }

        return known;
    }

    private static byte[]? TryParseHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
