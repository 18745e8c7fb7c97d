namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Export;

/// <summary>Adds <c>api/job-families.json</c> (see <see cref="JobFamiliesExport"/>) to the output.</summary>
/// <remarks>
/// Each family's part of the file is kept on its document (<see cref="SiteKeys.ExportFragment"/>): an incremental
/// run serialises only the families it recomputed and joins the others' previous parts, which gives the same bytes
/// as serialising everything (a 1000-family export takes about a second to serialise).
/// </remarks>
public sealed class WriteJobFamiliesExport : IStage
{
    public string Name => nameof(WriteJobFamiliesExport);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var result = new Document[documents.Count];
        var families = new List<(JobFamily Family, string Fragment)>();
        var previous = PreviousFragments(context);
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            result[i] = document;
            if (!IsExported(document, out var family))
            {
                continue;
            }

            if (context.MustProcess(document) || !previous.TryGetValue(document.SourcePath, out var fragment))
            {
                fragment = JobFamiliesExport.FragmentOf(family, document.TryGet(Handbook.Site.Versions.VersionKeys.Published, out var versions) ? versions : null);
            }

            result[i] = document.With(SiteKeys.ExportFragment, fragment);

            families.Add((family, fragment));
        }

        var json = JobFamiliesExport.Assemble(JobFamiliesExport.InFileOrder(families, f => f.Family).Select(f => f.Fragment).ToList());
        IReadOnlyList<Document> output = [.. result, new Document(JobFamiliesExport.OutputPath, JobFamiliesExport.OutputPath, json, Metadata.Empty)];
        return Task.FromResult(output);
    }

    // A reused document arrives as the previous stage left it: its part is on this stage's previous output.
    private static Dictionary<string, string> PreviousFragments(StageContext context)
    {
        var fragments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in context.Incremental?.PreviousOutput ?? [])
        {
            if (document.TryGet(SiteKeys.ExportFragment, out var fragment))
            {
                fragments.TryAdd(document.SourcePath, fragment);
            }
        }

        return fragments;
    }

    // The families the catalog lists (pages with a rendered body, index pages excluded): the file's contents.
    private static bool IsExported(Document document, out JobFamily family) =>
        document.TryGet(JobFamilyKeys.Family, out family!) && document.Metadata.Contains(JobFamilyKeys.BodyHtml) && !family.IsDepartmentIndex;
}
