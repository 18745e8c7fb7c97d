namespace Handbook.Pipeline;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// The engine: an ordered list of named stages plus shared services. Plugins add their stages with an
/// extension method (e.g. <c>site.AddJobFamilies(options)</c>); the app adds reading, theme and writing.
/// </summary>
public sealed class Site
{
    private readonly List<IStage> _stages = [];

    public ServiceRegistry Services { get; } = new();

    public IReadOnlyList<IStage> Stages => _stages;

    public Site AddStage(IStage stage)
    {
        if (_stages.Any(s => s.Name == stage.Name))
        {
            throw new InvalidOperationException($"a stage named '{stage.Name}' is already registered");
        }

        _stages.Add(stage);
        return this;
    }

    /// <summary>Runs every stage in order over the documents and returns what the last one produced.</summary>
    public async Task<BuildResult> RunAsync(IReadOnlyList<Document> initial, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var context = new StageContext(diagnostics, Services, cancellationToken);
        var documents = initial;
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            documents = await stage.ExecuteAsync(documents, context).ConfigureAwait(false);
        }

        return new BuildResult(documents, diagnostics.Sorted());
    }
}
