namespace Handbook.Site.Stages;

using System.Buffers;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Stages;
using Handbook.Site.Export;
using Handbook.Site.Versions;

/// <summary>Adds <c>api/job-families.json</c> (see <see cref="JobFamiliesExport"/>) to the output.</summary>
/// <remarks>
/// Each family's part of the file is kept on its document (<see cref="SiteKeys.ExportFragment"/>): an incremental
/// run serialises only the families it recomputed and joins the others' previous parts, which gives the same bytes
/// as serialising everything. The parts are serialised in parallel (each lands in its own slot, so the file is the
/// same whatever the order) and the file is a binary document of UTF-8 bytes: it is never held as a string.
/// <para>
/// One-shot builds that write output pass their <see cref="OutputStaging"/>: the parts are then serialised in file
/// order, a batch at a time, and written straight into the file in the output being built (the same bytes). No part
/// is kept on its document (only an incremental run reads them), so neither the parts nor the file (886 MB at
/// N = 10000) are ever held whole.
/// </para>
/// <para>
/// With <paramref name="perFamilyOutputs"/> (one-shot builds that stage their output) the parts the theme already made
/// are read back from their spool (<see cref="PerFamilyOutputs"/>: the families' bullets are gone by now) instead of
/// being serialised here; a family the theme did not record is serialised as before.
/// </para>
/// </remarks>
public sealed class WriteJobFamiliesExport(OutputStaging? staging = null, PerFamilyOutputs? perFamilyOutputs = null) : IStage
{
    /// <summary>
    /// Families serialised at once when the file is staged: enough to keep every thread busy (eight each), at most 64;
    /// each is serialised into a buffer of its slot in the batch, so fewer slots hold fewer buffers (16 on two cores).
    /// </summary>
    private static int StagedBatch(StageContext context) => Math.Clamp(8 * context.MaxDegreeOfParallelism, 16, 64);

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

        if (staging is not null && context.Incremental is null)
        {
            return Task.FromResult(Staged(documents, exported, context));
        }

        var fragments = new ReadOnlyMemory<byte>[exported.Count];
        Parallel.For(
            0,
            exported.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            j => fragments[j] = FragmentOf(documents[exported[j].Index], exported[j].Family, previous, context));

        if (PreviousFileIfUnchanged(documents, exported, fragments, previous, context) is { } unchanged)
        {
            return Task.FromResult(unchanged);
        }

        // Each document keeps the slice of the file that holds its part, not a second copy of it.
        var ordered = JobFamiliesExport.PositionsInFileOrder(exported.Count, j => exported[j].Family);
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

    /// <summary>The documents and the file staged (see the remarks): the file's parts are made and written a batch at a time.</summary>
    private IReadOnlyList<Document> Staged(IReadOnlyList<Document> documents, List<(int Index, JobFamily Family)> exported, StageContext context)
    {
        var ordered = JobFamiliesExport.InFileOrder(exported, e => e.Family);
        var file = staging!.StageFile(
            JobFamiliesExport.OutputPath,
            JobFamiliesExport.OutputPath,
            Metadata.Empty,
            stream => JobFamiliesExport.WriteAssembled(stream, FragmentsInBatches(documents, ordered, perFamilyOutputs, context)),
            context.CancellationToken);
        perFamilyOutputs?.ExportFragmentsTaken();
        return [.. documents, file];
    }

    /// <summary>
    /// The parts of <paramref name="ordered"/> in that order, each batch serialised in parallel when the writer reaches
    /// it, into one reused buffer per slot of the batch: a part is written before the next batch overwrites its slot
    /// (the next batch starts only when the writer asks for the part after this batch's last), so no part is allocated.
    /// A slot's buffer starts empty and is first made about the size of its first part.
    /// </summary>
    private static IEnumerable<ReadOnlyMemory<byte>> FragmentsInBatches(IReadOnlyList<Document> documents, List<(int Index, JobFamily Family)> ordered, PerFamilyOutputs? perFamilyOutputs, StageContext context)
    {
        var size = StagedBatch(context);
        var slots = new ArrayBufferWriter<byte>[Math.Min(size, ordered.Count)];
        for (var start = 0; start < ordered.Count; start += size)
        {
            var count = Math.Min(size, ordered.Count - start);
            Parallel.For(
                0,
                count,
                new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
                j => WriteFragment(documents[ordered[start + j].Index], ordered[start + j].Family, perFamilyOutputs, slots[j] ??= new ArrayBufferWriter<byte>()));
            for (var j = 0; j < count; j++)
            {
                yield return slots[j].WrittenMemory;
            }
        }
    }

    // The part the theme made (read back from its spool), or the family serialised now when the theme did not record it.
    private static void WriteFragment(Document document, JobFamily family, PerFamilyOutputs? perFamilyOutputs, ArrayBufferWriter<byte> slot)
    {
        if (perFamilyOutputs is null || !perFamilyOutputs.TryCopyExportFragment(family, slot))
        {
            JobFamiliesExport.WriteFragment(family, PublishedOf(document), slot);
        }
    }

    /// <summary>
    /// In an incremental run where every recomputed family's part is byte for byte its previous part and the same
    /// documents are exported (an edit of prose, which the export does not hold), the file is the previous run's: it
    /// is handed back with the previous parts instead of joining all the parts again (85 MB at N = 1000). Null otherwise.
    /// </summary>
    private static IReadOnlyList<Document>? PreviousFileIfUnchanged(
        IReadOnlyList<Document> documents, List<(int Index, JobFamily Family)> exported, ReadOnlyMemory<byte>[] fragments, Dictionary<string, ReadOnlyMemory<byte>> previous, StageContext context)
    {
        if (context.Incremental is not { } incremental
            || incremental.PreviousOutput.FirstOrDefault(d => string.Equals(d.SourcePath, JobFamiliesExport.OutputPath, StringComparison.Ordinal)) is not { } file
            || exported.Count != previous.Count)
        {
            return null;
        }

        var isExported = new bool[documents.Count];
        for (var j = 0; j < exported.Count; j++)
        {
            var document = documents[exported[j].Index];
            isExported[exported[j].Index] = true;
            if (!previous.TryGetValue(document.SourcePath, out var before) || !before.Span.SequenceEqual(fragments[j].Span))
            {
                return null;
            }
        }

        var result = new Document[documents.Count + 1];
        for (var i = 0; i < documents.Count; i++)
        {
            // A recomputed page no longer exported (or newly exported) changes the file: the counts above then differ
            // unless another one changed the other way, which the lookup of its previous part catches.
            result[i] = isExported[i] && context.MustProcess(documents[i]) ? documents[i].With(SiteKeys.ExportFragment, previous[documents[i].SourcePath]) : documents[i];
        }

        result[documents.Count] = file;
        return result;
    }

    // A recomputed family is serialised again; a reused one keeps the part it had in the previous run.
    private static ReadOnlyMemory<byte> FragmentOf(Document document, JobFamily family, Dictionary<string, ReadOnlyMemory<byte>> previous, StageContext context) =>
        !context.MustProcess(document) && previous.TryGetValue(document.SourcePath, out var fragment)
            ? fragment
            : JobFamiliesExport.FragmentOf(family, PublishedOf(document));

    private static PublishedVersions? PublishedOf(Document document) =>
        document.TryGet(VersionKeys.Published, out var versions) ? versions : null;

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
