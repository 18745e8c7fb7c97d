namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Incremental;
using Handbook.Pipeline.Stages;

/// <summary>
/// Reads the grade data file once, then checks every page's grade mentions against it, attaches each role's grade
/// and rewrites grade links (<see cref="GradeResolver"/>). Without a data file grades cannot be checked: one
/// GRADE109 warning says so and pages keep their links as written. The table is attached to the data file's
/// document (<see cref="JobFamilyKeys.GradeTable"/>) for the grades page and the grades export.
/// </summary>
/// <remarks>
/// Every page declares a dependency on the data file from <see cref="ParseJobFamilies"/> on (resolving edits the
/// parsed page in place), so a change of the grades resolves every page again while an unchanged data file is not
/// read again in an incremental run: its table is taken from the previous run.
/// </remarks>
/// <param name="sharedTables">Where tables come from when they are shared beyond this run (path, YAML text → table):
/// the versioned build's historic renders read each distinct grade file once for all their commit batches (issue 9),
/// whose diagnostics are not the build's. Null reads the data file here and reports its problems.</param>
public sealed class ResolveGrades(string gradesDataPath, Func<string, string, GradeTable>? sharedTables = null) : WholeSetStage
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

            return DeclareDependencies(documents, context);
        }

        var table = PreviousTable(data, context) ?? ReadTable(data, context);
        Parallel.ForEach(
            documents,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            document =>
            {
                if (document.TryGet(JobFamilyKeys.Family, out var family) && context.MustProcess(document))
                {
                    var diagnostics = new List<Diagnostic>();
                    GradeResolver.Resolve(family, table, diagnostics);
                    context.Diagnostics.ReportAll(diagnostics);
                }
            });
        return DeclareDependencies(documents.Select(d => ReferenceEquals(d, data) ? d.With(JobFamilyKeys.GradeTable, table) : d).ToList(), context);
    }

    private GradeTable ReadTable(Document data, StageContext context)
    {
        if (sharedTables is not null)
        {
            return sharedTables(data.SourcePath, data.Content);
        }

        var tableDiagnostics = new List<Diagnostic>();
        var table = GradeTableReader.Read(data.SourcePath, data.Content, tableDiagnostics);
        context.Diagnostics.ReportAll(tableDiagnostics);
        return table;
    }

    // An unchanged data file in an incremental run: its table (and diagnostics, which the engine replays) stay as they were.
    private static GradeTable? PreviousTable(Document data, StageContext context) =>
        context.Incremental is { } incremental && !context.MustProcess(data)
            ? incremental.PreviousOutput.FirstOrDefault(d => string.Equals(d.SourcePath, data.SourcePath, StringComparison.Ordinal))?.Metadata.GetOrDefault(JobFamilyKeys.GradeTable)
            : null;

    private IReadOnlyList<Document> DeclareDependencies(IReadOnlyList<Document> documents, StageContext context) =>
        documents
            .Select(d => d.Metadata.Contains(JobFamilyKeys.Family) && context.MustProcess(d) ? d.DependsOn([gradesDataPath], nameof(ParseJobFamilies)) : d)
            .ToList();
}
