namespace Handbook.Pipeline.IO;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;

/// <summary>
/// Turns a text document into what a later stage would make of it, in the same call that decoded the file
/// (<see cref="ReadFilesOptions.PrepareText"/>), e.g. splitting a page into front matter and body.
/// </summary>
/// <remarks>
/// Why at reading time and not in the stage after: a text that is decoded and replaced within one call dies young, in
/// the collector's youngest generation. Read by one stage and replaced by the next, every text of the site has been
/// promoted to the oldest generation by the collections in between, and stays resident next to its replacement until
/// a full collection (issue 9: ≈ 450 MiB of dead page texts at synthetic N = 10000).
/// </remarks>
public interface IReadTextPreparer
{
    /// <summary>
    /// The document to keep in place of <paramref name="read"/> (itself when it is not one to prepare); problems go to
    /// <paramref name="diagnostics"/>, as the stage would report them.
    /// </summary>
    Document Prepare(Document read, DiagnosticBag diagnostics);

    /// <summary>
    /// The preparer for one read, told the input-relative paths of every file the read selected before any is read
    /// (in a full read, every file; in an incremental run's read, the changed ones): this one unless what it does depends
    /// on what the read holds, e.g. on how many pages a site has. The reading stage calls it once per read.
    /// </summary>
    IReadTextPreparer ForRead(IReadOnlyList<string> relativePaths) => this;
}
