namespace Handbook.Site.Caching;

using System.Security.Cryptography;
using Handbook.Pipeline.Caching;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;
using Handbook.Site.Versions;

/// <summary>
/// The key of a family page or a compare page in <see cref="ThemePageCache"/>: a SHA-256 of everything its rendering
/// reads. Build-wide: the tool (module version id of each project assembly and the libraries' versions, as the build
/// cache's fingerprint) and every template file of the theme (<see cref="ThemeFolderFingerprint"/>). Per page: the
/// template, the <c>site</c> and <c>page</c> views the layout reads (title, URLs, breadcrumbs, scripts, JSON-LD, …) and
/// the page's own view – the family view with its body, or the compare view. A template reads nothing else (the theme's
/// only filter is <c>raw</c>), so the same key renders the same bytes.
/// Views are hashed as JSON (<see cref="PageKeyJsonContext"/>), so every property a template can read is in the key.
/// </summary>
public sealed class ThemePageKeys
{
    // Bump when what a key covers or how a page is rendered from it changes in a way the tool identity misses.
    private const string Format = "2";

    private readonly byte[] _build;

    public ThemePageKeys(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        BuildFingerprint.Add(hash, "ThemePage/" + Format);
        BuildFingerprint.Add(hash, BuildFingerprint.ToolIdentity.Value);
        BuildFingerprint.Add(hash, ThemeFolderFingerprint.Of(theme));
        _build = hash.GetHashAndReset();
    }

    /// <summary>
    /// The key of a family page rendered with <paramref name="template"/> from <paramref name="family"/>; null when its body
    /// cannot be fingerprinted (one only this thread's render buffer holds, or one UTF-8 cannot carry): render it.
    /// </summary>
    public CacheKey? ForFamilyPage(string template, SiteView site, PageView page, FamilyView family)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (family.BodyHtmlBuffered is not null)
        {
            return null;
        }

        using var hash = Start(template, site, page);
        PageKeyHash.AddView(hash, family with { BodyHtml = string.Empty, BodyHtmlUtf8 = null }, PageKeyJsonContext.Default.FamilyView);
        // The form the body is kept in is part of the key: the template sees a string for one, bytes for the other.
        if (!PageKeyHash.TryAddFamilyBody(hash, family))
        {
            return null;
        }

        return Finish(hash);
    }

    /// <summary>The key of a compare page rendered with <paramref name="template"/> from <paramref name="compare"/>.</summary>
    public CacheKey ForComparePage(string template, SiteView site, PageView page, ComparePageView compare)
    {
        using var hash = Start(template, site, page);
        BuildFingerprint.Add(hash, "view");
        PageKeyHash.AddView(hash, compare, PageKeyJsonContext.Default.ComparePageView);
        return Finish(hash);
    }

    /// <summary>
    /// The key of a compare page of the family whose stored state has <paramref name="familyStateKey"/>
    /// (<see cref="FamilyReuseSession.StateKey"/>): its compare view is made of the family's model alone
    /// (<see cref="ReaderPageViews.CompareOf"/>), which that key covers, so the view need not be built – nor hashed – to
    /// know the page is unchanged (issue 9: after one commit, building and hashing the ≈ 80 unchanged compare views of
    /// the replayed history was most of the time the theme spent on families it linked).
    /// </summary>
    public CacheKey ForComparePageOfState(string template, SiteView site, PageView page, string familyStateKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(familyStateKey);
        using var hash = Start(template, site, page);
        BuildFingerprint.Add(hash, "family-state");
        BuildFingerprint.Add(hash, familyStateKey);
        return Finish(hash);
    }

    private IncrementalHash Start(string template, SiteView site, PageView page)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        BuildFingerprint.Add(hash, _build);
        BuildFingerprint.Add(hash, template);
        PageKeyHash.AddView(hash, site, PageKeyJsonContext.Default.SiteView);
        PageKeyHash.AddView(hash, page, PageKeyJsonContext.Default.PageView);
        return hash;
    }

    private static CacheKey Finish(IncrementalHash hash) => new(Convert.ToHexStringLower(hash.GetHashAndReset()));
}
