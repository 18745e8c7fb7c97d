namespace Handbook.Site.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Catalog;
using Handbook.Site.Export;

/// <summary>Adds <c>api/job-families.json</c> (see <see cref="JobFamiliesExport"/>) to the output.</summary>
public sealed class WriteJobFamiliesExport : IStage
{
    public string Name => nameof(WriteJobFamiliesExport);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var json = JobFamiliesExport.Serialize(JobFamiliesExport.Build(FamilyCatalog.From(documents)));
        IReadOnlyList<Document> result = [.. documents, new Document(JobFamiliesExport.OutputPath, JobFamiliesExport.OutputPath, json, Metadata.Empty)];
        return Task.FromResult(result);
    }
}
