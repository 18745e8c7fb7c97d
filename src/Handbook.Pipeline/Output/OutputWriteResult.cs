namespace Handbook.Pipeline.Output;

/// <summary>What <see cref="OutputWriter.WriteAsync"/> did.</summary>
/// <param name="Outcome">Whether the output folder was replaced (or updated in place).</param>
/// <param name="FilesWritten">Files in the new output folder (0 unless replaced).</param>
public sealed record OutputWriteResult(OutputWriteOutcome Outcome, int FilesWritten)
{
    public bool Replaced => Outcome == OutputWriteOutcome.Replaced;

    /// <summary>
    /// Output-relative paths whose bytes changed, were added or were removed compared with the previous write of the
    /// same writer (sorted); every file when the writer had not written before. Empty unless replaced.
    /// </summary>
    public IReadOnlyList<string> ChangedFiles { get; init; } = [];
}
