namespace Handbook.Site.Stages;

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
            i => resources[i] = PageResources.Of(pages[i].Content, siteOrigin, InlineStyleScripts));

        var headers = SecurityHeaders.File(ContentSecurityPolicy.For(resources));
        IReadOnlyList<Document> result = [.. documents, new Document(SecurityHeaders.FileName, SecurityHeaders.FileName, headers, Metadata.Empty)];
        return Task.FromResult(result);
    }

    private static string? SiteOrigin(string? baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
