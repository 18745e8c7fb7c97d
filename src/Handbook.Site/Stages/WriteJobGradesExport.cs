namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Export;

/// <summary>Adds <c>api/job-grades.json</c> (the grade data with each grade's URL) when the input has grade data.</summary>
public sealed class WriteJobGradesExport : IStage
{
    public const string OutputPath = "api/job-grades.json";

    public string Name => nameof(WriteJobGradesExport);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var table = documents.Select(d => d.TryGet(JobFamilyKeys.GradeTable, out var t) ? t : null).OfType<GradeTable>().FirstOrDefault();
        IReadOnlyList<Document> result = table is null
            ? documents
            : [.. documents, new Document(OutputPath, OutputPath, ExportJson.Serialize(JobGradesJson.From(table)), Metadata.Empty)];
        return Task.FromResult(result);
    }
}
