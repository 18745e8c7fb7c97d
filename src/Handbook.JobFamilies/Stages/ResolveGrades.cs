namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Reads the grade data file once, then checks every page's grade mentions against it, attaches each role's grade
/// and rewrites grade links (<see cref="GradeResolver"/>). Without a data file grades cannot be checked: one
/// GRADE109 warning says so and pages keep their links as written. The table is attached to the data file's
/// document (<see cref="JobFamilyKeys.GradeTable"/>) for the grades page and the grades export.
/// </summary>
public sealed class ResolveGrades(string gradesDataPath) : WholeSetStage
{
    public override string Name => nameof(ResolveGrades);

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        var data = documents.FirstOrDefault(d => string.Equals(d.SourcePath, gradesDataPath, StringComparison.Ordinal) && !d.IsBinary);
        if (data is null)
        {
            if (documents.Any(d => d.Metadata.Contains(JobFamilyKeys.Family)))
            {
                context.Report(Diagnostic.Warning(
                    "GRADE109",
                    $"no grade data file '{gradesDataPath}': grades are not checked",
                    SourceLocation.File(gradesDataPath),
                    "add the grade table (see the job-grades.yml schema), or import it with `handbook-site import-grades`"));
            }

            return documents;
        }

        var tableDiagnostics = new List<Diagnostic>();
        var table = GradeTableReader.Read(data.SourcePath, data.Content, tableDiagnostics);
        context.Diagnostics.ReportAll(tableDiagnostics);

        Parallel.ForEach(
            documents,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            document =>
            {
                if (document.TryGet(JobFamilyKeys.Family, out var family))
                {
                    var diagnostics = new List<Diagnostic>();
                    GradeResolver.Resolve(family, table, diagnostics);
                    context.Diagnostics.ReportAll(diagnostics);
                }
            });
        return documents.Select(d => ReferenceEquals(d, data) ? d.With(JobFamilyKeys.GradeTable, table) : d).ToList();
    }
}
