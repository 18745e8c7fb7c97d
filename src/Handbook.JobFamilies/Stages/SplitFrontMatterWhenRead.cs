namespace Handbook.JobFamilies.Stages;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.IO;

/// <summary>
/// <see cref="ReadFrontMatter"/>'s split of a job-family page, done by the reading stage as each file is decoded
/// (<see cref="ReadFilesOptions.PrepareText"/>), with the page's text emptied; <see cref="ReadFrontMatter"/> then passes
/// the page on as it is. For one-shot builds in which nothing between reading and <see cref="ReadFrontMatter"/> reads
/// a page's text (builds with versions record the texts' fingerprints in between).
/// </summary>
/// <remarks>
/// Why (issue 9): split in the next stage, every page text had been promoted to the collector's oldest generation while
/// the site was read, and all of them stayed resident, dead, next to the bodies copied out of them until a full
/// collection – the first of the three places of synthetic N = 10000's peak (≈ 1 GiB resident, 442 MiB live). Split
/// here, each text dies in the call that decoded it. The split itself is the same code, so front matter, body and
/// diagnostics (and their positions) are the same.
/// With <paramref name="parksBody"/> (builds whose parsing runs in batches, <see cref="ProcessFamiliesInBatches"/>,
/// which read a parked body) the body is kept compressed right away (<see cref="ParkedMarkdown"/>): the bodies as
/// strings were most of what the reading stages held (issue 9, the first half's peak); with <paramref name="spool"/> its
/// compressed bytes wait there, off the heap.
/// </remarks>
public sealed class SplitFrontMatterWhenRead(bool parksBody = false, ICompressedTextSpool? spool = null) : IReadTextPreparer
{
    public Document Prepare(Document read, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var split = ReadFrontMatter.Split(read, diagnostics, releasesSourceText: true);
        return parksBody ? ParkedMarkdown.Park(split, spool) : split;
    }
}
