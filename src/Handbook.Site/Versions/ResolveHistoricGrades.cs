namespace Handbook.Site.Versions;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Incremental;
using Handbook.Pipeline.Stages;

/// <summary>
/// <see cref="ResolveGrades"/> for the historic renders, with the table taken from <see cref="HistoricGradeTables"/>
/// instead of read in every commit batch: the same resolution (<see cref="GradeResolver"/>) of every page against the
/// table of the batch's grade data file, the table attached to that file, and the same dependency on it. Without a
/// data file pages keep their grades unresolved, as there. Its diagnostics are dropped with the rest of the batch's.
/// </summary>
public sealed class ResolveHistoricGrades(string gradesDataPath, HistoricGradeTables tables) : WholeSetStage
{
    public override string Name => nameof(ResolveGrades);

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        var data = documents.FirstOrDefault(d => string.Equals(d.SourcePath, gradesDataPath, StringComparison.Ordinal) && !d.IsBinary);
        if (data is not null)
        {
            var table = tables.Of(data.SourcePath, data.Content);
            Parallel.ForEach(
                documents,
                new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
                document =>
                {
                    if (document.TryGet(JobFamilyKeys.Family, out var family))
                    {
                        GradeResolver.Resolve(family, table, new List<Diagnostic>());
                    }
                });
            documents = documents.Select(d => ReferenceEquals(d, data) ? d.With(JobFamilyKeys.GradeTable, table) : d).ToList();
        }

        return documents
            .Select(d => d.Metadata.Contains(JobFamilyKeys.Family) ? d.DependsOn([gradesDataPath], nameof(ParseJobFamilies)) : d)
            .ToList();
    }
}
