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
        // Bytes, not text: the export grows with the handbook (85 MB at 1000 synthetic families) and is only written.
        var json = JobFamiliesExport.SerializeToUtf8Bytes(JobFamiliesExport.Build(FamilyCatalog.From(documents)));
        IReadOnlyList<Document> result = [.. documents, Document.FromBytes(JobFamiliesExport.OutputPath, json).WithDestination(JobFamiliesExport.OutputPath)];
        return Task.FromResult(result);
    }
}
