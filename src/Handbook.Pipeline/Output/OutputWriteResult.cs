namespace Handbook.Pipeline.Output;

/// <summary>What <see cref="OutputWriter.WriteAsync"/> did.</summary>
/// <param name="Outcome">Whether the output folder was replaced.</param>
/// <param name="FilesWritten">Files in the new output folder (0 unless replaced).</param>
public sealed record OutputWriteResult(OutputWriteOutcome Outcome, int FilesWritten)
{
    public bool Replaced => Outcome == OutputWriteOutcome.Replaced;
}
