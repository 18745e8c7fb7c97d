namespace Handbook.Site.Stages;

using System.Runtime.CompilerServices;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Security;
using Handbook.Site.Theming;

/// <summary>
/// Adds <c>_headers</c> (Netlify's header rules) with a Content-Security-Policy computed from every HTML page of the
/// output, so it allows exactly what the pages load. Runs after every stage that adds pages.
/// </summary>
public sealed class WriteNetlifyHeaders(SiteSettings settings) : IStage
{
    /// <summary>Scripts that write inline styles when they run: Mermaid puts a <c>&lt;style&gt;</c> in each diagram.</summary>
    private static readonly IReadOnlySet<string> InlineStyleScripts = new HashSet<string>(StringComparer.Ordinal) { PageViews.MermaidScript };

    // Each page's facts by identity of its (immutable) text, with the origin they were read for: a preview run keeps
    // the documents it did not rebuild, with the very same strings, so only rebuilt pages are read again per edit.
    private static readonly ConditionalWeakTable<string, KnownResources> Known = new();

    public string Name => nameof(WriteNetlifyHeaders);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var siteOrigin = SiteOrigin(settings.BaseUrl);
        var pages = documents
            .Where(d => !d.IsBinary && d.Destination is { } destination && destination.EndsWith(".html", StringComparison.Ordinal))
            .ToList();
        var resources = new PageResources[pages.Count];
        Parallel.For(
            0,
            pages.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            i => resources[i] = ResourcesOf(pages[i].Content, siteOrigin));

        var headers = SecurityHeaders.File(ContentSecurityPolicy.For(resources));
        IReadOnlyList<Document> result = [.. documents, new Document(SecurityHeaders.FileName, SecurityHeaders.FileName, headers, Metadata.Empty)];
        return Task.FromResult(result);
    }

    private static PageResources ResourcesOf(string html, string? siteOrigin)
    {
        if (Known.TryGetValue(html, out var known) && known.SiteOrigin == siteOrigin)
        {
            return known.Resources;
        }

        var resources = PageResources.Of(html, siteOrigin, InlineStyleScripts);
        Known.AddOrUpdate(html, new KnownResources(siteOrigin, resources));
        return resources;
    }

    private sealed record KnownResources(string? SiteOrigin, PageResources Resources);

    private static string? SiteOrigin(string? baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
