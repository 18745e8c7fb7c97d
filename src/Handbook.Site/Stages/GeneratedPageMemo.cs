namespace Handbook.Site.Stages;

using System.Text.Json;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Theming.Views;

/// <summary>
/// The pages <see cref="RenderTheme"/> generates on every run (section index, department pages without an index
/// file, grade pages, 404). In an incremental run a generated page whose view data (the plain view records the
/// template receives, compared as JSON) is the same as in the previous run is taken from the previous run instead of
/// rendered again: rendering the 1000-family section and grade indexes is most of an incremental rebuild, and most
/// edits (a bullet, a sentence) change neither. After a template change everything is rendered.
/// </summary>
internal sealed class GeneratedPageMemo
{
    private static readonly MetadataKey<string> ViewKey = new("site.generated-view");
    private static readonly JsonSerializerOptions Json = new();

    private readonly Dictionary<string, Document> _previous;

    private GeneratedPageMemo(Dictionary<string, Document> previous) => _previous = previous;

    /// <summary>What a template renders a generated page from.</summary>
    public sealed record View(string Template, SiteView Site, PageView Page, IReadOnlyDictionary<string, object?> Values);

    /// <summary>True for a page this memo generated (it carries its view).</summary>
    public static bool IsGenerated(Document document) => document.Metadata.Contains(ViewKey);

    public static GeneratedPageMemo From(StageContext context, string templatesInput)
    {
        var previous = new Dictionary<string, Document>(StringComparer.Ordinal);
        if (context.Incremental is { } incremental && !incremental.ChangedInputs.Contains(templatesInput))
        {
            foreach (var document in incremental.PreviousOutput)
            {
                if (document.Metadata.Contains(ViewKey))
                {
                    previous[document.SourcePath] = document;
                }
            }
        }

        return new GeneratedPageMemo(previous);
    }

    /// <summary>
    /// The generated page at <paramref name="destination"/> (listed in the sitemap under <paramref name="sitemapUrl"/>
    /// unless null), rendered with <paramref name="render"/> unless the previous run rendered the same view.
    /// </summary>
    public Document Page(string sourcePath, string destination, string? sitemapUrl, View view, Func<View, string> render)
    {
        var key = JsonSerializer.Serialize(new { view.Template, view.Site, view.Page, view.Values }, Json);
        if (_previous.TryGetValue(sourcePath, out var before) && string.Equals(before.Get(ViewKey), key, StringComparison.Ordinal))
        {
            return before;
        }

        var page = new Document(sourcePath, destination, render(view), Metadata.Empty)
            .With(SiteKeys.IsHtmlPage, true)
            .With(ViewKey, key);
        return sitemapUrl is null ? page : page.With(SiteKeys.SitemapUrl, sitemapUrl);
    }
}
