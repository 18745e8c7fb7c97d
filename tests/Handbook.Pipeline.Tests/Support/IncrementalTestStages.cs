namespace Handbook.Pipeline.Tests.Support;

using System.Collections.Concurrent;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Incremental;
using Handbook.Pipeline.Stages;

/// <summary>Records which source paths each test stage really processed, so tests can see what was reused.</summary>
internal sealed class ProcessedLog
{
    private readonly ConcurrentQueue<(string Stage, string Path)> _items = new();

    public void Add(string stage, string path) => _items.Enqueue((stage, path));

    public IReadOnlyList<string> Of(string stage) => _items.Where(i => i.Stage == stage).Select(i => i.Path).Order(StringComparer.Ordinal).ToList();

    public void Clear() => _items.Clear();
}

/// <summary>"Parses" a page: stores its first line as the title; warns (TEST010) about a page containing WARN.</summary>
internal sealed class ParsePage(ProcessedLog log) : PerDocumentStage
{
    public static readonly MetadataKey<string> Title = new("test.title");

    public override string Name => nameof(ParsePage);

    protected override Document? Process(Document document, StageContext context)
    {
        log.Add(Name, document.SourcePath);
        if (document.Content.Contains("WARN", StringComparison.Ordinal))
        {
            context.Report(Diagnostic.Warning("TEST010", "page warns", SourceLocation.File(document.SourcePath)));
        }

        return document.With(Title, document.Content.Split('\n')[0]);
    }
}

/// <summary>
/// A line <c>extends OTHER.md</c> makes the page show the other page's title; the page depends on the other page
/// from <see cref="ParsePage"/> on (as a pass that edits a parsed model in place would). Unknown targets are errors.
/// </summary>
internal sealed class ResolveExtends(ProcessedLog log) : WholeSetStage
{
    public static readonly MetadataKey<string> Extended = new("test.extended");

    public override string Name => nameof(ResolveExtends);

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        var byPath = documents.ToDictionary(d => d.SourcePath, StringComparer.Ordinal);
        return documents.Select(d => context.MustProcess(d) ? Resolve(d, byPath, context) : d).ToList();
    }

    private Document Resolve(Document document, Dictionary<string, Document> byPath, StageContext context)
    {
        log.Add(Name, document.SourcePath);
        var line = document.Content.Split('\n').FirstOrDefault(l => l.StartsWith("extends ", StringComparison.Ordinal));
        if (line is null)
        {
            return document;
        }

        var target = line["extends ".Length..].Trim();
        if (!byPath.TryGetValue(target, out var other))
        {
            context.Report(Diagnostic.Error("TEST020", $"no page {target}", SourceLocation.File(document.SourcePath)));
            return document;
        }

        return document.With(Extended, other.Get(ParsePage.Title)).DependsOn([target], nameof(ParsePage));
    }
}

/// <summary>Renders pages with the "theme" (an external input named <see cref="ThemeInput"/>) and adds an index page every run.</summary>
internal sealed class RenderWithTheme(ProcessedLog log, Func<string> theme) : WholeSetStage
{
    public const string ThemeInput = "theme:page";

    public override string Name => nameof(RenderWithTheme);

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        var rendered = documents.Select(d => context.MustProcess(d) ? Render(d) : d).ToList();
        var index = new Document("(index)", "index.html", string.Join(",", documents.Select(d => d.Get(ParsePage.Title))), Metadata.Empty);
        return [.. rendered, index];
    }

    private Document Render(Document document)
    {
        log.Add(Name, document.SourcePath);
        var extended = document.TryGet(ResolveExtends.Extended, out var title) ? $" (extends {title})" : string.Empty;
        var html = $"{theme()}<h1>{document.Get(ParsePage.Title)}</h1>{extended}";
        return document.WithDestination(document.SourcePath.Replace(".md", ".html", StringComparison.Ordinal)).DependsOn([ThemeInput]) with { Content = html };
    }
}

/// <summary>
/// Shows the title of the next page (by path) on each page, as a page shows its neighbour's title, and depends on that
/// page from this stage on.
/// </summary>
internal sealed class ShowNextTitle(ProcessedLog log) : WholeSetStage
{
    public static readonly MetadataKey<string> Next = new("test.next");

    public override string Name => nameof(ShowNextTitle);

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        var pages = documents.OrderBy(d => d.SourcePath, StringComparer.Ordinal).ToList();
        var next = new Dictionary<string, Document>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < pages.Count; i++)
        {
            next[pages[i].SourcePath] = pages[i + 1];
        }

        return documents.Select(d => context.MustProcess(d) && next.TryGetValue(d.SourcePath, out var other) ? Show(d, other) : d).ToList();
    }

    private Document Show(Document document, Document next)
    {
        log.Add(Name, document.SourcePath);
        return document.With(Next, next.Get(ParsePage.Title)).DependsOn([next.SourcePath]);
    }
}
