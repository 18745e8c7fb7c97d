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
/// <remarks>
/// A page's view JSON is made only when a later run compares it (<see cref="ViewJson"/>): a one-shot build never
/// does, and serialising the views by reflection made it JIT-compile ~250 System.Text.Json methods and emitted
/// getters in every build (issue 9). The views are immutable records made for that run, so the JSON made later is
/// the JSON that would have been made at once.
/// </remarks>
internal sealed class GeneratedPageMemo
{
    private static readonly MetadataKey<ViewJson> ViewKey = new("site.generated-view");

    private readonly Dictionary<string, Document> _previous;

    private GeneratedPageMemo(Dictionary<string, Document> previous) => _previous = previous;

    /// <summary>What a template renders a generated page from.</summary>
    public sealed record View(string Template, SiteView Site, PageView Page, IReadOnlyDictionary<string, object?> Values);

    /// <summary>True for a page this memo generated (it carries its view).</summary>
    public static bool IsGenerated(Document document) => document.Metadata.Contains(ViewKey);

    /// <summary>The view data a generated page was rendered from (<see cref="IsGenerated"/> pages only).</summary>
    public static ViewJson ViewJsonOf(Document document) => document.Get(ViewKey);

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
        var key = new ViewJson(view);
        if (_previous.TryGetValue(sourcePath, out var before) && string.Equals(before.Get(ViewKey).Text, key.Text, StringComparison.Ordinal))
        {
            return before;
        }

        var page = new Document(sourcePath, destination, render(view), Metadata.Empty)
            .With(SiteKeys.IsHtmlPage, true)
            .With(ViewKey, key);
        return sitemapUrl is null ? page : page.With(SiteKeys.SitemapUrl, sitemapUrl);
    }

    /// <summary>
    /// The view data a page was rendered from, compared as JSON; the JSON is made on first use (only an incremental
    /// run compares).
    /// </summary>
    internal sealed class ViewJson(View view)
    {
        private string? _text;

        /// <summary>The plain view records as JSON (made once, on first use).</summary>
        public string Text => _text ??= Of(view);

        /// <summary>True once <see cref="Text"/> was made.</summary>
        public bool IsMade => _text is not null;

        /// <summary>The JSON a view is compared by.</summary>
        public static string Of(View view) => JsonSerializer.Serialize(view, GeneratedViewJsonContext.Default.View);
    }
}
