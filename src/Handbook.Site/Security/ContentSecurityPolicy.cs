namespace Handbook.Site.Security;

using Handbook.Pipeline.Collections;

/// <summary>
/// The site's Content-Security-Policy, derived from what its pages actually load (<see cref="PageResources"/>) so it
/// allows exactly that and nothing more:
/// <list type="bullet">
/// <item><c>default-src 'none'</c>: anything not listed below (fetch/XHR, fonts, media, objects, workers) is blocked.</item>
/// <item><c>script-src</c>: the script origins the pages load (<c>'self'</c> for the vendored Mermaid bundle) and the
/// hash of each inline script; omitted (so blocked) when no page has a script.</item>
/// <item><c>style-src 'self'</c> for the theme's stylesheet, plus <c>'unsafe-inline'</c> only when a page has a
/// <c>style</c> attribute (the sanitizer keeps <c>text-align</c> and the like) or loads Mermaid, which writes a
/// <c>&lt;style&gt;</c> into each diagram. Inline CSS cannot run script; the sanitizer removes <c>url()</c> and
/// <c>expression()</c> from page styles.</item>
/// <item><c>img-src 'self'</c> (images beside pages) plus the origins of images the pages embed.</item>
/// <item><c>frame-src</c>: the origins of the embedded videos (the sanitizer allows only YouTube and Vimeo
/// embeds); omitted when no page embeds one.</item>
/// <item><c>connect-src</c>: what the theme's scripts fetch, declared on the script element as
/// <c>data-connect</c> (the search box fetches <c>/search-index.json</c>); omitted when nothing is declared.</item>
/// <item><c>form-action</c>: the targets of the pages' forms (the search form submits to the results page), else
/// <c>'none'</c>.</item>
/// <item><c>base-uri 'none'</c>, <c>frame-ancestors 'none'</c>: the site has no base element and is not meant to be
/// framed.</item>
/// </list>
/// </summary>
public static class ContentSecurityPolicy
{
    public static string For(IEnumerable<PageResources> pages)
    {
        var scripts = new SortedSet<string>(StringComparer.Ordinal);
        var styles = new SortedSet<string>(StringComparer.Ordinal) { PageResources.Self };
        var images = new SortedSet<string>(StringComparer.Ordinal) { PageResources.Self };
        var frames = new SortedSet<string>(StringComparer.Ordinal);
        var forms = new SortedSet<string>(StringComparer.Ordinal);
        var connects = new SortedSet<string>(StringComparer.Ordinal);
        var inlineStyles = false;
        foreach (var page in pages)
        {
            scripts.UnionWith(page.Scripts);
            styles.UnionWith(page.Styles);
            images.UnionWith(page.Images);
            frames.UnionWith(page.Frames);
            forms.UnionWith(page.FormTargets);
            connects.UnionWith(page.Connects);
            inlineStyles |= page.InlineStyles;
        }

        if (inlineStyles)
        {
            styles.Add("'unsafe-inline'");
        }

        var directives = new List<string> { "default-src 'none'" };
        AddDirective(directives, "script-src", scripts);
        AddDirective(directives, "style-src", styles);
        AddDirective(directives, "img-src", images);
        AddDirective(directives, "frame-src", frames);
        AddDirective(directives, "connect-src", connects);
        directives.Add("base-uri 'none'");
        directives.Add(forms.Count == 0 ? "form-action 'none'" : "form-action " + string.Join(' ', StableSort.ToSortedList(forms, static (a, b) => a == b ? 0 : a == PageResources.Self ? -1 : b == PageResources.Self ? 1 : StringComparer.Ordinal.Compare(a, b))));
        directives.Add("frame-ancestors 'none'");
        return string.Join("; ", directives);
    }

    // 'self' first, hosts, hashes, other keywords (a comparison for StableSort: LINQ's sort by an int key is
    // JIT-compiled in every build, issue 9).
    private static int RankOf(string source) =>
        source == PageResources.Self ? 0 : source.StartsWith("'sha", StringComparison.Ordinal) ? 2 : source.StartsWith('\'') ? 3 : 1;

    /// <summary>Adds <c>name sources…</c> with <c>'self'</c> first and hashes last; nothing when there are no sources.</summary>
    private static void AddDirective(List<string> directives, string name, IEnumerable<string> sources)
    {
        var ordered = StableSort.ToSortedList(
            sources,
            static (a, b) => RankOf(a) != RankOf(b) ? RankOf(a).CompareTo(RankOf(b)) : StringComparer.Ordinal.Compare(a, b));
        if (ordered.Count > 0)
        {
            directives.Add(name + " " + string.Join(' ', ordered));
        }
    }
}
