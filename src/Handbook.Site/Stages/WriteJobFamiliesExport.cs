namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Export;
using Handbook.Site.Versions;

/// <summary>Adds <c>api/job-families.json</c> (see <see cref="JobFamiliesExport"/>) to the output.</summary>
/// <remarks>
/// Each family's part of the file is kept on its document (<see cref="SiteKeys.ExportFragment"/>): an incremental
/// run serialises only the families it recomputed and joins the others' previous parts, which gives the same bytes
/// as serialising everything. The parts are serialised in parallel (each lands in its own slot, so the file is the
/// same whatever the order) and the file is a binary document of UTF-8 bytes: it is never held as a string.
/// </remarks>
public sealed class WriteJobFamiliesExport : IStage
{
    public string Name => nameof(WriteJobFamiliesExport);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        var previous = PreviousFragments(context);
        var exported = new List<(int Index, JobFamily Family)>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (IsExported(documents[i], out var family))
            {
                exported.Add((i, family));
            }
        }

        var fragments = new ReadOnlyMemory<byte>[exported.Count];
        Parallel.For(
            0,
            exported.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            j => fragments[j] = FragmentOf(documents[exported[j].Index], exported[j].Family, previous, context));

        // Each document keeps the slice of the file that holds its part, not a second copy of it.
        var ordered = JobFamiliesExport.InFileOrder(Enumerable.Range(0, exported.Count), j => exported[j].Family).ToList();
        var placed = new ReadOnlyMemory<byte>[ordered.Count];
        var json = JobFamiliesExport.Assemble(ordered.ConvertAll(j => fragments[j]), placed);

        var result = new Document[documents.Count + 1];
        for (var i = 0; i < documents.Count; i++)
        {
            result[i] = documents[i];
        }

        for (var k = 0; k < ordered.Count; k++)
        {
            var index = exported[ordered[k]].Index;
            result[index] = documents[index].With(SiteKeys.ExportFragment, placed[k]);
        }

        result[documents.Count] = new Document(JobFamiliesExport.OutputPath, JobFamiliesExport.OutputPath, string.Empty, Metadata.Empty) { Bytes = json };
        return Task.FromResult<IReadOnlyList<Document>>(result);
    }

    // A recomputed family is serialised again; a reused one keeps the part it had in the previous run.
    private static ReadOnlyMemory<byte> FragmentOf(Document document, JobFamily family, Dictionary<string, ReadOnlyMemory<byte>> previous, StageContext context) =>
        !context.MustProcess(document) && previous.TryGetValue(document.SourcePath, out var fragment)
            ? fragment
            : JobFamiliesExport.FragmentOf(family, document.TryGet(VersionKeys.Published, out var versions) ? versions : null);

    // A reused document arrives as the previous stage left it: its part is on this stage's previous output.
    private static Dictionary<string, ReadOnlyMemory<byte>> PreviousFragments(StageContext context)
    {
        var fragments = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
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
