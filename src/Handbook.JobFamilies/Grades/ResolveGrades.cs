namespace Handbook.JobFamilies.Grades;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// The grades stage: runs <see cref="GradeResolver"/> on each parsed page (<see cref="JobFamilyKeys.Family"/>)
/// against the <see cref="GradeTable"/> registered as a service (the app reads <c>input/data/job-grades.yml</c>
/// with <see cref="GradeTableReader"/> and registers the result). The page's model and AST are changed in place:
/// roles get their grade, grade links their new URL. Without a registered table the stage does nothing, so a site
/// without grade data builds with its grade links as written.
/// </summary>
public sealed class ResolveGrades : PerDocumentStage
{
    public override string Name => nameof(ResolveGrades);

    protected override Document? Process(Document document, StageContext context)
    {
        var table = context.Services.GetOrDefault<GradeTable>();
        if (table is null || !document.TryGet(JobFamilyKeys.Family, out var family))
        {
            return document;
        }

        var diagnostics = new List<Diagnostic>();
        GradeResolver.Resolve(family, table, diagnostics);
        context.Diagnostics.ReportAll(diagnostics);
        return document;
    }
}
