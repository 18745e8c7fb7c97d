namespace Handbook.Site.Tests.Support;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>Runs one stage on documents built in memory.</summary>
public static class Stages
{
    public static IReadOnlyList<Document> Run(IStage stage, params Document[] documents) =>
        stage.ExecuteAsync(documents, new StageContext(new DiagnosticBag(), new ServiceRegistry(), CancellationToken.None)).GetAwaiter().GetResult();

    public static Document Output(this IReadOnlyList<Document> documents, string destination) =>
        documents.SingleOrDefault(d => d.Destination == destination)
        ?? throw new Xunit.Sdk.XunitException($"no output '{destination}'; have: {string.Join(", ", documents.Select(d => d.Destination).OfType<string>())}");
}
