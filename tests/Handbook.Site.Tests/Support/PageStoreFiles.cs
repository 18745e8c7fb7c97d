namespace Handbook.Site.Tests.Support;

using Handbook.Site.Caching;

/// <summary>The files of the build cache's per-page stores (<c>pages/&lt;sub-folder&gt;/</c>), for tests that look at or damage them.</summary>
internal static class PageStoreFiles
{
    /// <summary>The folder of the store <paramref name="subFolder"/> in <paramref name="cacheFolder"/>.</summary>
    public static string Folder(string cacheFolder, string subFolder) => Path.Combine(cacheFolder, SiteOutputCache.Subfolder, subFolder);

    /// <summary>The store's one entry file (asserted to be the only file in its folder).</summary>
    public static string SingleEntry(string cacheFolder, string subFolder) =>
        Assert.Single(Directory.EnumerateFiles(Folder(cacheFolder, subFolder), "*", SearchOption.AllDirectories));

    /// <summary>Flips the bits of the last byte of the store's entry (damage its checksum finds).</summary>
    public static void DamageLastByte(string cacheFolder, string subFolder)
    {
        var entry = SingleEntry(cacheFolder, subFolder);
        var bytes = File.ReadAllBytes(entry);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(entry, bytes);
    }
}
