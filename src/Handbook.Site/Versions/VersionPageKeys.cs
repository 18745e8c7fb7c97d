namespace Handbook.Site.Versions;

using System.Collections.Concurrent;
using System.Security.Cryptography;
using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Caching;
using Handbook.Site.Caching;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;
using Handbook.Site.Versions.Views;

/// <summary>
/// The key of a finished version or history page in <see cref="VersionPageCache"/>: a SHA-256 of everything its
/// rendering reads. Build-wide: the tool (module version id of each project assembly and the libraries' versions,
/// as the build cache's fingerprint), every template file of the theme (<see cref="ThemeFolderFingerprint"/>) and the
/// <c>site</c> view the layout reads. Per page: the template, the <c>page</c> view (title, description, URL,
/// canonical URL, breadcrumbs, scripts, noindex) and the page's own values – for a version page the banner (which
/// holds the unknown grades) and the family view with its body (whether the version was rendered, read from the
/// render cache or taken from the current page), for a history page the family's title, its current URL and every
/// entry with its diff.
/// Views are hashed as JSON (<see cref="PageKeyJsonContext"/>), so every property a template can read is in the key.
/// </summary>
public sealed class VersionPageKeys
{
    // Bump when what a page key covers or how a page is rendered from it changes in a way the tool identity misses.
    private const string Format = "1";

    private readonly byte[] _build;

    // Versions with the same inputs share one content object: fingerprinted once (concurrent: the families' pages are
    // made in parallel; two threads fingerprinting one content at once get the same bytes, and the first kept wins).
    private readonly ConcurrentDictionary<HistoricContent, byte[]?> _contents = new(ReferenceEqualityComparer.Instance);

    public VersionPageKeys(Theme theme, SiteView site)
    {
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(site);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        BuildFingerprint.Add(hash, "VersionPage/" + Format);
        BuildFingerprint.Add(hash, BuildFingerprint.ToolIdentity.Value);
        BuildFingerprint.Add(hash, ThemeFolderFingerprint.Of(theme));
        PageKeyHash.AddView(hash, site, PageKeyJsonContext.Default.SiteView);
        _build = hash.GetHashAndReset();
    }

    /// <summary>The key of a version page; null when its content cannot be fingerprinted (a body UTF-8 cannot carry), so it is rendered.</summary>
    public CacheKey? ForVersionPage(string template, PageView page, VersionBannerView banner, HistoricContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Fingerprint(content) is not { } contentHash)
        {
            return null;
        }

        using var hash = Start(template, page);
        PageKeyHash.AddView(hash, banner, PageKeyJsonContext.Default.VersionBannerView);
        BuildFingerprint.Add(hash, contentHash);
        return Finish(hash);
    }

    /// <summary>The key of a history page.</summary>
    public CacheKey ForHistoryPage(string template, PageView page, string familyTitle, string currentUrl, List<HistoryEntryView> entries)
    {
        using var hash = Start(template, page);
        BuildFingerprint.Add(hash, familyTitle);
        BuildFingerprint.Add(hash, currentUrl);
        PageKeyHash.AddView(hash, entries, PageKeyJsonContext.Default.ListHistoryEntryView);
        return Finish(hash);
    }

    /// <summary>
    /// The key of a family's share of <c>RenderVersionPages</c> (<see cref="FamilyHistoryMemo"/>): everything that
    /// share reads but the contents – the build-wide part, the family's title, URL and trail (its version and history
    /// pages' breadcrumbs), the base URL, and every version (as JSON, so a field added later is in the key) with its
    /// commit's web page and its content's render-cache key, which names the content (<see cref="VersionRenderCache.KeyOf"/>).
    /// </summary>
    public CacheKey ForFamilyHistory(PageView trail, string familyTitle, string familyUrl, string? baseUrl, IReadOnlyList<VersionKeyPart> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        using var hash = Start("family-history", trail);
        BuildFingerprint.Add(hash, familyTitle);
        BuildFingerprint.Add(hash, familyUrl);
        BuildFingerprint.Add(hash, baseUrl ?? "\0no-base-url");
        foreach (var part in versions)
        {
            PageKeyHash.AddView(hash, part.Version, PageKeyJsonContext.Default.PageVersion);
            BuildFingerprint.Add(hash, part.CommitUrl ?? "\0no-commit-url");
            BuildFingerprint.Add(hash, part.ContentKey.Hex);
        }

        return Finish(hash);
    }

    private IncrementalHash Start(string template, PageView page)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        BuildFingerprint.Add(hash, _build);
        BuildFingerprint.Add(hash, template);
        PageKeyHash.AddView(hash, page, PageKeyJsonContext.Default.PageView);
        return hash;
    }

    private static CacheKey Finish(IncrementalHash hash) => new(Convert.ToHexStringLower(hash.GetHashAndReset()));

    // The SHA-256 of what a version page reads of its content: the family view (every property as JSON, the body apart),
    // the form the body is kept in (string or UTF-8; the template sees a different value for each) and the body's
    // UTF-8 bytes. Not the diff model, which only the history page reads (its key holds the diffs as shown). Null for a
    // body UTF-8 cannot carry (a lone surrogate), and for one only this thread's buffer holds (BodyHtmlBuffered, never
    // set on version contents).
    private byte[]? Fingerprint(HistoricContent content) =>
        _contents.GetOrAdd(content, static c => FingerprintOf(c.Family));

    private static byte[]? FingerprintOf(FamilyView family)
    {
        if (family.BodyHtmlBuffered is not null)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        PageKeyHash.AddView(hash, family with { BodyHtml = string.Empty, BodyHtmlUtf8 = null }, PageKeyJsonContext.Default.FamilyView);
        if (!PageKeyHash.TryAddFamilyBody(hash, family))
        {
            return null;
        }

        return hash.GetHashAndReset();
    }
}

/// <summary>A version as <see cref="VersionPageKeys.ForFamilyHistory"/> keys it: the version, its commit's web page, its content's key.</summary>
public sealed record VersionKeyPart(PageVersion Version, string? CommitUrl, CacheKey ContentKey);
