namespace Handbook.Pipeline.Tests.Support;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>Upper-cases each document after a delay that is longer for earlier documents, so finishing order is reversed.</summary>
internal sealed class UpperCaseSlowly : PerDocumentStage
{
    public override string Name => "UpperCaseSlowly";

    protected override Document? Process(Document document, StageContext context)
    {
        var index = int.Parse(document.SourcePath.Split('-', '.')[1], System.Globalization.CultureInfo.InvariantCulture);
        Thread.Sleep(Math.Max(0, 20 - index));
        return document with { Content = document.Content.ToUpperInvariant(), Destination = document.SourcePath.Replace(".md", ".html", StringComparison.Ordinal) };
    }
}

/// <summary>Reports one warning per document, naming it.</summary>
internal sealed class WarnAboutEveryDocument : PerDocumentStage
{
    public override string Name => "WarnAboutEveryDocument";

    protected override Document? Process(Document document, StageContext context)
    {
        context.Report(Diagnostic.Warning("TEST001", $"seen {document.SourcePath}", SourceLocation.File(document.SourcePath)));
        return document;
    }
}

/// <summary>Throws for the document whose path is given, passes all others through marked.</summary>
internal sealed class ThrowOn(string sourcePath) : PerDocumentStage
{
    public static readonly MetadataKey<bool> Seen = new("seen");

    public override string Name => "ThrowOn";

    protected override Document? Process(Document document, StageContext context) =>
        document.SourcePath == sourcePath
            ? throw new InvalidOperationException("simulated bug")
            : document.With(Seen, true);
}

/// <summary>A whole-set stage that throws.</summary>
internal sealed class BrokenIndex : WholeSetStage
{
    public override string Name => "BrokenIndex";

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context) =>
        throw new InvalidOperationException("index bug");
}

/// <summary>A whole-set stage that adds an index document listing every source path.</summary>
internal sealed class BuildIndex : WholeSetStage
{
    public override string Name => "BuildIndex";

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        var index = new Document("(index)", "index.html", string.Join("\n", documents.Select(d => d.SourcePath)), Metadata.Empty);
        return [.. documents, index];
    }
}

/// <summary>Cancels the given source when it reaches the given document.</summary>
internal sealed class CancelAt(string sourcePath, CancellationTokenSource source) : PerDocumentStage
{
    public override string Name => "CancelAt";

    protected override Document? Process(Document document, StageContext context)
    {
        if (document.SourcePath == sourcePath)
        {
            source.Cancel();
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        return document;
    }
}

/// <summary>Gives each page the destination '&lt;source without .md&gt;/index.html' and wraps its text in a paragraph.</summary>
internal sealed class RenderPages : PerDocumentStage
{
    public override string Name => "RenderPages";

    protected override Document? Process(Document document, StageContext context) =>
        document with
        {
            Destination = document.SourcePath[..^".md".Length] + "/index.html",
            Content = $"<p>{document.Content.Trim()}</p>\r\n",
        };
}

/// <summary>A stage with a bug: it returns no list at all.</summary>
internal sealed class ReturnsNull : IStage
{
    public string Name => "ReturnsNull";

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context) =>
        Task.FromResult<IReadOnlyList<Document>>(null!);
}

/// <summary>An asynchronous stage that waits longer for earlier documents and throws for one of them.</summary>
internal sealed class AppendSuffixAsync(string throwOn) : AsyncPerDocumentStage
{
    public override string Name => "AppendSuffixAsync";

    protected override async ValueTask<Document?> ProcessAsync(Document document, StageContext context)
    {
        var index = int.Parse(document.SourcePath.Split('-', '.')[1], System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(Math.Max(0, 20 - index), context.CancellationToken);
        return document.SourcePath == throwOn ? throw new FormatException("async bug") : document with { Content = document.Content + "!" };
    }
}
